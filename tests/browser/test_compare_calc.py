"""The calculator's arithmetic and parsing (docs/javascripts/compare/calc.js), hand-worked,
run in Chromium by importing the module into the built page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGE = "strategy/data/compare/"
CALC = "javascripts/compare/calc.js"


@pytest.fixture
def run(page, site_url: str):
    """Evaluate a JavaScript expression with `m` (the module) and `config` (the page's own)."""
    page.goto(PAGE)

    def evaluate(expression: str, arg: Any = None) -> Any:
        return page.evaluate(
            "async ([url, body, arg]) => {"
            " const m = await import(url);"
            " const config = JSON.parse(document.getElementById('hub-compare').dataset.config);"
            " return new Function('m', 'config', 'arg', `return (${body});`)(m, config, arg); }",
            [site_url.rstrip("/") + "/" + CALC, expression, arg],
        )

    return evaluate


def summary(run, counts: dict[str, int], headcount: int | None = None) -> dict[str, Any]:
    return run("m.summarise(config, arg.counts, arg.headcount)", {"counts": counts, "headcount": headcount})


def shares(result: dict[str, Any]) -> dict[str, Any]:
    return {g["id"]: (g["percent"], g["difference"]) for g in result["groups"] if g["classified"]}


def test_all_groups_present(run) -> None:
    # 60 professional, 20 intermediate, 20 lower of 100 classified; 20 prefer not to say.
    counts = {"professional": 30, "managers": 30, "clerical": 15, "small-business": 5}
    counts |= {"technical": 10, "routine": 10, "prefer-not-to-say": 20}
    result = summary(run, counts, 150)
    assert (result["answered"], result["classified"]) == (120, 100)
    assert shares(result) == {"professional": (60, 23), "intermediate": (20, -4), "lower": (20, -19)}
    assert result["total"] == 100
    assert result["roundingNote"] == ""
    assert result["response"] == {"percent": 80, "met": ["about two-thirds", "70% or more"]}


def test_a_group_empty_is_fewer_than_10_and_its_share_withheld(run) -> None:
    result = summary(run, {"professional": 50, "clerical": 50}, 100)
    assert shares(result) == {"professional": (50, 13), "intermediate": (50, 26), "lower": (None, None)}
    lower = next(g for g in result["groups"] if g["id"] == "lower")
    assert (lower["count"], lower["masked"]) == (0, True)
    assert result["total"] is None


def test_every_answer_prefer_not_to_say(run) -> None:
    result = summary(run, {"prefer-not-to-say": 40}, 50)
    assert (result["answered"], result["classified"]) == (40, 0)
    assert shares(result) == {
        "professional": (None, None),
        "intermediate": (None, None),
        "lower": (None, None),
    }
    assert result["response"]["percent"] == 80


def test_counts_under_10_are_masked_and_their_share_withheld(run) -> None:
    # Professional 8 of 58: withheld; intermediate 20/58 = 34.5 -> 34; lower 30/58 = 51.7 -> 52.
    result = summary(run, {"professional": 5, "managers": 3, "clerical": 20, "technical": 30})
    assert shares(result) == {"professional": (None, None), "intermediate": (34, 10), "lower": (52, 13)}
    assert run("[m.showCount(8, 10), m.showCount(10, 10), m.showCount(0, 10)]") == [
        "fewer than 10",
        "10",
        "fewer than 10",
    ]


def test_a_headcount_smaller_than_the_answers_is_a_clear_message(run) -> None:
    result = summary(run, {"professional": 60, "technical": 60}, 100)
    assert result["response"] == {
        "percent": None,
        "met": [],
        "error": "The headcount (100) is smaller than the number of answers (120): check both.",
    }
    assert summary(run, {"professional": 60}, None)["response"]["message"] == (
        "Give the headcount to see the response rate."
    )


@pytest.mark.parametrize(
    ("counts", "percents", "note"),
    [
        # 10/30 each = 33.3% -> 33 + 33 + 33 = 99.
        (
            {"professional": 10, "clerical": 10, "technical": 10},
            [33, 33, 33],
            "The shares add up to 99%, not 100%, because each is rounded on its own.",
        ),
        # 15/40 = 37.5% rounds up twice: 38 + 38 + 25 = 101.
        (
            {"professional": 15, "clerical": 15, "technical": 10},
            [38, 38, 25],
            "The shares add up to 101%, not 100%, because each is rounded on its own.",
        ),
    ],
)
def test_rounding_to_99_or_101_is_said(run, counts: dict[str, int], percents: list[int], note: str) -> None:
    result = summary(run, counts)
    assert [p for p, _ in shares(result).values()] == percents
    assert result["roundingNote"] == note


def test_response_rate_against_the_aims(run) -> None:
    assert run("m.responseRate(config.aims, 20, 30)") == {"percent": 67, "met": ["about two-thirds"]}
    assert run("m.responseRate(config.aims, 130, 200)") == {"percent": 65, "met": []}
    assert run("m.responseRate(config.aims, 139, 200)")["percent"] == 70  # 69.5 rounds up


def test_rounding_is_half_up_without_binary_noise(run) -> None:
    # 0.675 * 100 is 67.49999999999999 in binary floating point.
    assert run(
        "[m.roundTo(0.675, 2), m.roundTo(12.5, 0), m.roundTo(0.125 * 100, 0), m.roundTo(2/3*100, 0)]"
    ) == [
        0.68,
        13,
        13,
        67,
    ]


def test_by_level_ratios_from_the_sample_file(run, page) -> None:
    text = page.evaluate("async () => (await fetch('sample-levels.csv')).text()")
    parsed = run("m.parseLevelsCsv(arg, config)", text)
    assert parsed["errors"] == []
    results = run("m.levelResults(config, arg)", parsed["levels"])
    # Entry: lower 80 of 180 = 44.4%; manager 30 of 100 = 30%, ratio 0.675 -> 0.68;
    # senior leader 12 of 57 = 21.1%, ratio 0.474 -> 0.47.
    assert [(r["name"], r["count"], r["percent"], r["ratio"], r["falls"]) for r in results] == [
        ("Entry level", 80, 44, 1, False),
        ("Manager", 30, 30, 0.68, True),
        ("Senior leader", 12, 21, 0.47, True),
    ]


def test_a_level_under_10_is_withheld_with_no_ratio(run) -> None:
    levels = [
        {"name": "Entry", "counts": {"professional": 50, "technical": 50}},
        {"name": "Board", "counts": {"professional": 12, "routine": 3}},
        {"name": "Middle", "counts": {"professional": 10, "routine": 30}},
    ]
    results = run("m.levelResults(config, arg)", levels)
    assert [(r["count"], r["masked"], r["percent"], r["ratio"], r["falls"]) for r in results] == [
        (50, False, 50, 1, False),
        (3, True, None, None, False),
        (30, False, 75, 1.5, False),
    ]


def levels_of(run, text: str) -> dict[str, Any]:
    return run("m.parseLevelsCsv(arg, config)", text)


GOOD_LEVELS = [{"name": "Entry", "counts": {"professional": 12, "technical": 20}}]


@pytest.mark.parametrize(
    "text",
    [
        "level,answer,count\nEntry,professional,12\nEntry,technical,20\n",
        "\ufefflevel,answer,count\r\nEntry,professional,12\r\nEntry,Technical and craft occupations,20\r\n",
        "level;answer;count\nEntry;professional;12\nEntry;technical;20",
        'Level,Answer,Count\n"Entry","Modern professional and traditional professional occupations","12"\n'
        '"Entry",technical,20\n\n',
        "count,level,answer\n12,Entry,professional\n20,Entry,technical\n",
    ],
    ids=["plain", "bom-crlf-and-words", "semicolons", "quoted-and-blank-line", "columns-in-any-order"],
)
def test_good_csv_files(run, text: str) -> None:
    assert levels_of(run, text) == {"levels": GOOD_LEVELS, "errors": []}


def test_quoted_cells_keep_commas_quotes_and_line_breaks(run) -> None:
    text = 'level,answer,count\n"Senior, ""London""\nteam",managers,14\n'
    assert levels_of(run, text)["levels"] == [{"name": 'Senior, "London"\nteam', "counts": {"managers": 14}}]
    parsed = run("m.parseCsv(arg)", 'a;b\n"x;1";2\n')
    assert parsed == {
        "rows": [{"line": 1, "cells": ["a", "b"]}, {"line": 2, "cells": ["x;1", "2"]}],
        "delimiter": ";",
    }


HEADER = "level,answer,count\n"
BROKEN = [
    ("empty", "", ["The file is empty: it needs the columns level, answer, count."]),
    ("only-a-bom", "\ufeff\n", ["The file is empty: it needs the columns level, answer, count."]),
    (
        "missing-column",
        "level,answer\nEntry,professional\n",
        ['Row 1: the column "count" is missing: the first row must name the columns level, answer, count.'],
    ),
    (
        "unknown-answer",
        HEADER + "Entry,professional,12\nEntry,Plumber,3\n",
        [
            'Row 3: "Plumber" is not one of the answer options: give an option\'s id '
            "(for example professional) or its exact words."
        ],
    ),
    ("negative", HEADER + "Entry,professional,-4\n", ["Row 2: the count -4 is negative."]),
    (
        "not-a-number",
        HEADER + "Entry,professional,twelve\n",
        ['Row 2: the count "twelve" must be a whole number, for example 42.'],
    ),
    ("empty-count", HEADER + "Entry,professional,\n", ["Row 2: the count is empty."]),
    (
        "formula-level",
        HEADER + '"=HYPERLINK(""http://x"")",professional,3\n',
        ['Row 2: "=HYPERLINK("http://x")" looks like a spreadsheet formula: give plain text.'],
    ),
    (
        "formula-count",
        HEADER + "Entry,professional,=1+1\n",
        ['Row 2: "=1+1" looks like a spreadsheet formula: give a number.'],
    ),
    (
        "unclosed-quote",
        HEADER + 'Entry,professional,12\n"Manager,managers,3\n',
        ['Row 3: a quoted cell is never closed (a " is missing)'],
    ),
    (
        "duplicate",
        HEADER + "Entry,professional,12\nEntry,professional,3\n",
        ['Row 3: "Entry" has the answer "professional" twice (first in row 2).'],
    ),
    ("header-only", HEADER, ["The file has its column names but no counts."]),
]


@pytest.mark.parametrize(("text", "errors"), [row[1:] for row in BROKEN], ids=[row[0] for row in BROKEN])
def test_broken_csv_files_name_the_row(run, text: str, errors: list[str]) -> None:
    assert levels_of(run, text) == {"levels": [], "errors": errors}


def test_a_huge_file_is_refused_before_parsing(run) -> None:
    assert run(
        "m.parseLevelsCsv('level,answer,count\\n' + 'Entry,professional,1\\n'.repeat(20000), config)"
    ) == {
        "levels": [],
        "errors": ["The file is too large (over 200 KB): a table of counts is much smaller."],
    }
    many = "level,answer,count\n" + "".join(f"L{i},professional,1\n" for i in range(2001))
    assert levels_of(run, many)["errors"] == [
        "The file has more than 2000 rows: a table of counts is much smaller."
    ]


def test_many_problems_are_listed_up_to_ten(run) -> None:
    errors = levels_of(run, HEADER + "Entry,nope,1\n" * 12)["errors"]
    assert len(errors) == 11
    assert errors[-1] == "… and 2 more problem(s)."


def test_typed_counts(run) -> None:
    cases = ["", " 12 ", "1,200", "-3", "4.5", "12a", "20000000"]
    assert run("arg.map((t) => m.parseCount(t))", cases) == [
        {"value": None},
        {"value": 12},
        {"value": 1200},
        {"error": "cannot be negative"},
        {"error": "must be a whole number, for example 42"},
        {"error": "must be a whole number, for example 42"},
        {"error": "is more than 10,000,000"},
    ]


def test_export_defuses_formula_like_cells_but_not_numbers(run) -> None:
    assert run("['=1+1', '+SUM(A1)', '@x', '-5', '+3', 'Entry'].map(m.defuse)") == [
        "'=1+1",
        "'+SUM(A1)",
        "'@x",
        "-5",
        "+3",
        "Entry",
    ]
    csv = run(
        "m.resultsCsv(config, m.summarise(config, {professional: 30, managers: 30, clerical: 20,"
        " technical: 5, routine: 3}, 100), m.levelResults(config, arg))",
        [{"name": "-Board, top", "counts": {"professional": 20, "routine": 10}}],
    )
    lines = csv.split("\r\n")
    assert lines[0] == "section,level,background,count,share,benchmark,difference (points)"
    assert lines[1] == "whole workforce,,Professional background,60,68%,37%,+31"
    assert lines[3] == "whole workforce,,Lower socio-economic background,fewer than 10,withheld,39%,"
    assert lines[5] == "response rate,,,88,88%,,"
    assert (
        lines[6] == 'by level,"\'-Board, top",Lower socio-economic background,10,33%,,progression ratio 1.00'
    )
