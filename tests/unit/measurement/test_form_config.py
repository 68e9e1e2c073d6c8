"""The calculator's config that the Node tests use (tests/js/fixtures/compare-config.json) is
the one the build gives the page, but for the options' wording: by id, the same options in the
same groups, the same groups, benchmark, aims, threshold and progression group."""

from __future__ import annotations

import json

from hub.measurement import render
from hub.measurement.questions import load_question_set
from tests.project import PROJECT, ROOT

FIXTURE = ROOT / "tests" / "js" / "fixtures" / "compare-config.json"


def test_the_node_tests_config_matches_the_built_one_by_id() -> None:
    built = json.loads(
        render.form_config(load_question_set(PROJECT.data / "measurement.yml", PROJECT.schemas))
    )
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    fixture.pop("_comment")
    by_id = [(o["id"], o["group"]) for o in built["options"]]
    assert [(o["id"], o["group"]) for o in fixture["options"]] == by_id
    assert {k: v for k, v in fixture.items() if k != "options"} == {
        k: v for k, v in built.items() if k != "options"
    }
