"""The question set as HTML (the measuring page, the calculator's form); its downloads are
hub/measurement/downloads.py."""

from __future__ import annotations

import json

from jinja2 import Environment

from hub.core.templates import package_env
from hub.measurement.questions import QuestionSet

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
