"""hub.feeds.fetch against a real HTTP server on 127.0.0.1: statuses, budgets, caps, encodings,
conditional GETs and URLs the client cannot use."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import time
import tracemalloc
import zlib

import pytest

from hub.feeds.collect import Collected
from hub.feeds.fetch import MAX_BYTES, Request, fetch_all
from hub.feeds.model import Source
from hub.feeds.store import read_cache
from tests.feedserver import FIXTURES
from tests.unit.feeds.support import NOW, only, run, source


def compressed(body: bytes, wbits: int) -> bytes:
    """`body` compressed as gzip (16 + MAX_WBITS), zlib deflate (MAX_WBITS) or raw deflate (-15)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return packer.compress(body) + packer.flush()


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of zeros as gzip, made a megabyte at a time (about 1000 to 1 smaller)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    return b"".join(packer.compress(zeros) for _ in range(size // len(zeros))) + packer.flush()


def test_requests_name_the_site_in_their_user_agent(server, tmp_path) -> None:
    run(tmp_path, source(server, "f/rss2.xml"))
    (_, headers), *_ = server.log.requests
    assert "employer-hub" in headers["user-agent"]


def test_fetching_works_when_the_caller_runs_an_event_loop(server, tmp_path) -> None:
    # Playwright's sync API (and some hosts) keep a loop running in the calling thread.
    async def inside_a_loop() -> Collected:
        return run(tmp_path, source(server, "f/atom.xml"))

    # In a thread of its own, so this test runs the same whether or not pytest's thread has a loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        collected = pool.submit(asyncio.run, inside_a_loop()).result()
    assert only(collected)[0] == "fresh"


def test_second_fetch_is_conditional_and_304_keeps_the_cached_items(server, tmp_path) -> None:
    feed = source(server, "etag.xml")
    first = only(run(tmp_path, feed))
    later = NOW + dt.timedelta(days=3)
    second = run(tmp_path, feed, now=later)
    assert first[0] == "fresh"
    assert only(second) == ("not-modified", "", first[2])
    assert server.log.requests[1][1]["if-none-match"] == '"v1"'
    assert read_cache(tmp_path / "cache", "s", now=later).fetched == later


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("status/404", "HTTP 404"),
        ("status/500", "HTTP 500"),
        ("loop/0", "more than 5 redirects"),
    ],
)
def test_a_bad_answer_is_a_failure_with_its_reason(server, tmp_path, path, reason) -> None:
    assert only(run(tmp_path, source(server, path))) == ("failed", reason, [])


# The wall-time requirement: the fetch step ends within its budget plus 1 s. The budget is
# long enough for the quick fetch to finish on two busy cores, and far below what a fetch
# that ignored it would take (/drip never ends; the per-request read timeout is 8 s), so the
# 1 s is only the margin for cancelling and closing, which is what it is meant to bound.
WALL_BUDGET = 3.0


@pytest.mark.parametrize("path", ["hang", "drip"])
def test_a_source_that_never_finishes_fails_within_the_budget(server, path) -> None:
    requests = [Request("slow", server.url(path)), Request("quick", server.url("f/atom.xml"))]
    started = time.monotonic()
    fetched = fetch_all(
        requests, budget=WALL_BUDGET, user_agent="hub-tests"
    )  # exactly the fetch step, nothing else
    elapsed = time.monotonic() - started
    assert elapsed <= WALL_BUDGET + 1, f"the fetch step took {elapsed:.2f} s"
    assert (fetched["slow"].status, fetched["slow"].reason) == ("failed", "timed out (budget 3 s)")
    assert fetched["quick"].status == "ok"  # fetched alongside, not after, the slow one


