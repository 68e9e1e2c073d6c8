"""The question set as HTML (the measuring page, the calculator's form) and as downloads."""

from __future__ import annotations

import csv
import io
import json

from jinja2 import Environment

from hub.core.spreadsheet import defuse
from hub.core.templates import package_env
from hub.measurement.questions import QuestionSet

CSV_COLUMNS = ("question", "option id", "option text", "group")
# The background whose share is followed up the levels ("who gets on").
PROGRESS_GROUP = "lower"


class MissingInclude(ValueError):
    """A page lacks the marker its rendered block belongs in."""


def template_env() -> Environment:
    """The measurement feature's own templates (hub/measurement/templates/), autoescaped."""
    return package_env("hub.measurement")


def marker(name: str) -> str:
    """The element a page's Markdown holds where the block called `name` belongs."""
    return f'<div data-hub-include="{name}"></div>'


def fill_includes(html: str, blocks: dict[str, str], page: str) -> str:
    """Put each rendered block in place of its marker (exactly one marker per block)."""
    for name, block in blocks.items():
        found = html.count(marker(name))
        if found != 1:
            raise MissingInclude(f"{page}: needs exactly one {marker(name)} (found {found})")
        html = html.replace(marker(name), block)
    return html


def render(env: Environment, template: str, questions: QuestionSet, **extra: object) -> str:
    """Render one measurement partial with the question set."""
    return env.get_template(f"{template}.html").render(
        questions=questions, groups={g.id: g for g in questions.groups}, **extra
    )


def form_config(questions: QuestionSet) -> str:
    """What the calculator's script needs, as JSON for the form's data-config attribute."""
    benchmark = questions.benchmarks[0]
    return json.dumps(
        {
            "options": [
                {"id": o.id, "text": o.text, "group": o.group} for o in questions.key_question.options
            ],
            "groups": [{"id": g.id, "label": g.label, "classified": g.classified} for g in questions.groups],
            "benchmark": {
                "name": benchmark.name,
                "shares": benchmark.shares,
                "dateLabel": benchmark.date_label,
                "source": {"title": benchmark.source.title, "url": benchmark.source.url},
            },
            "aims": [{"percent": a.percent, "label": a.label} for a in questions.aims],
            "maskUnder": questions.mask_under,
            "progressGroup": PROGRESS_GROUP,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def to_csv(questions: QuestionSet) -> str:
    """Every question and answer option, one row each; formula-like cells defused."""
    labels = {g.id: g.label for g in questions.groups}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    key = questions.key_question
    for option in key.options:
        writer.writerow([defuse(c) for c in (key.text, option.id, option.text, labels[option.group])])
    for question in questions.supporting:
        for option in question.options:
            writer.writerow([defuse(c) for c in (question.text, option.id, option.text, "")])
    return out.getvalue()


def to_text(questions: QuestionSet) -> str:
    """The question set as plain text, ready to paste into a survey tool."""
    key = questions.key_question
    lines = [
        key.text,
        *(f"- {o.text}" for o in key.options),
        "",
        f"Source: {questions.key_source.title}, {questions.key_source.url}",
    ]
    lines += ["", "Supporting questions (in summary: take their exact wording from the source)", ""]
    for question in questions.supporting:
        lines += [question.text, *(f"- {o.text}" for o in question.options)]
        lines += [question.note, ""] if question.note else [""]
    lines.append(f"Source: {questions.supporting_source.title}, {questions.supporting_source.url}")
    return "\n".join(lines) + "\n"
