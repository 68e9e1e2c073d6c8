"""The self-assessment in the built site: ids, the actions file, checkboxes, summaries, scripts."""

from __future__ import annotations

import json

import pytest
from mkdocs.utils.meta import get_data

from hub.plan.extract import ElementPage, duplicate_errors, extract_actions
from tests.conftest import Build
from tests.project import ROOT

DOCS = ROOT / "docs"
SCRIPT = "script[type=module][src$='javascripts/plan/main.js']"


def markdown_actions() -> list:
    """Every action written in the element pages' Markdown, read independently of the build."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        element = get_data(text)[1].get("element")
        if element:
            rel = path.relative_to(ROOT).as_posix()
            actions, errors = extract_actions(ElementPage(rel, text, element, "", ""))
            assert errors == []
            found += actions
    return found


@pytest.fixture(scope="module")
def data(build: Build) -> dict:
    return json.loads((build.site / "plan" / "actions.json").read_text(encoding="utf-8"))


def test_every_checklist_item_on_an_element_page_has_a_unique_id() -> None:
    actions = markdown_actions()
    assert actions
    assert duplicate_errors(actions) == []
    for path in {a.path for a in actions}:
        text = (ROOT / path).read_text(encoding="utf-8")
        items = sum(1 for line in text.splitlines() if line.startswith(("- [ ] ", "- [x] ")))
        assert items == sum(a.path == path for a in actions), f"{path}: a checklist item is not an action"


def test_the_actions_file_matches_the_markdown(data: dict) -> None:
    written = {(a.id, a.element, a.tier, a.text) for a in markdown_actions()}
    assert {(a["id"], a["element"], a["tier"], a["text"]) for a in data["actions"]} == written
    assert len(data["actions"]) == len(written)
    assert [e["id"] for e in data["elements"]] == ["data", "culture", "employee-journey", "advocacy"]
    assert {a["element"] for a in data["actions"]} == {e["id"] for e in data["elements"]}


def test_each_action_is_a_checkbox_named_by_its_text_on_its_page(build: Build, data: dict) -> None:
    for url in sorted({a["url"] for a in data["actions"]}):
        soup = build.html(url)
        own = [a for a in data["actions"] if a["url"] == url]
        for action in own:
            box = soup.select_one(f"input[data-hub-action='{action['id']}']")
            assert box is not None, f"/{url}: no box for {action['id']}"
            name = soup.find(id=box["aria-labelledby"])
            assert " ".join(name.get_text().split()) == action["text"]
            assert box.find_parent("li")["id"] == action["id"]
        standing = soup.select_one("[data-hub-standing=page]")
        assert standing is not None and standing.has_attr("hidden")
        assert standing.find_next("h2")["id"] == "starting-out"
        assert not soup.select("input[type=checkbox][aria-label]")


def test_the_plan_lists_every_action_by_element_and_tier(build: Build, data: dict) -> None:
    soup = build.html("plan/")
    items = [li["data-hub-item"] for li in soup.select("[data-hub-item]")]
    assert sorted(items) == sorted(a["id"] for a in data["actions"])
    for action in data["actions"]:
        item = soup.select_one(f"[data-hub-item='{action['id']}']")
        section = item.find_parent("section")
        assert section.h2["id"] == f"plan-{action['element']}"
        assert item.find_previous("h3")["id"] == f"plan-{action['element']}-{action['tier']}"
        assert item.label.get_text() == action["text"]
    assert soup.select_one("[data-hub-nojs]").get_text(strip=True)
    # Before "How we judge", the page's own last section: the plan comes first on a phone.
    assert soup.select_one("[data-hub-plan]").find_next("h2", id="how-we-judge") is not None


def test_every_merged_id_leads_to_an_action_and_its_old_anchor_still_lands(build: Build, data: dict) -> None:
    ids = {a["id"]: a for a in data["actions"]}
    assert len(data["merged"]) >= 20  # the duplicates merged in issue 19
    for old, kept in data["merged"].items():
        assert old not in ids and kept in ids, old
    for url in sorted({a["url"] for a in data["actions"]}):
        soup = build.html(url)
        shared = soup.select("li[id^=action-]:not(.hub-action)")
        for item in shared:
            kept = data["merged"][item["id"]]
            link = item.select_one(f"a[href$='#{kept}']")
            assert link is not None, f"/{url}: {item['id']} does not link to {kept}"
        # "Where you stand" says how many of the page's items are counted elsewhere.
        note = soup.select_one("[data-hub-standing=page] .hub-standing__shared")
        if shared:
            assert note.get_text(" ", strip=True).startswith(f"{len(shared)} more action"), url
        else:
            assert note is None, url


def test_the_plan_lists_its_parts_and_every_element_in_its_contents(build: Build, data: dict) -> None:
    soup = build.html("plan/")
    toc = [a["href"] for a in soup.select(".md-sidebar--secondary .md-nav__link[href^='#']")]
    expected = ["#plan-at-a-glance", "#plan-where-to-start", "#plan-actions"]
    expected += [f"#plan-{e['id']}" for e in data["elements"]] + ["#move-your-plan", "#how-we-judge"]
    assert toc == expected
    for href in toc:
        assert soup.find(id=href[1:]) is not None, href


def test_the_strategy_page_has_the_summary_for_every_element(build: Build) -> None:
    soup = build.html("strategy/")
    assert soup.select_one("[data-hub-standing=all] [data-hub-standing-list]") is not None


def test_the_script_and_styles_load_only_on_the_pages_that_use_them(build: Build, data: dict) -> None:
    tool_pages = {"strategy/", "plan/", *(a["url"] for a in data["actions"])}
    for file in sorted(build.site.rglob("*.html")):
        rel = file.relative_to(build.site).as_posix().removesuffix("index.html")
        soup = build.html(rel)
        assert bool(soup.select(SCRIPT)) == (rel in tool_pages), rel
        # In the content area, which instant navigation swaps and whose scripts it re-runs.
        for script in soup.select(SCRIPT):
            assert script.find_parent(attrs={"data-md-component": "content"}) is not None
    assert "javascripts/plan" not in json.dumps(build.html("").select("script[src]").__repr__())
