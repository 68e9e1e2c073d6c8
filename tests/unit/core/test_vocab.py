from __future__ import annotations

from pathlib import Path

import pytest

from hub.core.vocab import load_vocabularies
from hub.core.yamlio import DataErrors
from tests.project import PROJECT, VOCAB

GOOD = PROJECT.vocabularies.read_text(encoding="utf-8")


def test_the_real_vocabularies_load() -> None:
    assert VOCAB.ids("elements") == ["data", "culture", "employee-journey", "advocacy"]
    assert VOCAB["elements"][1].url == "strategy/culture/"
    assert VOCAB["elements"][0].url == "strategy/data/"


def test_uk_wide_and_england_cover_regions_in_the_file_not_in_code() -> None:
    covers = {term.id: term.covers for term in VOCAB["regions"]}
    assert covers["uk-wide"] == ("england", "scotland", "wales", "northern-ireland")
    assert len(covers["england"]) == 9 and "london" in covers["england"]
    assert covers["london"] == () and covers["scotland"] == ()


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
        ("      - london\n", "      - londn\n", "regions.1.covers.6: 'londn' is not another id in regions"),
        ("      - london\n", "      - england\n", "regions.1.covers.6: 'england' is not another id"),
        ("covers: [england,", "covers: [England,", "regions.0.covers.0: must be lower-case"),
        (
            "covers: [england, scotland, wales, northern-ireland]}",
            "covers: england}",
            "regions.0.covers: must list the ids",
        ),
    ],
)
def test_a_broken_vocabulary_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    broken = tmp_path / "vocabularies.yml"
    broken.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_vocabularies(broken, PROJECT.schemas)
    lines = [str(e) for e in caught.value.errors]
    assert any(message in line and line.startswith(f"{broken}:") for line in lines), lines


def test_an_empty_vocabularies_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "vocabularies.yml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataErrors, match="must be a mapping"):
        load_vocabularies(empty, PROJECT.schemas)
