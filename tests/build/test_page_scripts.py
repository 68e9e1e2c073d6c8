"""Page scripts load only on the pages that use them; what loads everywhere stays tiny."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from tests.conftest import Build
from tests.project import ROOT

# Each page tool and the only pages it may load on (a prefix of the page's URL).
TOOL_PAGES = {
    "directory": ("organisations/",),
}
# The one script on every page: the skip link's fix (docs/javascripts/skip-link.js).
# Site-wide: the skip-link fix, and the few lines that load the search when it is opened.
SITE_WIDE = ["javascripts/skip-link.js", "javascripts/search/main.js"]


def tools_by_page(build: Build) -> dict[str, set[str]]:
    """For each page tool, the pages whose HTML loads its script."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in build.site.rglob("*.html"):
        url = path.relative_to(build.site).as_posix().removesuffix("index.html")
        for tool in re.findall(
            r'src="[^"]*javascripts/([a-z-]+)/main\.js"', path.read_text(encoding="utf-8")
        ):
            found[tool].add(url)
    return found


def test_the_directory_script_is_on_the_directory_and_organisation_pages_alone(build: Build) -> None:
    # An organisation's page loads it for "All organisations" (the filters come back); the
    # numbered pages of the directory, with no filters, do not.
    organisations = {
        path.parent.relative_to(build.site).as_posix() + "/"
        for path in (build.site / "organisations").glob("*/index.html")
        if path.parent.name != "page"
    }
    assert tools_by_page(build)["directory"] == organisations | {"organisations/"}


def test_no_page_tool_loads_outside_its_pages(build: Build) -> None:
    for tool, pages in tools_by_page(build).items():
        allowed = TOOL_PAGES.get(tool)
        if allowed is not None:
            assert all(page.startswith(allowed) for page in pages), (tool, pages)


def test_only_the_skip_link_fix_and_the_search_opener_load_on_every_page_and_they_are_tiny(
    build: Build,
) -> None:
    soup = build.html("privacy/")
    own = [s["src"] for s in soup.select("script[src]") if "assets/javascripts/" not in s["src"]]
    assert [src.removeprefix("../") for src in own] == SITE_WIDE
    for script in SITE_WIDE:
        assert len((ROOT / "docs" / script).read_bytes()) < 4096, script


def test_no_script_holds_up_the_first_paint(build: Build) -> None:
    """Material's bundle is deferred, in the head, ahead of every other script; every other
    external script is deferred or a module, so all of them run after parsing, in order."""
    for url in ["", "strategy/data/measuring/", "organisations/", "plan/", "blog/"]:
        soup = build.html(url)
        scripts = soup.select("script[src]")
        bundle = soup.head.select('script[src*="assets/javascripts/bundle."]')
        assert len(bundle) == 1 and bundle[0] is scripts[0] and bundle[0].has_attr("defer"), url
        for script in scripts:
            assert script.has_attr("defer") or script.get("type") == "module", (url, script)


def test_the_deferred_bundle_is_materials_own(build: Build) -> None:
    """overrides/main.html names Material's bundle; a Material upgrade that renames it fails here."""
    import material

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    (name,) = set(re.findall(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", base))
    assert name in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert (build.site / name).is_file()
