"""Pagefind over a small built site: the bundle is written, only marked bodies count, and a
site with nothing to index fails with Pagefind's own output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hub.search.index import OUTPUT_SUBDIR, SearchIndexError, build_index, parse_result

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Menu words everywhere</nav>
<article{body}><h1>{title}<a class="headerlink" href="#">¶</a></h1><p>{text}</p></article>
<footer>Footer words everywhere</footer></body></html>"""


def write_page(site: Path, path: str, title: str, text: str, *, indexed: bool = True) -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    body = ' data-pagefind-body data-pagefind-meta="kind:Guidance"' if indexed else ""
    file.write_text(PAGE.format(title=title, text=text, body=body), encoding="utf-8")


def test_only_marked_pages_are_indexed_into_the_bundle(tmp_path: Path) -> None:
    write_page(tmp_path, "a", "Pay gaps", "Compare pay by background.")
    write_page(tmp_path, "b", "Hiring", "Contextual recruitment.")
    write_page(tmp_path, "list", "Everything", "Pay gaps and hiring.", indexed=False)
    result = build_index(tmp_path)
    assert result.pages == 2
    assert result.bundle == tmp_path / OUTPUT_SUBDIR
    entry = json.loads((result.bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 2
    assert (result.bundle / "pagefind.js").is_file()
    assert list((result.bundle / "fragment").glob("*.pf_fragment"))


def test_organisation_facts_and_boilerplate_are_not_indexed(tmp_path: Path) -> None:
    file = tmp_path / "organisations" / "a" / "index.html"
    file.parent.mkdir(parents=True)
    file.write_text(
        '<html lang="en"><body><article data-pagefind-body><h1>Org</h1><p>Tutoring weekly.</p>'
        '<dl class="hub-org-page__facts"><dd>Apprenticeships</dd></dl>'
        '<p class="hub-org-page__reviewed">Entry last reviewed.</p></article></body></html>',
        encoding="utf-8",
    )
    result = build_index(tmp_path)
    assert (result.pages, result.words) == (1, 3)  # org, tutoring, weekly


def test_a_site_with_no_page_is_an_error_not_an_empty_search(tmp_path: Path) -> None:
    (tmp_path / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="pagefind"):
        build_index(tmp_path)


@pytest.mark.parametrize(
    ("log", "pages", "words"),
    [
        ("Indexed 1 language\nIndexed 71 pages\nIndexed 1611 words\n", 71, 1611),
        ("Indexed 1 page\nIndexed 1 word\n", 1, 1),
    ],
)
def test_parse_result_reads_the_summary(log: str, pages: int, words: int) -> None:
    result = parse_result(log, Path("site/pagefind"))
    assert (result.pages, result.words) == (pages, words)


def test_parse_result_refuses_an_empty_index() -> None:
    with pytest.raises(SearchIndexError):
        parse_result("Indexed 0 pages\n", Path("site/pagefind"))
