"""hub.measurement.downloads: the question set as CSV and plain text, in the source's words."""

from __future__ import annotations

import csv
import io

from hub.measurement import downloads
from hub.measurement.questions import load_question_set
from tests.project import PROJECT, ROOT

GOOD = load_question_set(ROOT / "tests" / "fixtures" / "measurement" / "good.yml", PROJECT.schemas)


def test_csv_holds_every_option_once_with_its_source_and_defuses_formulas() -> None:
    rows = list(csv.reader(io.StringIO(downloads.to_csv(GOOD))))
    assert rows[0] == list(downloads.CSV_COLUMNS)
    question = "https://example.org/question"
    assert rows[1:] == [
        ["Question?", "high", "High <script>alert(1)</script>", "Professional", "yes", question],
        ["Question?", "low", "'=Low", "Lower", "yes", question],
        ["Question?", "skip", "Prefer not to say", "Not classified", "no", question],
        ["School type", "state", "State", "", "yes", "https://example.org/supporting"],
    ]


def test_text_lists_each_question_its_note_options_and_source_in_order() -> None:
    text = downloads.to_text(GOOD)
    assert "\nQuestion?\n- High <script>alert(1)</script>\n- =Low\n- Prefer not to say\n\n" in text
    assert "Source: Question source, https://example.org/question" in text
    assert "School type\nA note printed under the question.\n- State\n" in text
    assert "Source: Supporting source, https://example.org/supporting" in text


def test_text_names_the_options_whose_wording_is_not_confirmed() -> None:
    tail = downloads.to_text(GOOD).split("Not yet confirmed", 1)[1]
    assert tail.splitlines()[1:] == ["  Prefer not to say"]
