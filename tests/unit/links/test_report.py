"""The link report: lychee's JSON read into broken links, and the Markdown an editor reads."""

from __future__ import annotations

import json
from pathlib import Path

from hub.links.report import BrokenLink, find_sources, page_url, read_lychee_report, render_markdown

GONE = {"text": "Rejected status code: 404 Not Found", "code": 404}


def test_lychee_json_becomes_one_row_per_link_with_its_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "strategy" / "legal").mkdir(parents=True)
    legal, home = f"{site}/strategy/legal/index.html", f"{site}/index.html"
    report = {
        "error_map": {
            legal: [
                {"url": "https://example.org/gone", "status": {**GONE, "text": GONE["text"] + " (cached)"}},
                {"url": f"file://{site}/strategy/legal#nowhere", "status": {"text": "Cannot find fragment"}},
            ],
            home: [
                {"url": "https://example.org/gone", "status": GONE},
                {
                    "url": "https://down.example.org/",
                    "status": {
                        "text": "Network error: Connection failed (error sending request for url "
                        "(https://down.example.org/))"
                    },
                },
            ],
        },
        "timeout_map": {home: [{"url": "https://slow.example.org/", "status": {"text": "Timeout"}}]},
    }
    assert read_lychee_report(json.dumps(report), site) == [
        BrokenLink("/strategy/legal/#nowhere", "Cannot find fragment", ("/strategy/legal/",)),
        BrokenLink("https://down.example.org/", "Network error: Connection failed", ("/",)),
        BrokenLink("https://example.org/gone", "404 Not Found", ("/", "/strategy/legal/")),
        BrokenLink("https://slow.example.org/", "Timeout", ("/",)),
    ]


def test_page_urls_are_the_sites_addresses(tmp_path: Path) -> None:
    assert page_url(tmp_path / "index.html", tmp_path) == "/"
    assert page_url(tmp_path / "a" / "b" / "index.html", tmp_path) == "/a/b/"
    assert page_url(tmp_path / "404.html", tmp_path) == "/404.html"


def test_sources_are_found_by_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "docs" / "strategy").mkdir(parents=True)
    (tmp_path / "data" / "organisations").mkdir(parents=True)
    legal = (
        "# Legal\n\nSee [the Act](https://example.org/a?b=1&c=2).\n[x](#nowhere) and https://example.org/\n"
    )
    (tmp_path / "docs" / "strategy" / "legal.md").write_text(legal)
    (tmp_path / "data" / "organisations" / "x.yml").write_text("name: X\nwebsite: https://example.org\n")
    links = [
        BrokenLink("https://example.org/a?b=1&amp;c=2", "404 Not Found", ("/strategy/legal/",)),
        BrokenLink("https://example.org/", "Timeout", ("/organisations/x/",)),
        BrokenLink("/strategy/legal/#nowhere", "Cannot find fragment", ("/strategy/legal/",)),
        BrokenLink("/organisations/y/", "File not found", ("/organisations/",)),
    ]
    found = find_sources(links, tmp_path)
    assert found[0].sources == ("docs/strategy/legal.md:3",)
    # The page's own source first; a longer address that starts the same is not a match.
    assert found[1].sources == ("data/organisations/x.yml:2", "docs/strategy/legal.md:4")
    assert found[2].sources == ("docs/strategy/legal.md:4",)
    assert found[3].sources == ()


def test_the_markdown_table_cannot_be_broken_by_a_link() -> None:
    link = BrokenLink("https://x.example/a|b<script>", "404 Not Found", ("/",), ("docs/index.md:3",))
    row = render_markdown([link], checked="today").splitlines()[-1]
    assert row == "| https://x.example/a\\|b&lt;script&gt; | 404 Not Found | / | `docs/index.md:3` |"


def test_many_pages_are_summed_up() -> None:
    link = BrokenLink("https://x.example/", "Timeout", tuple(f"/p{n}/" for n in range(8)))
    assert "/p4/<br>and 3 more |" in render_markdown([link], checked="today")


def test_no_broken_links_is_said_plainly() -> None:
    expected = "## No broken links\n\nChecked on 2026-12-05: every link works.\n"
    assert render_markdown([], checked="on 2026-12-05") == expected
