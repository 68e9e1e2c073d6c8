"""The built directory: its pages, downloads, navigation, search and element cross-links."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from markupsafe import escape

from hub.dev import sitebuild
from hub.directory.load import load_organisations
from hub.directory.model import by_element
from tests.conftest import Build, build_site
from tests.pages import ELEMENT_PAGES
from tests.project import PROJECT, ROOT, VOCAB, copy_project
from tests.unit.directory.test_organisations import BAD_FILES

FIXTURES = ROOT / "tests" / "fixtures" / "organisations"
BASE = "https://hub.invalid/"
ORGS = load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
ELEMENT_OF = {
    "strategy/data/": "data",
    "strategy/data/measuring/": "data",
    "strategy/culture/": "culture",
    "strategy/employee-journey/": "employee-journey",
    "strategy/employee-journey/outreach/": "employee-journey",
    "strategy/employee-journey/hiring/": "employee-journey",
    "strategy/employee-journey/progression/": "employee-journey",
    "strategy/advocacy/": "advocacy",
}


def links_in(build: Build, url: str, selector: str) -> list[str]:
    """Site URLs of the links matching `selector` on the page at `url`."""
    return [urljoin(BASE + url, a["href"]).removeprefix(BASE) for a in build.html(url).select(selector)]


def test_directory_lists_every_organisation_without_javascript(build: Build) -> None:
    soup = build.html("organisations/")
    assert soup.select_one("article h1").get_text(strip=True) == "Find an organisation"
    assert links_in(build, "organisations/", "li.hub-org h3 a") == [org.url for org in ORGS]
    # The form is there from the first paint (no layout shift when the script starts);
    # without JavaScript a stylesheet in <noscript> hides it.
    assert not soup.select_one("#hub-filters").has_attr("hidden")
    nojs = urljoin(BASE + "organisations/", soup.select_one("noscript link[rel=stylesheet]")["href"])
    css = (build.site / nojs.removeprefix(BASE)).read_text(encoding="utf-8")
    assert ".md-content .hub-filters { display: none; }" in css
    assert (
        soup.select_one("#hub-directory-status").get_text(strip=True)
        == f"Showing all {len(ORGS)} organisations."
    )


def test_the_directory_script_is_a_module_from_its_folder(build: Build) -> None:
    scripts = build.html("organisations/").select("script[src*='javascripts/directory']")
    assert [(s["src"], s["type"]) for s in scripts] == [("../javascripts/directory/main.js", "module")]
    assert not (build.site / "javascripts" / "directory.js").exists()


def test_the_filter_data_holds_every_organisation_in_order(build: Build) -> None:
    data = json.loads((build.site / "organisations" / "filter.json").read_text(encoding="utf-8"))
    assert [record[0] for record in data["organisations"]] == [org.slug for org in ORGS]


@pytest.mark.parametrize("org", ORGS, ids=[org.slug for org in ORGS])
def test_every_organisation_has_its_page(build: Build, org) -> None:
    soup = build.html(org.url)
    assert soup.select_one("article h1").get_text() == org.name
    assert soup.title.get_text() == f"{org.name} - The employer hub"
    assert soup.select_one(".hub-org-page__summary").get_text() == org.summary
    assert org.website in [a["href"] for a in soup.select("article a")]


def test_directory_is_in_the_nav_and_organisation_pages_are_not(build: Build) -> None:
    nav = links_in(build, "why-it-matters/", "nav.md-nav--primary a.md-nav__link[href]")
    assert "organisations/" in nav
    assert not [url for url in nav if url.startswith("organisations/") and url != "organisations/"]


def test_organisation_pages_are_in_site_search(build: Build) -> None:
    # Pagefind indexes exactly the bodies marked data-pagefind-body (tests/build/test_search.py).
    for org in ORGS:
        body = build.html(org.url).select("[data-pagefind-body]")
        assert len(body) == 1, org.url
        assert body[0].get("data-pagefind-meta") == "kind:Organisation", org.url


def test_json_holds_every_organisation(build: Build) -> None:
    data = json.loads((build.site / "organisations" / "index.json").read_text(encoding="utf-8"))
    assert [o["slug"] for o in data["organisations"]] == [org.slug for org in ORGS]
    assert [o["website"] for o in data["organisations"]] == [org.website for org in ORGS]


def test_csv_holds_every_organisation(build: Build) -> None:
    text = (build.site / "organisations" / "organisations.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["name"] for row in rows] == [org.name for org in ORGS]
    assert links_in(build, "organisations/", "a[download]") == ["organisations/organisations.csv"]


@pytest.mark.parametrize("url", ELEMENT_PAGES)
def test_element_page_lists_the_organisations_for_its_element(build: Build, url: str) -> None:
    helpers = by_element(ORGS)[ELEMENT_OF[url]]
    expected = [org.url for org in helpers[:12]]  # a dozen at most, then a link to all
    assert links_in(build, url, ".hub-element-orgs li a") == expected
    more = build.html(url).select(".hub-element-orgs p a")[-1].get_text(strip=True)
    assert more.startswith(f"See all {len(helpers)} ") if len(helpers) > 12 else more.startswith("Filter")
    heading = build.html(url).select_one(".hub-element-orgs h2").get_text(strip=True)
    assert heading == "Organisations that can help"


def test_every_element_page_is_mapped() -> None:
    assert set(ELEMENT_OF) == set(ELEMENT_PAGES)
    assert set(ELEMENT_OF.values()) == {term.id for term in VOCAB["elements"]}


def test_home_page_teaser_links_to_the_directory(build: Build) -> None:
    soup = build.html("")
    teaser = soup.select_one(".hub-home-directory")
    assert f"{len(ORGS)} UK organisations" in teaser.get_text()
    links = links_in(build, "", ".hub-home-directory a")
    assert "organisations/" in links and "organisations/?support=outreach" in links


def test_bad_data_stops_the_build_and_publishes_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    with pytest.raises(pytest.fail.Exception) as failed:
        build_site(dest, {"HUB_ORGANISATIONS_DIR": str(FIXTURES / "bad")})
    log = str(failed.value)
    problems = sum(len(messages) for _, messages in BAD_FILES)
    assert re.search(rf"(?<!\d){problems} problem\(s\) in the organisation data:\n", log)
    for line in (
        "missing-field.yml:1: website: is required",
        "long-summary.yml:2: summary: is 305 characters long; the most is 280",
        "duplicate-key.yml:9: name: duplicate key (first given on line 1)",
    ):
        assert f"tests/fixtures/organisations/bad/{line}" in log
    assert not (dest / "index.html").exists() and not (dest / "organisations").exists()


@pytest.fixture(scope="module")
def escaping(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built with the one organisation whose name and summary hold markup and `&`."""
    dest = tmp_path_factory.mktemp("escaping") / "site"
    return build_site(dest, {"HUB_ORGANISATIONS_DIR": str(FIXTURES / "escaping")})


