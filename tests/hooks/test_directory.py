from __future__ import annotations

from mkdocs.structure.files import Files

from hooks import directory
from hub.core.context import context_of
from tests.project import PROJECT


def test_the_directory_state_lives_on_this_builds_context(configured) -> None:
    config = configured(HUB_FEEDS="offline")
    config.plugins._current_plugin = "hooks/directory"  # MkDocs sets it while running an event
    files = directory.on_files(Files([]), config=config)
    state = context_of(config).features[directory.FEATURE]
    count = len(list(PROJECT.organisations.glob("*.yml")))
    assert len(state.organisations) == count
    assert len(state.by_page) == count
    assert directory.DIRECTORY_PAGE in state.bodies
    assert {"organisations/index.json", "organisations/organisations.csv"} <= {f.src_uri for f in files}
    # A second build starts from nothing left over by the first.
    again = configured(HUB_FEEDS="offline")
    assert directory.FEATURE not in context_of(again).features
