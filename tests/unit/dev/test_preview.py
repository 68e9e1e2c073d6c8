"""The bench's server: gzip for browsers that ask, ETags and 304s as the host sends them."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hub.dev.preview import base_url, serve_like_host, serve_static
from tests.project import PROJECT


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<p>" + "hello " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(200))
    return tmp_path


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and raw body of a GET (a 304 is an answer, not an error)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_text_is_gzipped_for_browsers_that_ask_and_counted(site: Path) -> None:
    with serve_like_host(site, PROJECT.netlify_toml) as server:
        status, headers, body = get(base_url(server), **{"Accept-Encoding": "gzip, br"})
        plain = get(base_url(server))[2]
        image = get(base_url(server) + "logo.png", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain == (site / "index.html").read_bytes()
    assert len(body) < len(plain) / 10
    assert "Content-Encoding" not in image[1]  # images are not compressed again
    assert server.sent[0] == ("/", 200, len(body))


def test_a_revisit_with_the_etag_gets_304_without_a_body(site: Path) -> None:
    with serve_like_host(site, PROJECT.netlify_toml) as server:
        tag = get(base_url(server))[1]["ETag"]
        status, _, body = get(base_url(server), **{"If-None-Match": tag})
        changed = get(base_url(server), **{"If-None-Match": '"other"'})[0]
    assert (status, body, changed) == (304, b"", 200)
    assert [row[1:] for row in server.sent][1] == (304, 0)


SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>https://employer-hub.example/</loc></url>"
    "<url><loc>https://employer-hub.example/strategy/</loc><lastmod>2026-11-25</lastmod></url></urlset>"
)


@pytest.mark.parametrize("host_like", [True, False])
def test_the_sitemap_lists_pages_on_the_serving_origin(site: Path, host_like: bool) -> None:
    """As on the real host, where the sitemap names the address it is served from: Material's
    instant navigation takes over a click only for a page listed at the very same origin."""
    (site / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    if host_like:
        with serve_like_host(site, PROJECT.netlify_toml) as server:
            body = get(base_url(server) + "sitemap.xml")[2].decode()
            origin = base_url(server)
    else:
        with serve_static(site) as origin:
            body = get(origin + "sitemap.xml")[2].decode()
    assert f"<loc>{origin}</loc>" in body and f"<loc>{origin}strategy/</loc><lastmod>" in body
    assert "employer-hub.example" not in body


def test_a_404_gets_the_header_rules_of_the_address_asked_for_not_the_404_pages(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text("<p>Page not found</p>", encoding="utf-8")
    (tmp_path / "_headers").write_text(
        "/*\n  X-Everywhere: yes\n\n/404.html\n  X-Page: 404\n", encoding="utf-8"
    )
    with serve_like_host(tmp_path, PROJECT.netlify_toml) as server:
        status, headers, body = get(base_url(server) + "no-such-page/")
        direct = get(base_url(server) + "404.html")[1]
    assert (status, body) == (404, b"<p>Page not found</p>")
    assert headers["X-Everywhere"] == "yes" and "X-Page" not in headers
    assert direct["X-Page"] == "404"
