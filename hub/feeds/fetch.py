"""Fetch every feed at once, within one overall time budget, a size cap and a redirect cap.

Concurrency is asyncio with one httpx.AsyncClient. Each request has connect and read
timeouts; the whole step has one budget, after which unfinished fetches are cancelled and
count as failed. Bodies are streamed, decompressed here (gzip or deflate only, in bounded
steps) and cut at the size cap, so neither a 50 MB answer nor a small gzip bomb costs more
than the cap in memory. Whatever goes wrong with one source (a bad URL, a hostile redirect,
a body that will not decompress) is that source's failure, never the build's.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 8.0
# Only encodings decoded here, with a cap on the output: no brotli or zstd, which httpx would
# otherwise offer (and decode unbounded) whenever their packages happen to be installed.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class Request:
    """One feed to fetch, with the validators from the cache for a conditional GET."""

    id: str
    url: str
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class Fetched:
    """What one fetch gave: a body, "not modified", or a failure with a reason."""

    status: str  # "ok", "not-modified" or "failed"
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    reason: str = ""
    ms: int = 0


class _TooLarge(Exception):
    """The body passed the size cap."""


def fetch_all(
    requests: Iterable[Request], *, budget: float, user_agent: str, max_bytes: int = MAX_BYTES
) -> dict[str, Fetched]:
    """Fetch every request concurrently; return a result for each id within `budget` seconds."""
    todo = list(requests)
    if not todo:
        return {}
    # A loop of our own in a thread of our own: the caller may already be running an event
    # loop (Playwright's sync API does), and the loop is closed without waiting on its
    # executor, so a hung DNS lookup in a worker thread cannot hold the build past the budget.
    outcome: dict[str, Any] = {}

    def worker() -> None:
        loop = asyncio.new_event_loop()
        try:
            outcome["results"] = loop.run_until_complete(_fetch_all(todo, budget, max_bytes, user_agent))
        except BaseException as exc:  # handed back to the calling thread below
            outcome["error"] = exc
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())  # e.g. a body stream cut at the cap
            loop.close()

    thread = threading.Thread(target=worker, name="hub-feeds", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["results"]


async def _fetch_all(
    todo: list[Request], budget: float, max_bytes: int, user_agent: str
) -> dict[str, Fetched]:
    """The async body of fetch_all."""
    timeout = httpx.Timeout(
        connect=min(CONNECT_TIMEOUT, budget), read=min(READ_TIMEOUT, budget), write=budget, pool=budget
    )
    started = time.monotonic()
    async with httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": user_agent, "Accept": _ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        trust_env=False,  # no proxy or netrc from the environment: the build fetches exactly these URLs
    ) as client:
        tasks = {asyncio.ensure_future(_fetch_one(client, r, max_bytes)): r for r in todo}
        done, pending = await asyncio.wait(tasks, timeout=budget)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    elapsed = int((time.monotonic() - started) * 1000)
    results = {}
    for task, request in tasks.items():
        if task in done and not task.cancelled():
            problem = task.exception()  # _fetch_one catches everything; this is a second net
            results[request.id] = task.result() if problem is None else _failure(problem, elapsed)
        else:
            results[request.id] = Fetched("failed", reason=f"timed out (budget {budget:g} s)", ms=elapsed)
    return results


_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"
)


async def _fetch_one(client: httpx.AsyncClient, request: Request, max_bytes: int) -> Fetched:
    """Fetch one feed; never raises (except cancellation): failures come back as a reason."""
    started = time.monotonic()
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    try:
        async with client.stream("GET", request.url, headers=headers) as response:
            result = await _read(response, max_bytes)
    except _TooLarge:
        result = Fetched("failed", reason=f"larger than {max_bytes // (1024 * 1024)} MB")
    except httpx.TooManyRedirects:
        result = Fetched("failed", reason=f"more than {MAX_REDIRECTS} redirects")
    except httpx.ConnectTimeout:
        result = Fetched("failed", reason="connect timed out")
    except httpx.TimeoutException:
        result = Fetched("failed", reason="read timed out")
    except _Undecodable as exc:
        result = Fetched("failed", reason=str(exc))
    except Exception as exc:  # e.g. IDNAError from a redirect to http://xn--/
        # CancelledError is a BaseException, so the budget's cancellation still passes through.
        result = _failure(exc)
    ms = int((time.monotonic() - started) * 1000)
    return Fetched(**{**result.__dict__, "ms": ms})


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]+")


def _failure(exc: BaseException, ms: int = 0) -> Fetched:
    """A failure naming the exception, on one printable line for the build log."""
    text = _UNPRINTABLE.sub(" ", f"{type(exc).__name__}: {str(exc)[:100]}")
    return Fetched("failed", reason=text, ms=ms)


class _Undecodable(Exception):
    """A Content-Encoding we did not offer, or a body that does not decompress."""


class _Decoder:
    """Bounded gzip or deflate decompression: never more than `limit` bytes out per call."""

    def __init__(self, encoding: str) -> None:
        self.deflate = encoding == "deflate"
        self.started = False
        self.zlib = zlib.decompressobj(zlib.MAX_WBITS if self.deflate else 16 + zlib.MAX_WBITS)

    def decompress(self, chunk: bytes, limit: int) -> bytes:
        """Decode a chunk; the output stops at `limit` bytes (0 would mean no limit: never 0)."""
        try:
            out = self.zlib.decompress(chunk, limit)
        except zlib.error:
            if not (self.deflate and not self.started):
                raise
            # "deflate" is often sent raw, without the zlib wrapper the standard asks for.
            self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self.zlib.decompress(chunk, limit)
        self.started = True
        return out

    def flush(self) -> bytes:
        """Whatever the decompressor still holds (all input was consumed, so little or none)."""
        return self.zlib.flush()


def _decoder(encoding: str) -> _Decoder | None:
    """A decompressor for the response's Content-Encoding (None for no encoding)."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip"):
        return _Decoder("gzip")
    if name == "deflate":
        return _Decoder("deflate")
    raise _Undecodable(f"Content-Encoding {encoding.strip()[:40]!r} was not asked for")


async def _read(response: httpx.Response, max_bytes: int) -> Fetched:
    """Read a streamed response up to the cap."""
    if response.status_code == 304:
        return Fetched("not-modified", etag=response.headers.get("etag", ""))
    if response.status_code != 200:
        return Fetched("failed", reason=f"HTTP {response.status_code}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge
    decoder = _decoder(response.headers.get("content-encoding", ""))
    body = bytearray()
    try:
        # Raw (still compressed) bytes, decoded here at most one byte past the cap per chunk, so
        # a few hundred KB of gzip cannot expand to gigabytes before the length is checked.
        async for chunk in response.aiter_raw():
            if decoder is None:
                body += chunk
            else:
                body += decoder.decompress(chunk, max_bytes - len(body) + 1)
            if len(body) > max_bytes:
                raise _TooLarge
        if decoder is not None:
            body += decoder.flush()
    except zlib.error:
        raise _Undecodable("the compressed body is corrupt") from None
    if len(body) > max_bytes:
        raise _TooLarge
    return Fetched(
        "ok",
        body=bytes(body),
        content_type=response.headers.get("content-type", ""),
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
    )
