"""The spreadsheet-formula guard, from the table of cases the JavaScript tests read too."""

from __future__ import annotations

import json

import pytest

from hub.core.spreadsheet import defuse
from tests.project import ROOT

CASES = json.loads((ROOT / "tests/fixtures/spreadsheet/defuse.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(("cell", "written"), CASES)
def test_defuse(cell: str, written: str) -> None:
    assert defuse(cell) == written
