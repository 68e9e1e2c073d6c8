"""Reading actions and their ids from an element page's Markdown."""

from __future__ import annotations

import pytest

from hub.plan.extract import (
    ElementPage,
    Shared,
    duplicate_errors,
    extract_actions,
    extract_shared,
    merge_errors,
    merged_ids,
    normalised,
    plain_text,
)
from tests.project import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "plan"


def source(name: str) -> ElementPage:
    """A fixture page as the build would find it."""
    path = f"tests/fixtures/plan/{name}"
    return ElementPage(
        path, (FIXTURES / name).read_text(encoding="utf-8"), "culture", "strategy/culture/", "Culture"
    )


def test_actions_come_from_the_two_checklists_only_with_tier_line_and_plain_text() -> None:
    actions, errors = extract_actions(source("good.md"))
    assert errors == []
    assert [(a.id, a.tier, a.line) for a in actions] == [
        ("action-culture-senior-champion", "starting", 12),
        ("action-culture-board-agenda", "starting", 15),
        ("action-culture-leader-objectives", "best", 24),
    ]
    assert (
        actions[0].text == "Appoint a senior champion, ideally a board member, who will speak about the work."
    )
    assert actions[1].text == "Put it on the board agenda, every quarter."
    assert actions[2].text == 'Set objectives for "senior" leaders & their teams.'
    assert actions[0].record() == {
        "id": "action-culture-senior-champion",
        "element": "culture",
        "tier": "starting",
        "text": actions[0].text,
        "url": "strategy/culture/",
        "page": "Culture",
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "missing-id.md",
            "tests/fixtures/plan/missing-id.md:10: checklist item has no id: "
            "end it with a line such as { #action-<area>-<words> }",
        ),
        (
            "bad-id.md",
            "tests/fixtures/plan/bad-id.md:8: id 'Senior_Champion' must look like "
            "action-<area>-<two-to-four-words>",
        ),
        (
            "duplicate-id.md",
            "tests/fixtures/plan/duplicate-id.md:13: duplicate id action-culture-same-id "
            "(first used at tests/fixtures/plan/duplicate-id.md:8)",
        ),
        (
            "same-words.md",
            "tests/fixtures/plan/same-words.md:13: action-culture-brief-managers-again says the same as "
            "action-culture-brief-managers at tests/fixtures/plan/same-words.md:8: "
            "keep one and make the other a link to it",
        ),
    ],
)
def test_each_broken_checklist_is_one_path_line_error(name: str, expected: str) -> None:
    actions, errors = extract_actions(source(name))
    assert errors + duplicate_errors(actions) == [expected]


def test_the_same_id_on_two_pages_is_reported_where_it_is_used_again() -> None:
    first, _ = extract_actions(source("good.md"))
    again = ElementPage(
        "docs/other.md",
        "## Starting out {#starting-out}\n\n- [ ] Again.\n  { #action-culture-board-agenda }\n",
        "data",
        "x/",
        "X",
    )
    second, _ = extract_actions(again)
    assert duplicate_errors(first + second) == [
        "docs/other.md:3: duplicate id action-culture-board-agenda "
        "(first used at tests/fixtures/plan/good.md:15)"
    ]


def test_plain_text_renders_markdown_and_keeps_markup_out() -> None:
    assert plain_text("Use `code` and <script>alert(1)</script> text") == "Use code and alert(1) text"


def test_normalised_text_ignores_case_punctuation_and_spacing() -> None:
    assert normalised("Brief managers,  on REPLY rates!") == normalised("brief managers on reply rates")
    assert normalised("Set a goal of 70%") != normalised("Set a goal of 60%")


def test_a_shared_item_links_to_the_action_it_repeats_and_keeps_its_old_id() -> None:
    shared, errors = extract_shared(source("shared.md"))
    assert shared == [
        Shared(
            "action-culture-brief-managers",
            "action-data-brief-managers",
            "tests/fixtures/plan/shared.md",
            10,
        )
    ]
    assert errors == [
        "tests/fixtures/plan/shared.md:17: shared item action-culture-no-link must link to the action "
        "it shares (…#action-…)"
    ]
    actions, _ = extract_actions(source("shared.md"))
    assert [a.id for a in actions] == ["action-culture-board-agenda"]  # a shared item is no action
    assert merged_ids(shared) == {"action-culture-brief-managers": "action-data-brief-managers"}


def test_a_shared_item_must_link_to_an_action_and_its_id_must_be_gone() -> None:
    actions, _ = extract_actions(source("good.md"))
    shared = [
        Shared("action-culture-old-words", "action-culture-nowhere-at-all", "docs/a.md", 4),
        Shared("action-culture-board-agenda", "action-culture-senior-champion", "docs/b.md", 9),
        Shared("action-culture-merged-fine", "action-culture-senior-champion", "docs/c.md", 2),
    ]
    assert merge_errors(actions, shared) == [
        "docs/a.md:4: action-culture-old-words links to #action-culture-nowhere-at-all, "
        "which is no action on the site",
        "docs/b.md:9: action-culture-board-agenda is still an action at tests/fixtures/plan/good.md:15",
    ]
