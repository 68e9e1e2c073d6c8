"""Marking the built checkboxes and writing the actions file."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from hub.plan.extract import Action
from hub.plan.render import actions_json, insert_after_section, insert_before_heading, mark_checkboxes

ITEM = (
    '<li class="task-list-item" id="{id}"><label class="task-list-control">'
    '<input type="checkbox" disabled{checked}/>'
    '<span class="task-list-indicator"></span></label> {text}</li>'
)


def test_each_action_box_is_named_by_its_own_words() -> None:
    html = '<ul class="task-list">' + ITEM.format(
        id="action-a-one", checked="", text='Name a <a href="x/">senior</a>\n champion.'
    )
    html += ITEM.format(id="action-a-two", checked=" checked", text="Publish &amp; share.") + "</ul>"
    soup = BeautifulSoup(mark_checkboxes(html, ["action-a-one", "action-a-two"]), "html.parser")
    for ident, words in (("action-a-one", "Name a senior champion."), ("action-a-two", "Publish & share.")):
        box = soup.select_one(f"input[data-hub-action='{ident}']")
        label = soup.find(id=box["aria-labelledby"])
        assert " ".join(label.get_text().split()) == words
        assert label["for"] == box["id"]
        assert box.has_attr("disabled")
    assert soup.select_one("input[data-hub-action='action-a-two']").has_attr("checked")
    assert soup.select_one("input[data-hub-action='action-a-one']").find_parent("li")["id"] == "action-a-one"


def test_items_that_are_not_actions_are_left_alone() -> None:
    html = ITEM.format(id="something-else", checked="", text="Not an action.")
    assert mark_checkboxes(html, ["action-a-one"]) == html
    assert mark_checkboxes("<p>No list</p>", ["action-a-one"]) == "<p>No list</p>"


def test_blocks_go_before_a_heading_or_after_a_section_or_at_the_end() -> None:
    html = '<p>a</p><h2 id="one">1</h2><p>b</p><h2 id="two">2</h2>'
    assert (
        insert_before_heading(html, "two", "X") == '<p>a</p><h2 id="one">1</h2><p>b</p>X<h2 id="two">2</h2>'
    )
    assert insert_after_section(html, "one", "X") == '<p>a</p><h2 id="one">1</h2><p>b</p>X<h2 id="two">2</h2>'
    assert insert_after_section(html, "two", "X") == html + "X"
    assert insert_before_heading(html, "none", "X") == html + "X"


def test_actions_file_lists_elements_tiers_and_actions_without_source_positions() -> None:
    action = Action(
        "action-a-one", "culture", "best", "Do it.", "strategy/culture/", "Culture", "docs/c.md", 4
    )
    data = json.loads(
        actions_json([action], [{"id": "culture", "label": "Culture", "url": "strategy/culture/"}])
    )
    assert data["tiers"] == [
        {"id": "starting", "label": "Starting out"},
        {"id": "best", "label": "Among the best"},
    ]
    assert data["actions"] == [
        {
            "id": "action-a-one",
            "element": "culture",
            "tier": "best",
            "text": "Do it.",
            "url": "strategy/culture/",
            "page": "Culture",
        }
    ]
