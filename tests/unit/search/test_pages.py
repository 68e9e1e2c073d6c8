"""Which pages the search indexes, and what their results are called."""

from __future__ import annotations

import pytest

from hub.search.pages import GROUPS, group_of, ignore_citations, is_indexed, kind_of


@pytest.mark.parametrize(
    ("url", "meta", "indexed"),
    [
        ("strategy/data/measuring/", {}, True),
        ("blog/2026/03/24/a-post/", {"title": "A post"}, True),
        ("organisations/upreach/", {}, True),
        ("news/", {}, True),
        # Listings repeat what they link to.
        ("", {}, False),
        ("organisations/", {}, False),
        ("blog/tags/", {}, False),
        ("organisations/page/51/", {}, False),  # the directory's further pages, at 101 organisations on
        ("organisations/page-turners/", {}, True),  # an organisation's own page
        # Material's own front matter convention.
        ("about/", {"search": {"exclude": True}}, False),
        ("about/", {"search": {"exclude": False}}, True),
        ("about/", {"search": "yes"}, True),
    ],
)
def test_is_indexed(url: str, meta: dict, indexed: bool) -> None:
    assert is_indexed(url, meta) is indexed


@pytest.mark.parametrize(
    ("url", "meta", "kind"),
    [
        ("strategy/culture/", {}, "Guidance"),
        ("plan/", {}, "Guidance"),
        ("blog/2026/03/24/a-post/", {}, "Blog post"),
        ("blog/2026/03/24/a-post/", {"categories": ["Case studies"]}, "Case studies"),
        ("organisations/upreach/", {}, "Organisation"),
        ("news/", {}, "Sector news"),
        ("glossary/", {}, "Glossary"),
        ("about/", {}, "Page"),
    ],
)
def test_kind_of(url: str, meta: dict, kind: str) -> None:
    assert kind_of(url, meta) == kind


@pytest.mark.parametrize(
    ("url", "group"),
    [
        ("strategy/employee-journey/progression/", "guidance"),
        ("plan/", "guidance"),
        ("why-it-matters/", "guidance"),
        ("glossary/", "guidance"),
        ("blog/2026/11/21/case-study/", "news"),
        ("news/", "news"),
        ("organisations/upreach/", "organisations"),
        ("about/", "about"),
        ("accessibility/", "about"),
    ],
)
def test_group_of(url: str, group: str) -> None:
    assert group_of(url) == group and group in GROUPS


SOURCES = '<h2 id="sources">Sources<a class="headerlink" href="#sources">¶</a></h2>\n<ul><li><a href="https://x.example/">X</a></li></ul>\n'
BOX = '<div class="admonition info">\n<p class="admonition-title">Source</p>\n<p>X, <a href="https://x.example/">https://x.example/</a>.</p>\n</div>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # The Sources section, to the end of the page or to the next <h2>.
        (f"<p>Text.</p>\n{SOURCES}", f"<p>Text.</p>\n<div data-pagefind-ignore>{SOURCES}</div>"),
        (
            f'<p>Text.</p>\n{SOURCES}<h2 id="after">After</h2><p>Kept.</p>',
            f'<p>Text.</p>\n<div data-pagefind-ignore>{SOURCES}</div><h2 id="after">After</h2><p>Kept.</p>',
        ),
        # A case study's Source box, whatever kind of admonition it is.
        (
            BOX,
            BOX.replace(
                '<div class="admonition info">', '<div class="admonition info" data-pagefind-ignore>'
            ),
        ),
        # A "Source: …" sentence, to its full stop, links and all; the paragraph goes on after it.
        (
            '<p>A claim. Source: X, <a href="https://x.example/">a report. With dots</a>, 2021. More.</p>',
            "<p>A claim. <span data-pagefind-ignore>Source: X, "
            '<a href="https://x.example/">a report. With dots</a>, 2021.</span> More.</p>',
        ),
        # … or to the end of its list item when it has no full stop.
        (
            "<li>A claim. Sources: <em>X</em> and Y</li><li>Next</li>",
            "<li>A claim. <span data-pagefind-ignore>Sources: <em>X</em> and Y</span></li><li>Next</li>",
        ),
        # Not citations: a word ending in "source", another admonition, a heading naming sources.
        ("<p>An open-source: tool.</p>", None),
        ('<div class="admonition note">\n<p class="admonition-title">Note</p></div>', None),
        ('<h2 id="sources-of-funding">Sources of funding</h2><p>Kept.</p>', None),
    ],
)
def test_ignore_citations(html: str, expected: str | None) -> None:
    assert ignore_citations(html) == (html if expected is None else expected)