def test_a_timed_out_source_fails_alone_in_the_feeds_step(server, tmp_path) -> None:
    collected = run(tmp_path, source(server, "hang", "slow"), source(server, "f/atom.xml", "quick"))
    slow, quick = collected.results
    assert (slow.outcome, slow.reason) == ("failed", "timed out (budget 2 s)")
    assert quick.outcome == "fresh"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("bad-redirect", "IDNAError: Malformed A-label, no Punycode eligible content found"),
        ("https://xn--/x", "IDNAError: Malformed A-label, no Punycode eligible content found"),
        (
            "https://exa\x01mple.org/feed",
            "InvalidURL: Invalid non-printable ASCII character in URL, '\\x01' at position 11.",
        ),
    ],
)
def test_a_url_the_client_cannot_use_fails_alone(server, tmp_path, url, reason) -> None:
    # A hostile redirect or a typo in data/feeds.yml: that source fails, the others come back.
    bad = Source("bad", "Bad", url if "://" in url else server.url(url), "news", "news")
    collected = run(tmp_path, bad, source(server, "f/atom.xml", "good"), source(server, "f/rss2.xml", "more"))
    assert [(r.source.id, r.outcome, r.reason) for r in collected.results] == [
        ("bad", "failed", reason),
        ("good", "fresh", ""),
        ("more", "fresh", ""),
    ]


def test_a_50_mb_body_is_cut_at_the_cap(server, tmp_path) -> None:
    tracemalloc.start()
    # A roomy budget: tracing every allocation slows the read, and the cap, not time, must stop it.
    outcome, reason, _ = only(run(tmp_path, source(server, "huge"), budget=20))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (outcome, reason) == ("failed", "larger than 5 MB")
    assert peak < 3 * MAX_BYTES, f"peak Python memory {peak / 1e6:.1f} MB"
    # Loopback socket buffers hold a few MB more than the client read; the stream still stops early.
    assert server.log.huge_sent < 5 * MAX_BYTES, f"server sent {server.log.huge_sent / 1e6:.1f} MB"


def test_a_gzip_bomb_is_cut_at_the_cap_with_bounded_memory(server, tmp_path) -> None:
    bomb = gzip_bomb(100 * 1024 * 1024)
    assert len(bomb) < 200_000  # a small body on the wire
    server.log.bodies["bomb"] = (bomb, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
    tracemalloc.start()
    outcome, reason, _ = only(run(tmp_path, source(server, "body/bomb"), budget=20))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (outcome, reason) == ("failed", "larger than 5 MB")
    # About 13 MB: the body at the cap, one decoded step and a copy. Decoded before the check,
    # one 64 KB read of this bomb alone would be about 64 MB (the old code peaked at 150 MB).
    assert peak < 4 * MAX_BYTES, f"peak Python memory {peak / 1e6:.1f} MB"


@pytest.mark.parametrize(
    ("encoding", "wbits"),
    [
        ("gzip", 16 + zlib.MAX_WBITS),
        ("x-gzip", 16 + zlib.MAX_WBITS),
        ("deflate", zlib.MAX_WBITS),
        ("deflate", -15),
    ],
)
def test_a_compressed_feed_is_decoded(server, tmp_path, encoding, wbits) -> None:
    body = compressed((FIXTURES / "rss2.xml").read_bytes(), wbits)
    server.log.bodies["feed"] = (body, {"Content-Type": "application/rss+xml", "Content-Encoding": encoding})
    assert only(run(tmp_path, source(server, "body/feed")))[0] == "fresh"
    (_, headers), *_ = server.log.requests
    assert headers["accept-encoding"] == "gzip, deflate"  # only what is decoded here, with a cap


@pytest.mark.parametrize(
    ("encoding", "body", "reason"),
    [
        ("br", b"\x0b\x02\x80hello\x03", "Content-Encoding 'br' was not asked for"),
        ("gzip, gzip", b"", "Content-Encoding 'gzip, gzip' was not asked for"),
        ("gzip", b"\x1f\x8b\x08\x00not gzip at all", "the compressed body is corrupt"),
    ],
)
def test_an_encoding_not_offered_or_corrupt_is_a_failure(server, tmp_path, encoding, body, reason) -> None:
    server.log.bodies["feed"] = (body, {"Content-Type": "application/rss+xml", "Content-Encoding": encoding})
    assert only(run(tmp_path, source(server, "body/feed"))) == ("failed", reason, [])
