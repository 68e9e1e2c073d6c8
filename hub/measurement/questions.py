"""The question set as typed records: loaded with the project's YAML loader, checked against
its schema, then against the rules a schema cannot say (groups that exist, shares that add up).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.core.schema import schema_errors, validator_for
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml

SCHEMA = "measurement"
SHARE_TOLERANCE = 1  # benchmark shares are published rounded, so 99 to 101 is a whole


@dataclass(frozen=True)
class Source:
    """A named source and the exact page it is on."""

    title: str
    url: str


EXAMPLES_MARK = " such as:"


@dataclass(frozen=True)
class Option:
    """One answer option: its id, the Commission's exact words (examples included), (key question
    only) its group, and whether that wording has been confirmed against the source."""

    id: str
    text: str
    group: str = ""
    checked: bool = True

    @property
    def name(self) -> str:
        """The option without its examples ("Technical and craft occupations"), for short labels."""
        return self.text.split(EXAMPLES_MARK, 1)[0].rstrip(".")


@dataclass(frozen=True)
class Group:
    """A background the key question's answers roll up into (or the answers left out)."""

    id: str
    label: str
    classified: bool = True


@dataclass(frozen=True)
class Question:
    """A question in the source's exact words, with its answer options and any note the source
    prints under it."""

    id: str
    text: str
    options: tuple[Option, ...]
    note: str = ""


@dataclass(frozen=True)
class Benchmark:
    """A published breakdown to compare a workforce with, in whole per cent by group."""

    id: str
    name: str
    shares: dict[str, float]
    date: dt.date
    date_label: str
    source: Source


@dataclass(frozen=True)
class Aim:
    """A response-rate aim, in per cent."""

    percent: int
    label: str


@dataclass(frozen=True)
class QuestionSet:
    """Everything in data/measurement.yml."""

    key_question: Question
    key_source: Source
    groups: tuple[Group, ...]
    grouping_source: Source
    supporting: tuple[Question, ...]
    supporting_source: Source
    benchmarks: tuple[Benchmark, ...]
    aims: tuple[Aim, ...]
    aims_source: Source
    mask_under: int
    masking_source: Source

    @property
    def classified_groups(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.classified)

    @property
    def unchecked(self) -> tuple[Option, ...]:
        """Options whose exact wording is not yet confirmed against the source."""
        questions = (self.key_question, *self.supporting)
        return tuple(o for q in questions for o in q.options if not o.checked)


def load_question_set(path: Path, schemas: Path) -> QuestionSet:
    """Load, validate and type data/measurement.yml; raise DataErrors with every problem."""
    loaded = load_yaml(path)
    if loaded.data is None:
        raise DataErrors([DataError(loaded.path, 1, "", "the file is empty: give the fields")])
    errors = schema_errors(loaded, validator_for(SCHEMA, schemas))
    if errors:
        raise DataErrors(errors)
    errors = rule_errors(loaded)
    if errors:
        raise DataErrors(errors)
    return _to_record(loaded.data)


def rule_errors(loaded: Loaded) -> list[DataError]:
    """Problems the schema cannot catch: unknown or missing groups, duplicate ids, shares' sum."""
    data = loaded.data
    groups = [g["id"] for g in data["groups"]]
    classified = [g["id"] for g in data["groups"] if g.get("classified", True)]
    errors = _duplicates(loaded, ("groups",), groups)

    def error(location: tuple[Any, ...], field: str, message: str) -> None:
        errors.append(DataError(loaded.path, loaded.line_of(location), field, message))

    options = data["key_question"]["options"]
    errors += _duplicates(loaded, ("key_question", "options"), [o["id"] for o in options])
    for i, option in enumerate(options):
        where = ("key_question", "options", i)
        if "group" not in option:
            error(where, f"key_question.options.{i}.group", "is required: say which background it counts in")
        elif option["group"] not in groups:
            error((*where, "group"), f"key_question.options.{i}.group", _unknown(option["group"], groups))
    for i, question in enumerate(data["supporting_questions"]):
        where = ("supporting_questions", i, "options")
        errors += _duplicates(loaded, where, [o["id"] for o in question["options"]])
    for i, benchmark in enumerate(data["benchmarks"]):
        where = ("benchmarks", i, "shares")
        field = f"benchmarks.{i}.shares"
        for group in benchmark["shares"]:
            if group not in classified:
                error((*where, group), f"{field}.{group}", _unknown(group, classified))
        missing = [g for g in classified if g not in benchmark["shares"]]
        if missing:
            error(where, field, f"has no share for {', '.join(missing)}")
        total = sum(benchmark["shares"].values())
        if abs(total - 100) > SHARE_TOLERANCE:
            error(where, field, f"add up to {total:g}, not 100 (give or take {SHARE_TOLERANCE})")
    return errors


def _unknown(value: str, allowed: list[str]) -> str:
    """Say that `value` is not one of the groups."""
    return f"{value!r} is not a group: use one of {', '.join(allowed)}"


def _duplicates(loaded: Loaded, where: tuple[Any, ...], ids: list[str]) -> list[DataError]:
    """An error at each repeated id in one list."""
    seen: set[str] = set()
    errors = []
    for i, value in enumerate(ids):
        if value in seen:
            field = ".".join(str(p) for p in (*where, i, "id"))
            errors.append(
                DataError(loaded.path, loaded.line_of((*where, i, "id")), field, f"{value!r} is used twice")
            )
        seen.add(value)
    return errors


def _source(raw: dict[str, str]) -> Source:
    return Source(raw["title"], raw["url"])


def _question(raw: dict[str, Any]) -> Question:
    options = tuple(
        Option(o["id"], o["text"], o.get("group", ""), o.get("checked", True)) for o in raw["options"]
    )
    return Question(raw["id"], raw["text"], options, raw.get("note", ""))


def _to_record(data: dict[str, Any]) -> QuestionSet:
    """Turn validated data into records."""
    return QuestionSet(
        key_question=_question(data["key_question"]),
        key_source=_source(data["key_question"]["source"]),
        groups=tuple(Group(g["id"], g["label"], g.get("classified", True)) for g in data["groups"]),
        grouping_source=_source(data["grouping_source"]),
        supporting=tuple(_question(q) for q in data["supporting_questions"]),
        supporting_source=_source(data["supporting_source"]),
        benchmarks=tuple(
            Benchmark(
                b["id"],
                b["name"],
                dict(b["shares"]),
                b["date"] if isinstance(b["date"], dt.date) else dt.date.fromisoformat(b["date"]),
                b["date_label"],
                _source(b["source"]),
            )
            for b in data["benchmarks"]
        ),
        aims=tuple(Aim(a["percent"], a["label"]) for a in data["response_aims"]["aims"]),
        aims_source=_source(data["response_aims"]["source"]),
        mask_under=data["masking"]["threshold"],
        masking_source=_source(data["masking"]["source"]),
    )
