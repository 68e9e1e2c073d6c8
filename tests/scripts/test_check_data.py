"""scripts/check_data.py: the same validation as the build, as a check that exits 1."""

from __future__ import annotations

from scripts.check_data import main
from tests.project import ROOT
from tests.unit.directory.test_organisations import BAD_FILES

FIXTURES = ROOT / "tests" / "fixtures" / "organisations"


def test_real_data_passes(capsys) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.startswith("All ")


def test_bad_folder_fails_with_every_message(capsys) -> None:
    assert main(["--folder", str(FIXTURES / "bad")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "tests/fixtures/organisations/bad/missing-field.yml:1: website: is required" in err
    assert "tests/fixtures/organisations/bad/unquoted-no.yml:1: name: was read as false" in "\n".join(err)
    problems = sum(len(messages) for _, messages in BAD_FILES)
    assert len(err) == problems + 1
    assert err[-1] == f"{problems} problem(s) found: fix them and run the check again."


def test_a_missing_folder_is_one_line(capsys) -> None:
    assert main(["--folder", str(FIXTURES / "no-such-folder")]) == 1
    out = capsys.readouterr()
    assert out.err == "tests/fixtures/organisations/no-such-folder:1: folder not found\n"
    assert out.out == ""


def test_github_format_annotates_each_problem_on_its_line(capsys) -> None:
    assert main(["--folder", str(FIXTURES / "bad"), "--format", "github"]) == 1
    out = capsys.readouterr()
    annotations = out.out.splitlines()
    assert "::error file=tests/fixtures/organisations/bad/missing-field.yml,line=1::website: is required" in (
        annotations
    )
    assert len(annotations) == sum(len(messages) for _, messages in BAD_FILES)
    assert all(line.startswith("::error file=tests/fixtures/organisations/bad/") for line in annotations)
