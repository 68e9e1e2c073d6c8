"""hooks/plan.py in process: a broken checklist stops the build with path:line errors,
and text from the Markdown reaches the plan as text."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from hooks import plan
from tests.project import PROJECT

PAGE = """---
title: Culture
element: culture
---

# Culture

## Starting out {#starting-out}

- [ ] First.
      { #action-culture-first }
- [ ] No id here.

## Among the best {#among-the-best}

- [ ] Again.
      { #action-culture-first }
"""

MARKUP_PAGE = """---
title: "<b>Bold</b> & co"
element: culture
---

## Starting out {#starting-out}

- [ ] First <img src=x onerror=alert(1)> &lt;script&gt;alert(2)&lt;/script&gt;.
      { #action-culture-first }
"""


def built_nav(configured: Callable[..., MkDocsConfig], docs: Path) -> tuple[MkDocsConfig, object, object]:
    """Load mkdocs.yml with `docs` as its docs folder and build its navigation."""
    config = configured()
    config["docs_dir"] = str(docs)
    config["nav"] = None
    files = get_files(config)
    return config, get_navigation(files, config), files


def stopped_build(configured: Callable[..., MkDocsConfig], docs: Path, page: str) -> tuple[list[str], str]:
    """The lines of the build error for `page` as docs/culture.md, and that file's path as shown."""
    (docs / "culture.md").write_text(page, encoding="utf-8")
    config, nav, files = built_nav(configured, docs)
    with pytest.raises(PluginError) as raised:
        plan.on_nav(nav, config=config, files=files)
    return str(raised.value).splitlines(), Path(os.path.relpath(docs / "culture.md", PROJECT.root)).as_posix()


def test_missing_and_duplicate_ids_stop_the_build_with_each_place(
    configured: Callable[..., MkDocsConfig], tmp_path: Path
) -> None:
    lines, rel = stopped_build(configured, tmp_path, PAGE)
    assert lines == [
        "2 problem(s) in the checklists:",
        f"{rel}:12: checklist item has no id: end it with a line such as {{ #action-<area>-<words> }}",
        f"{rel}:16: duplicate id action-culture-first (first used at {rel}:10)",
    ]


SAME_WORDS_PAGE = """---
title: Culture
element: culture
---

## Starting out {#starting-out}

- [ ] Brief managers on reply rates in their teams.
      { #action-culture-brief-managers }
- Shared with *Analysis of data*: [reply rates](data.md#action-data-reply-rates).
  { #action-culture-reply-rates }

## Among the best {#among-the-best}

- [ ] Brief managers on reply rates, in their teams!
      { #action-culture-brief-again }
"""


def test_two_actions_with_the_same_words_and_a_link_to_no_action_stop_the_build(
    configured: Callable[..., MkDocsConfig], tmp_path: Path
) -> None:
    lines, rel = stopped_build(configured, tmp_path, SAME_WORDS_PAGE)
    assert lines == [
        "2 problem(s) in the checklists:",
        f"{rel}:15: action-culture-brief-again says the same as action-culture-brief-managers at {rel}:8: "
        "keep one and make the other a link to it",
        f"{rel}:10: action-culture-reply-rates links to #action-data-reply-rates, "
        "which is no action on the site",
    ]


def test_merged_ids_reach_the_actions_file(configured: Callable[..., MkDocsConfig], tmp_path: Path) -> None:
    page = SAME_WORDS_PAGE.replace("#action-data-reply-rates", "#action-culture-brief-managers")
    (tmp_path / "culture.md").write_text(page.split("## Among")[0], encoding="utf-8")
    config, nav, files = built_nav(configured, tmp_path)
    plan.on_nav(nav, config=config, files=files)
    written = json.loads(files.get_file_from_path(plan.ACTIONS_FILE).content_string)
    assert written["merged"] == {"action-culture-reply-rates": "action-culture-brief-managers"}
    assert [a["id"] for a in written["actions"]] == ["action-culture-brief-managers"]


def test_an_unknown_element_is_reported_on_its_line(
    configured: Callable[..., MkDocsConfig], tmp_path: Path
) -> None:
    (tmp_path / "x.md").write_text("---\ntitle: X\nelement: kultur\n---\n\n# X\n", encoding="utf-8")
    config, nav, files = built_nav(configured, tmp_path)
    with pytest.raises(PluginError, match=r"x\.md:3: element: 'kultur' is not one of advocacy, culture"):
        plan.on_nav(nav, config=config, files=files)


def test_markup_in_an_action_or_title_reaches_the_plan_as_text(
    configured: Callable[..., MkDocsConfig], tmp_path: Path
) -> None:
    (tmp_path / "culture.md").write_text(MARKUP_PAGE, encoding="utf-8")
    (tmp_path / "plan.md").write_text("# Your action plan\n", encoding="utf-8")
    config, nav, files = built_nav(configured, tmp_path)
    plan.on_nav(nav, config=config, files=files)
    written = json.loads(files.get_file_from_path(plan.ACTIONS_FILE).content_string)
    assert written["actions"][0]["text"] == "First <script>alert(2)</script>."
    plan_page = next(p for p in nav.pages if p.file.src_uri == "plan.md")
    html = plan.on_page_content("<h1>Plan</h1>", page=plan_page, config=config, files=files)
    assert "<script>alert(2)" not in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html
    assert "<img" not in html
