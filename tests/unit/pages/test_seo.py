from __future__ import annotations

from hub.pages.seo import first_paragraph, listing_description


def test_first_non_empty_paragraph_as_plain_text() -> None:
    html = '<h1>T</h1><p> </p><p>Hire for <a href="x">competence</a> &amp; potential.</p><p>Later.</p>'
    assert first_paragraph(html) == "Hire for competence & potential."


def test_long_paragraph_is_cut_at_a_word() -> None:
    text = first_paragraph("<p>" + "word " * 100 + "</p>", limit=30)
    assert text == "word word word word word word…"
    assert len(text) <= 30


def test_no_paragraph_gives_empty_text() -> None:
    assert first_paragraph("<ul><li>x</li></ul>") == ""


def test_listing_pages_get_a_description_of_their_own() -> None:
    assert listing_description("2026", "blog/archive/2026/", "Site.") == (
        "News and blog posts from the employer hub: 2026."
    )
    assert listing_description("Other", "other/", "Site.") == "Site."
