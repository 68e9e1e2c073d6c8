"""scripts/check_data.py: the same validation as the build, as a check that exits 1."""

from __future__ import annotations

from hub.paths import ROOT
from scripts.check_data import main

FIXTURES = ROOT / "tests" / "fixtures" / "organisations"


def test_real_data_passes(capsys) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.startswith("All ")


def test_bad_folder_fails_with_every_message(capsys) -> None:
    assert main(["--folder", str(FIXTURES / "bad")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "tests/fixtures/organisations/bad/missing-field.yml:1: website: is required" in err
    assert "tests/fixtures/organisations/bad/unquoted-no.yml:1: name: was read as false" in "\n".join(err)
    assert err[-1] == "16 problem(s) found: fix them and run the check again."
