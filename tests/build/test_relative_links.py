"""Links to the hub's own pages are relative, so a deploy preview keeps its visitors on the preview.

The head may name the live address (the canonical link, share metadata: what search engines
and link previews are for); a page body never links to it.
"""

from __future__ import annotations

from tests.conftest import Build
from tests.project import SITE_URL

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset")


def absolute_links(build: Build, url: str) -> list[str]:
    """Every attribute in the page's body that points at the live site's address."""
    body = build.html(url).body
    return [
        f"<{tag.name} {name}={tag[name]!r}>"
        for tag in body.find_all(True)
        for name in URL_ATTRIBUTES
        if tag.has_attr(name) and str(tag[name]).strip().startswith(SITE_URL.rstrip("/"))
    ]


def test_no_page_body_links_to_the_live_address(build: Build) -> None:
    found = {url: links for url in build.page_urls() if (links := absolute_links(build, url))}
    assert found == {}


def test_the_check_finds_an_absolute_link(build: Build, tmp_path) -> None:
    """The check above would see one: the same page with a link to the live address added."""
    copy = Build(tmp_path, build.log)
    page = build.page_file("about/").read_text(encoding="utf-8")
    (tmp_path / "about").mkdir()
    link = f'<a href="{SITE_URL}strategy/">Strategy</a>'
    (tmp_path / "about" / "index.html").write_text(page.replace("</article>", link + "</article>"), "utf-8")
    assert absolute_links(copy, "about/") == [f"<a href={SITE_URL + 'strategy/'!r}>"]
