"""The question set as downloads an employer pastes into a survey tool: CSV and plain text,
each with every question and option in the source's exact words and order."""

from __future__ import annotations

import csv
import io

from hub.core.spreadsheet import defuse
from hub.measurement.questions import Option, Question, QuestionSet

CSV_COLUMNS = ("question", "option id", "option text", "group", "wording confirmed", "source")
UNCHECKED_NOTE = "wording not yet confirmed against the source: check it there before use"


def to_csv(questions: QuestionSet) -> str:
    """Every question and answer option, one row each, with its source; formula-like cells defused."""
    labels = {g.id: g.label for g in questions.groups}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    key, key_url = questions.key_question, questions.key_source.url
    for option in key.options:
        writer.writerow(_row(key, option, labels[option.group], key_url))
    for question in questions.supporting:
        for option in question.options:
            writer.writerow(_row(question, option, "", questions.supporting_source.url))
    return out.getvalue()


def _row(question: Question, option: Option, group: str, source: str) -> list[str]:
    """One CSV row, each cell defused."""
    confirmed = "yes" if option.checked else "no"
    return [defuse(c) for c in (question.text, option.id, option.text, group, confirmed, source)]


def to_text(questions: QuestionSet) -> str:
    """The question set as plain text, ready to paste: each question, then its options as "- "
    lines in order, then its source."""
    lines = [
        "The socio-economic background question set, as the Social Mobility Commission words it.",
        "Keep the wording exactly as it is: comparing with the national benchmark depends on it.",
        "",
    ]
    lines += _question_lines(questions.key_question)
    lines += [f"Source: {questions.key_source.title}, {questions.key_source.url}", ""]
    lines += ["Supporting questions", ""]
    for question in questions.supporting:
        lines += _question_lines(question)
    lines += [f"Source: {questions.supporting_source.title}, {questions.supporting_source.url}"]
    if questions.unchecked:
        lines += ["", f"Not yet confirmed ({UNCHECKED_NOTE}):"]
        lines += [f"  {option.text}" for option in questions.unchecked]
    return "\n".join(lines) + "\n"


def _question_lines(question: Question) -> list[str]:
    """A question, its note if the source prints one, and its options."""
    lines = [question.text]
    if question.note:
        lines.append(question.note)
    return [*lines, *(f"- {o.text}" for o in question.options), ""]
