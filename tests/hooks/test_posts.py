from __future__ import annotations

import pytest

from hooks import posts


@pytest.mark.parametrize(
    ("context", "drafts"),
    [("deploy-preview", True), ("branch-deploy", True), ("dev", True), ("production", False), ("", False)],
)
def test_drafts_are_shown_in_previews_only(configured, context: str, drafts: bool) -> None:
    config = posts.on_config(configured(CONTEXT=context))
    assert config.plugins[posts.BLOG_PLUGIN].config.draft is drafts


def test_categories_come_from_the_vocabularies(configured) -> None:
    config = posts.on_config(configured())
    allowed = config.plugins[posts.BLOG_PLUGIN].config.categories_allowed
    assert "Masterclasses" in allowed and "News" in allowed
