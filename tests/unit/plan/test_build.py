"""One build's plan without MkDocs: which pages are element pages, every page's checklists read
and checked together, and the plan page's sections."""

from __future__ import annotations

from hub.plan.build import element_records, plan_groups, read_checklists
from hub.plan.extract import ElementPage, element_page, tier_records
from tests.project import ROOT, VOCAB

FIXTURES = ROOT / "tests" / "fixtures" / "plan"
KNOWN = {"culture", "data"}


def fixture(name: str, url: str = "strategy/culture/") -> ElementPage:
    """A fixture page as the build finds it."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return ElementPage(f"tests/fixtures/plan/{name}", text, "culture", url, "Culture")


def test_a_page_without_element_is_no_element_page() -> None:
    assert element_page("# About\n", {}, path="about.md", url="about/", title="About", known=KNOWN) == (
        None,
        None,
    )


def test_an_element_page_keeps_its_front_matter_title_over_the_nav_title() -> None:
    text = "---\ntitle: Culture\nelement: culture\n---\n"
    meta = {"title": "Culture", "element": "culture"}
    source, problem = element_page(text, meta, path="c.md", url="strategy/culture/", title="Nav", known=KNOWN)
    assert problem is None and source == ElementPage("c.md", text, "culture", "strategy/culture/", "Culture")


def test_an_unknown_element_is_a_problem_at_its_line() -> None:
    text = "---\ntitle: X\n\nelement: kultur\n---\n"
    source, problem = element_page(text, {"element": "kultur"}, path="x.md", url="x/", title="X", known=KNOWN)
    assert source is None
    assert problem == "x.md:4: element: 'kultur' is not one of culture, data"


def test_every_page_is_read_and_checked_together() -> None:
    state, errors = read_checklists(
        [("good.md", fixture("good.md")), ("dup.md", fixture("duplicate-id.md"))], [{"id": "culture"}]
    )
    assert state.actions == state.by_page["good.md"] + state.by_page["dup.md"]
    assert set(state.by_page) == {"good.md", "dup.md"} and state.shared_by_page == {"good.md": 0, "dup.md": 0}
    assert errors and all("duplicate id" in e or "says the same" in e for e in errors)


def test_shared_items_are_counted_and_merged_and_a_link_to_no_action_is_a_problem() -> None:
    state, errors = read_checklists([("shared.md", fixture("shared.md"))], [])
    assert state.shared_by_page == {"shared.md": 1}
    assert state.merged == {"action-culture-brief-managers": "action-data-brief-managers"}
    assert any("action-culture-no-link must link to the action it shares" in e for e in errors)
    assert any("links to #action-data-brief-managers, which is no action on the site" in e for e in errors)


def test_the_plan_groups_each_elements_actions_by_tier_with_the_link_given() -> None:
    elements = element_records(VOCAB["elements"])
    state, errors = read_checklists([("good.md", fixture("good.md"))], elements)
    assert errors == []
    groups = plan_groups(state, lambda action: f"../{action.url}#{action.id}")
    assert [g["id"] for g in groups] == [e["id"] for e in elements]
    culture = next(g for g in groups if g["id"] == "culture")
    assert [t["id"] for t in culture["tiers"]] == [t["id"] for t in tier_records()]
    items = [item for tier in culture["tiers"] for item in tier["items"]]
    assert [item["action"] for item in items] == state.actions
    assert items[0]["href"] == f"../strategy/culture/#{state.actions[0].id}"
    assert all(not tier["items"] for g in groups if g["id"] != "culture" for tier in g["tiers"])