def test_script_in_data_comes_out_as_text_in_the_built_page(escaping: Build) -> None:
    page = escaping.html("organisations/script-org/")
    name = "<script>alert('name')</script> Trust & Co"
    summary = (
        "A summary with <script>alert('summary')</script> and </title> and \"quotes\" & ampersands in it."
    )
    runnable = [s for s in page.select("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in runnable if "alert" in s.get_text()]
    # The name is in the JSON-LD data block as data: escaped so it cannot close the element.
    (data_block,) = page.select('script[type="application/ld+json"]')
    assert json.loads(data_block.get_text())["name"] == name
    assert "<" not in data_block.get_text()
    assert not page.select("img[onerror]")
    # Every place the name and summary are printed shows them as the text they are.
    assert page.select_one("article h1").get_text() == name
    assert page.title.get_text() == f"{name} - The employer hub"
    assert page.select_one(".md-header__topic:last-child").get_text(strip=True) == name
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        assert page.select_one(selector)["content"] == name
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert page.select_one(selector)["content"] == summary
    listing = escaping.html("organisations/")
    assert listing.select_one("li.hub-org h3").get_text() == name
    assert not [s for s in listing.select("script") if "alert" in s.get_text()]


def test_data_in_the_head_is_escaped_exactly_once(escaping: Build) -> None:
    """Escaped once, never twice: `&amp;amp;` or `&amp;lt;` would show readers `&amp;`, `&lt;`."""
    raw = escaping.page_file("organisations/script-org/").read_text(encoding="utf-8")
    name = escape("<script>alert('name')</script> Trust & Co")
    assert f"<title>{name} - The employer hub</title>" in raw
    assert f'<meta property="og:title" content="{name}">' in raw
    assert not re.findall(r"&amp;(?:amp|lt|gt|quot|#3[49]);", raw)


def test_a_missing_data_folder_stops_the_build_with_one_message(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception) as failed:
        build_site(tmp_path / "site", {"HUB_ORGANISATIONS_DIR": str(FIXTURES / "no-such-folder")})
    log = str(failed.value)
    missing = "tests/fixtures/organisations/no-such-folder:1: folder not found"
    assert f"1 problem(s) in the organisation data:\n{missing}" in log
    assert "Traceback" not in log


def test_a_copied_checkout_builds_its_own_data(tmp_path: Path) -> None:
    """Paths come from the loaded mkdocs.yml, never from where `hub` was installed: a copy
    built with this checkout's virtual environment reads the copy's organisations."""
    config = copy_project(tmp_path / "copy")
    broken = tmp_path / "copy" / "data" / "organisations" / "upreach.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("website: https://", "website: http://"))
    built = sitebuild.build_site(config, tmp_path / "site")
    assert built.returncode != 0
    assert "data/organisations/upreach.yml:" in built.log and "website" in built.log
