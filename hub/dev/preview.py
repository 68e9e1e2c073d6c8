"""Serve a built site on 127.0.0.1 the way Netlify would: pretty URLs, the redirects in
netlify.toml, the headers in `_headers`, and 404.html for what is not there.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import mimetypes
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hub.deploy.headers import SITEMAP
from hub.deploy.netlify import HeaderRule, Redirect, headers_for, match_redirect, parse_headers

mimetypes.add_type("application/json", ".json")
mimetypes.add_type("application/xml", ".xml")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("text/javascript", ".js")

_LOC = re.compile(rb"<loc>https?://[^/<]+/")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (for a server started by its port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sitemap_for(content: bytes, origin: str) -> bytes:
    """The sitemap with its pages' addresses on `origin` (say, http://127.0.0.1:8080).

    Material's instant navigation takes over a click only for a page the sitemap lists, and
    it compares the port too: served as built (the site's own address), a local server's
    pages would all open with full loads. The real host serves the sitemap at the address it
    names, so this is how a visitor's browser sees it.
    """
    return _LOC.sub(b"<loc>" + origin.rstrip("/").encode() + b"/", content)


class NetlifyHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for a static site with Netlify's rules."""

    site: Path
    header_rules: list[HeaderRule]
    redirect_rules: list[Redirect]
    # gzip text when the browser asks for it, as the host does (benchmarks and Lighthouse).
    compress: bool = False
    server_version = "hub-preview"
    sys_version = ""

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _respond(self, *, body: bool) -> None:
        """Answer one request: forced redirects, then files, then other redirects, then 404."""
        path = unquote(urlsplit(self.path).path)
        found = match_redirect(path, self.redirect_rules)
        if found and found[0].force:
            self._redirect(path, *found, body=body)
            return
        if not path.endswith("/") and (self.site / path.lstrip("/")).is_dir():
            # Pretty URLs: a folder is always addressed with its trailing slash.
            self._send(301, path, b"", [("Location", path + "/")], body=body)
            return
        file = self._file_for(path)
        if file is not None:
            content = file.read_bytes()
            if path == SITEMAP:
                content = sitemap_for(content, f"http://{self.headers['Host']}")
            self._send(200, path, content, [("Content-Type", _content_type(file))], body=body)
            return
        if found:
            self._redirect(path, *found, body=body)
            return
        missing = self.site / "404.html"
        content = missing.read_bytes() if missing.exists() else b"Not found"
        self._send(404, path, content, [("Content-Type", "text/html; charset=utf-8")], body=body)

    def _file_for(self, path: str) -> Path | None:
        """The file a URL path serves, never outside the site folder."""
        candidate = (self.site / path.lstrip("/")).resolve()
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_relative_to(self.site.resolve()) or not candidate.is_file():
            return None
        return candidate

    def _redirect(self, path: str, rule: Redirect, target: str, *, body: bool) -> None:
        """A redirect, or (status 200/404) the target's content served at this path.

        Either way the response gets the header rules of the path asked for, not the target's:
        Netlify matches `_headers` against the request, and nothing shows it applies a rewrite
        target's rules (say, /404.html's) to the response.
        """
        if rule.status in (200, 404):
            file = self._file_for(target)
            content = file.read_bytes() if file else b"Not found"
            self._send(rule.status, path, content, [("Content-Type", "text/html; charset=utf-8")], body=body)
        else:
            self._send(rule.status, path, b"", [("Location", target)], body=body)

    def _send(
        self, status: int, path: str, content: bytes, extra: list[tuple[str, str]], *, body: bool
    ) -> None:
        """Send status, the `_headers` for `path`, and the body (gzipped when asked for)."""
        headers = [*extra, *headers_for(path, self.header_rules)]
        if status == 200:
            # An ETag, as the host sends: a revisit asks again and gets 304 without the body.
            tag = '"' + hashlib.sha1(content).hexdigest()[:20] + '"'
            headers.append(("ETag", tag))
            if self.headers.get("If-None-Match") == tag:
                status, content = 304, b""
        if (
            self.compress
            and content
            and _compressible(extra)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            content = gzip.compress(content, 6)
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        # Recorded before it goes out: once the client has the answer it may ask again at
        # once, and that request's handler thread would otherwise record first.
        sent = getattr(self.server, "sent", None)
        if sent is not None:
            sent.append((path, status, len(content) if body else 0))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def _compressible(headers: list[tuple[str, str]]) -> bool:
    """Text, scripts, styles, JSON, XML and SVG are worth compressing; images and fonts are not."""
    kind = dict(headers).get("Content-Type", "")
    return kind.startswith("text/") or any(word in kind for word in ("json", "xml", "javascript", "svg"))


def _content_type(file: Path) -> str:
    """The Content-Type for a file, with a charset for text."""
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml")) else kind


def make_server(
    site: Path,
    redirect_rules: list[Redirect],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    quiet: bool = False,
    compress: bool = False,
) -> http.server.ThreadingHTTPServer:
    """A server for `site` honouring its `_headers` and the given redirects (not started).

    With `compress`, text goes out gzipped to browsers that ask; the server's `sent` list
    records (path, status, body bytes) of every response, for benchmarks to total.
    """
    headers_file = site / "_headers"
    rules = parse_headers(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else []
    handler = type(
        "SiteHandler",
        (NetlifyHandler,),
        {"site": site, "header_rules": rules, "redirect_rules": redirect_rules, "compress": compress},
    )
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet  # type: ignore[attr-defined]
    server.sent = []  # type: ignore[attr-defined]
    return server


def serve_in_thread(server: http.server.ThreadingHTTPServer) -> threading.Thread:
    """Run `server` on a daemon thread (for tests and benchmarks)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


class _QuietStaticHandler(http.server.SimpleHTTPRequestHandler):
    """Plain static files, without a line per request; the sitemap on this server's origin."""

    def do_GET(self) -> None:
        file = Path(self.directory) / SITEMAP.lstrip("/")
        if urlsplit(self.path).path != SITEMAP or not file.is_file():
            super().do_GET()
            return
        content = sitemap_for(file.read_bytes(), f"http://{self.headers['Host']}")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_static(site: Path, *, netlify_toml: Path | None = None) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 for the block; yield its base URL.

    Plain static files by default; given a `netlify_toml`, under the site's `_headers` and
    that file's redirects, as `make preview` serves it.
    """
    if netlify_toml is not None:
        with serve_like_host(site, netlify_toml, compress=False) as server:
            yield base_url(server)
        return
    handler = functools.partial(_QuietStaticHandler, directory=str(site))
    with _running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)) as server:
        yield base_url(server)


@contextmanager
def serve_like_host(
    site: Path, netlify_toml: Path, *, compress: bool = True, port: int = 0
) -> Iterator[http.server.ThreadingHTTPServer]:
    """Serve `site` as the host does (headers, redirects, ETags, gzip) for the block; yield
    the running server, whose `sent` list records every response (benchmarks total it)."""
    from hub.deploy.netlify import load_netlify_toml, redirects

    rules = redirects(load_netlify_toml(netlify_toml))
    with _running(make_server(site, rules, port=port, quiet=True, compress=compress)) as server:
        yield server


def base_url(server: http.server.ThreadingHTTPServer) -> str:
    """The base URL of a server started here."""
    return f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def _running(server: http.server.ThreadingHTTPServer) -> Iterator[http.server.ThreadingHTTPServer]:
    """Run `server` on a thread for the block, then stop it and free its port."""
    serve_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
