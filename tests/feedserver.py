"""A real HTTP server on 127.0.0.1 for the feed tests: fixture files and misbehaving routes.

Routes:
  /f/<file>            a file from tests/fixtures/feeds with its usual content type
  /etag.xml            rss2.xml with ETag "v1"; answers 304 to If-None-Match: "v1"
  /status/<code>       an empty answer with that status (404, 500, …)
  /hang                accepts the connection and never answers
  /slow                page.html, after half a second
  /drip                headers, then one byte every 0.2 s, forever
  /huge                a 50 MB RSS body streamed without Content-Length (it counts bytes sent)
  /loop/<n>            redirects to /loop/<n+1> for ever
  /redirect            one redirect to /f/rss2.xml
  /bad-redirect        a redirect to http://xn--/feed, a host name no IDNA codec accepts
  /wrong-type          rss2.xml served as image/png
  /body/<name>         the bytes and headers a test put in log.bodies[name] (e.g. a gzip bomb)
  /switch              whichever route log.switch names, so one URL can change its answer
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"
TYPES = {".xml": "application/rss+xml", ".json": "application/feed+json", ".html": "text/html; charset=utf-8"}
HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 0.5


@dataclass
class Log:
    """What the server saw and sent, for assertions."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    huge_sent: int = 0
    bodies: dict[str, tuple[bytes, dict[str, str]]] = field(default_factory=dict)
    switch: str = "/status/404"
    stop: threading.Event = field(default_factory=threading.Event)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log: Log

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.log.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        path = self.path.split("?", 1)[0]
        if path == "/switch":
            path = self.log.switch
        if path.startswith("/f/"):
            name = path.removeprefix("/f/")
            self._file(FIXTURES / name, TYPES.get(Path(name).suffix, "application/octet-stream"))
        elif path == "/etag.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self._empty(304, {"ETag": '"v1"'})
            else:
                self._file(FIXTURES / "rss2.xml", "application/rss+xml", {"ETag": '"v1"'})
        elif path.startswith("/status/"):
            self._empty(int(path.removeprefix("/status/")))
        elif path == "/hang":
            self.log.stop.wait()
        elif path == "/slow":
            if not self.log.stop.wait(SLOW_SECONDS):
                self._file(FIXTURES / "page.html", TYPES[".html"])
        elif path == "/drip":
            self._drip()
        elif path == "/huge":
            self._huge()
        elif path.startswith("/loop/"):
            self._empty(302, {"Location": f"/loop/{int(path.removeprefix('/loop/')) + 1}"})
        elif path == "/redirect":
            self._empty(301, {"Location": "/f/rss2.xml"})
        elif path == "/bad-redirect":
            self._empty(302, {"Location": "http://xn--/feed"})
        elif path.startswith("/body/") and path.removeprefix("/body/") in self.log.bodies:
            body, headers = self.log.bodies[path.removeprefix("/body/")]
            self._bytes(body, headers)
        elif path == "/wrong-type":
            self._file(FIXTURES / "rss2.xml", "image/png")
        else:
            self._empty(404)

    def _file(self, file: Path, content_type: str, extra: dict[str, str] | None = None) -> None:
        self._bytes(file.read_bytes(), {"Content-Type": content_type, **(extra or {})})

    def _bytes(self, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client hung up, e.g. at its size cap
            self.wfile.write(body)

    def _empty(self, status: int, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            while not self.log.stop.wait(0.2):
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def _huge(self) -> None:
        # Close-delimited (no Content-Length), so only the client's own cap can stop it.
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        item = b"<item><title>Filler</title><link>https://huge.example.org/</link></item>\n"
        chunk = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>\n' + item * 1000)[
            :65536
        ]
        try:
            while self.log.huge_sent < HUGE_BYTES:
                self.wfile.write(chunk)
                self.log.huge_sent += len(chunk)
        except OSError:
            pass
        self.close_connection = True


@dataclass
class FeedServer:
    """The running server: its base URL and its log."""

    base: str
    log: Log

    def url(self, path: str) -> str:
        """The full URL of a route."""
        return self.base + path.lstrip("/")


@contextlib.contextmanager
def serving() -> Iterator[FeedServer]:
    """Run a fixture server for the length of a `with` block."""
    log = Log()
    handler = type("Handler", (_Handler,), {"log": log})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield FeedServer(f"http://127.0.0.1:{server.server_address[1]}/", log)
    finally:
        log.stop.set()
        server.shutdown()
        server.server_close()


HOSTILE_CONFIG = """\
sources:
  - id: hostile-news
    title: Hostile news
    url: {base}f/xss.xml
    section: news
    platform: news
    source: https://example.org/feeds
  - id: hostile-social
    title: Hostile social
    url: {base}f/xss.json
    section: social
    platform: mastodon
    source: https://example.org/feeds
  - id: entities-news
    title: Entities news
    url: {base}f/html-entities.xml
    section: news
    platform: news
    source: https://example.org/feeds
"""


def hostile_build_env(server: FeedServer, folder: Path) -> dict[str, str]:
    """Environment for a live build whose only feeds are the XSS fixtures on `server`, and one
    that is not well-formed XML (HTML named entities) but readable."""
    config = folder / "feeds.yml"
    config.write_text(HOSTILE_CONFIG.format(base=server.base), encoding="utf-8")
    return {
        "HUB_FEEDS": "live",
        "HUB_FEEDS_CONFIG": str(config),
        "HUB_CACHE_DIR": str(folder / "cache"),
        "HUB_FEEDS_TIMEOUT": "5",
    }
