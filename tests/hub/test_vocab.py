from __future__ import annotations

from pathlib import Path

import pytest

from hub.paths import DATA
from hub.vocab import ids, vocabularies
from hub.yamlio import DataErrors

GOOD = (DATA / "vocabularies.yml").read_text(encoding="utf-8")


def test_the_real_vocabularies_load() -> None:
    assert ids("elements") == ["data", "culture", "employee-journey", "advocacy"]
    assert vocabularies()["elements"][1].url == "strategy/culture/"
    assert vocabularies()["elements"][0].url == "strategy/data/"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  - {id: london, label: London}",
            "  - {id: london, lable: London}",
            "regions.8.lable: is not a known field",
        ),
        (
            "  - {id: london, label: London}",
            "  - {id: London, label: London}",
            "regions.8.id: must be lower-case",
        ),
        (
            "  - {id: london, label: London}",
            "  - {id: wales, label: London}",
            "regions.12.id: is given twice",
        ),
        (
            "  - {id: london, label: London}",
            "  - {id: london, label: <b>London</b>}",
            "regions.8.label: must be plain",
        ),
        ("costs:", "cost:", "costs: is required"),
    ],
)
def test_a_broken_vocabulary_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD or old == "costs:"
    broken = tmp_path / "vocabularies.yml"
    broken.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        vocabularies(broken)
    lines = [str(e) for e in caught.value.errors]
    assert any(message in line and line.startswith(f"{broken}:") for line in lines), lines


def test_an_empty_vocabularies_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "vocabularies.yml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataErrors, match="must be a mapping"):
        vocabularies(empty)
