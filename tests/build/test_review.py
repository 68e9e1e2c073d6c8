"""Review dates in the built site: "Last reviewed" on guidance pages, warnings for what is due,
and the maintainers' list (noindex, not in the nav, the sitemap or the search index)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from hub.core.frontmatter import read_front_matter_file
from hub.dev import sitebuild
from hub.review.dates import is_guidance
from tests.build.test_schedule import _indexed_urls
from tests.conftest import Build, build_site
from tests.project import PROJECT, copy_project

TODAY = dt.date(2026, 12, 5)
REVIEW_URL = "maintainers/review/"
GUIDANCE = sorted(
    path
    for path in PROJECT.root.joinpath("docs").rglob("*.md")
    if is_guidance(path.relative_to(PROJECT.root / "docs").as_posix())
)
# In the copy: one guidance page checked every 6 months, last in January, and one organisation
# last checked in June 2025; everything else was reviewed in the last weeks.
LEGAL = "docs/strategy/legal.md"
ORG = "data/organisations/upreach.yml"


def _url(path: Path) -> str:
    """The site URL of a page under docs/."""
    relative = path.relative_to(PROJECT.root / "docs").with_suffix("").as_posix()
    return "" if relative == "index" else relative.removesuffix("/index").removesuffix("index") + "/"


def test_every_guidance_page_shows_when_it_was_last_reviewed(build: Build) -> None:
    assert len(GUIDANCE) >= 10
    for path in GUIDANCE:
        reviewed = read_front_matter_file(path).data["reviewed"]
        shown = build.html(_url(path)).select_one("article .hub-reviewed time")
        assert shown is not None, path
        assert shown["datetime"] == reviewed.isoformat()
        assert shown.get_text() == f"{reviewed.day} {reviewed:%B %Y}"


def test_other_pages_show_no_review_date(build: Build) -> None:
    for url in ("", "about/", "plan/", "blog/", "organisations/"):
        assert not build.html(url).select(".hub-reviewed"), url


@pytest.fixture(scope="module")
def due(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A copy with one guidance page and one organisation past due, built on TODAY."""
    root = tmp_path_factory.mktemp("project")
    config = copy_project(root)
    legal = root / LEGAL
    text = legal.read_text(encoding="utf-8")
    legal.write_text(re.sub(r"(?m)^reviewed: \S+$", "reviewed: 2026-01-10\nreview_every: 6", text, count=1))
    org = root / ORG
    org.write_text(
        re.sub(r"last_reviewed: \S+", "last_reviewed: 2025-06-01", org.read_text("utf-8")), "utf-8"
    )
    env = {"HUB_TODAY": TODAY.isoformat(), "HUB_CACHE_DIR": str(tmp_path_factory.mktemp("c"))}
    return build_site(tmp_path_factory.mktemp("site") / "site", env, config)


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


def test_each_past_due_file_is_one_warning_with_path_and_line_and_the_strict_build_passes(due: Build) -> None:
    warnings = [line for line in due.log.splitlines() if "Review due" in line]
    legal_line = _line_of((PROJECT.root / LEGAL).read_text(encoding="utf-8"), "reviewed:")
    org_line = _line_of((PROJECT.root / ORG).read_text(encoding="utf-8"), "last_reviewed:")
    assert warnings == [
        f"WARNING -  Review due: {ORG}:{org_line}: last_reviewed: due for review since 2026-06-01"
        " (last reviewed 2025-06-01, every 12 months)",
        f"WARNING -  Review due: {LEGAL}:{legal_line}: reviewed: due for review since 2026-07-10"
        " (last reviewed 2026-01-10, every 6 months)",
    ]


def test_the_maintainers_page_lists_what_is_past_due_first_with_edit_links(due: Build) -> None:
    soup = due.html(REVIEW_URL)
    past, coming = soup.select("table.hub-review")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in past.select("tbody tr")]
    assert [row[0] for row in rows] == ["1 June 2026", "10 July 2026"]
    assert rows[0][1].startswith("upReach") and rows[1][1].startswith("The legal context")
    links = [a["href"] for a in past.select("tbody tr")[1].select("a")]
    assert links == [
        "../../strategy/legal/",
        f"https://github.com/employer-hub/employer-hub/edit/main/{LEGAL}",
    ]
    org_links = [a["href"] for a in past.select("tbody tr")[0].select("a")]
    assert org_links[-1] == "../../admin/#/collections/organisations/entries/upreach"
    dues = [row.select_one("time")["datetime"] for row in coming.select("tbody tr")]
    assert (
        dues == sorted(dues)
        and len(dues) == len(GUIDANCE) - 1 + len(list(PROJECT.organisations.glob("*.yml"))) - 1
    )


def test_the_maintainers_page_is_hidden_from_search_engines_the_sitemap_search_and_nav(due: Build) -> None:
    soup = due.html(REVIEW_URL)
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert REVIEW_URL not in (due.site / "sitemap.xml").read_text(encoding="utf-8")
    assert not soup.select("[data-pagefind-body]")
    assert f"/{REVIEW_URL}" not in _indexed_urls(due.site)
    assert not due.html("").select(f'nav a[href$="{REVIEW_URL}"]')
    # The other pages are still in the sitemap.
    assert "https://employer-hub.netlify.app/strategy/legal/" in (due.site / "sitemap.xml").read_text("utf-8")


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("", "docs/strategy/legal.md:2: reviewed: is required on guidance pages"),
        (
            'reviewed: "2026-11-25"\n',
            "docs/strategy/legal.md:3: reviewed: must be a date written as YYYY-MM-DD",
        ),
        ("reviewed: 2026-11-25\nreview_every: a year\n", "docs/strategy/legal.md:4: review_every: must be"),
    ],
)
def test_a_bad_review_date_stops_the_build_with_path_and_line(
    tmp_path: Path, front_matter: str, message: str
) -> None:
    config = copy_project(tmp_path)
    legal = tmp_path / LEGAL
    text = re.sub(r"(?m)^reviewed: \S+\n", "", legal.read_text(encoding="utf-8"), count=1)
    legal.write_text(_with_fields(text, front_matter), encoding="utf-8")
    built = sitebuild.build_site(config, tmp_path / "s")
    assert not built.ok
    assert message in built.log


def _with_fields(text: str, fields: str) -> str:
    """`text` with `fields` added after the title line of its front matter."""
    first, title, rest = text.split("\n", 2)
    return f"{first}\n{title}\n{fields}{rest}"
