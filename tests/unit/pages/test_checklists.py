from __future__ import annotations

from hub.pages.checklists import label_checklists

BOX = '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled{}/>'
INDICATOR = '<span class="task-list-indicator"></span></label>'


def test_each_box_is_named_by_its_own_item_text() -> None:
    html = (
        f'<ul class="task-list">{BOX.format("")}{INDICATOR} Name a <a href="x/">senior</a>\n champion.</li>'
        f"{BOX.format(' checked')}{INDICATOR} Publish &amp; share.</li></ul>"
    )
    out = label_checklists(html)
    assert 'disabled aria-label="Name a senior champion."/>' in out
    assert 'disabled aria-label="Publish &amp; share." checked/>' in out


def test_label_stops_before_a_nested_list_and_escapes_quotes() -> None:
    html = f'{BOX.format("")}{INDICATOR} Say "why"<ul><li>detail</li></ul></li>'
    assert 'aria-label="Say &quot;why&quot;"' in label_checklists(html)


def test_an_item_with_an_id_is_named_too() -> None:
    box = BOX.replace('class="task-list-item"', 'class="task-list-item" id="action-data-agree-owner"')
    html = f"{box.format('')}{INDICATOR} Agree an owner.</li>"
    assert 'aria-label="Agree an owner."' in label_checklists(html)


def test_html_without_checklists_is_unchanged() -> None:
    html = "<ul><li>plain</li></ul>"
    assert label_checklists(html) == html
