"""The built question set: the measuring page, its downloads and the calculator page."""

from __future__ import annotations

import csv
import io
import json

from hub.measurement.questions import load_question_set
from tests.conftest import Build
from tests.project import PROJECT

QUESTIONS = load_question_set(PROJECT.data / "measurement.yml", PROJECT.schemas)
KEY = QUESTIONS.key_question


def test_the_measuring_page_quotes_every_option_verbatim_and_in_order(build: Build) -> None:
    soup = build.html("strategy/data/measuring/")
    key = soup.select_one(".hub-question-set__options")
    items = key.select("li[data-option]")
    assert [li["data-option"] for li in items] == [o.id for o in KEY.options]
    # The option's own text node, examples included, exactly as the data (and the source) word it.
    assert [li.contents[0].strip() for li in items] == [o.text for o in KEY.options]
    assert KEY.text in soup.select_one(".hub-question-set__question").get_text()
    unchecked = [li["data-option"] for li in items if li.select_one(".hub-question-set__unchecked")]
    assert unchecked == [o.id for o in KEY.options if not o.checked]
    shown = soup.select("li[data-question]")
    assert [li["data-question"] for li in shown] == [q.id for q in QUESTIONS.supporting]
    for li, question in zip(shown, QUESTIONS.supporting, strict=True):
        assert li.select_one("p strong").get_text() == question.text
        assert [o.get_text() for o in li.select("li[data-option]")] == [o.text for o in question.options]
        if question.note:
            assert li.select_one(".hub-question-set__note").get_text() == question.note
    assert soup.find(attrs={"data-hub-include": True}) is None  # every marker was filled


def test_the_csv_download_holds_every_option_verbatim_in_order(build: Build) -> None:
    text = (build.site / "strategy/data/question-set.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = [(KEY.text, o.id, o.text) for o in KEY.options] + [
        (q.text, o.id, o.text) for q in QUESTIONS.supporting for o in q.options
    ]
    assert [(r["question"], r["option id"], r["option text"]) for r in rows] == expected
    groups = {g.id: g.label for g in QUESTIONS.groups}
    assert [r["group"] for r in rows[: len(KEY.options)]] == [groups[o.group] for o in KEY.options]
    assert [r["wording confirmed"] for r in rows[: len(KEY.options)]] == [
        "yes" if o.checked else "no" for o in KEY.options
    ]


def test_the_text_download_holds_every_question_and_option_verbatim_in_order(build: Build) -> None:
    text = (build.site / "strategy/data/question-set.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    listed = [line[2:] for line in lines if line.startswith("- ")]
    assert listed == [o.text for o in KEY.options] + [o.text for q in QUESTIONS.supporting for o in q.options]
    for question in (KEY, *QUESTIONS.supporting):
        at = lines.index(question.text)
        first_option = lines.index(f"- {question.options[0].text}", at)
        assert first_option - at == (2 if question.note else 1)


def test_the_measuring_page_links_its_downloads_and_the_calculator(build: Build) -> None:
    soup = build.html("strategy/data/measuring/")
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    assert {"../question-set.csv", "../question-set.txt", "../compare/"} <= hrefs
    assert "compare/" in {a["href"] for a in build.html("strategy/data/").select("article a[href]")}


def test_the_calculator_has_a_field_labelled_with_each_options_own_words(build: Build) -> None:
    soup = build.html("strategy/data/compare/")
    form = soup.select_one("form#hub-compare")
    labels = {label["for"]: label.get_text(strip=True) for label in form.select("label")}
    fields = form.select("input[type=text]")
    assert [labels[f["id"]] for f in fields] == [o.text for o in KEY.options] + ["Headcount"]
    config = json.loads(form["data-config"])
    assert config["benchmark"]["shares"] == {"professional": 37, "intermediate": 24, "lower": 39}
    assert config["maskUnder"] == 10


def test_the_calculator_names_and_links_every_source(build: Build) -> None:
    soup = build.html("strategy/data/compare/")
    links = {a["href"] for a in soup.select(".hub-compare-summary a")}
    sources = [QUESTIONS.benchmarks[0].source, QUESTIONS.grouping_source, QUESTIONS.aims_source]
    assert {s.url for s in [*sources, QUESTIONS.masking_source]} <= links
    assert "revised May 2021" in soup.select_one(".hub-compare-summary").get_text()


def test_the_tool_script_loads_on_the_calculator_only(build: Build) -> None:
    modules = {
        str(path.relative_to(build.site)): [
            s["src"] for s in build.html(str(path.relative_to(build.site))).select("script[type=module]")
        ]
        for path in build.site.rglob("*.html")
    }
    with_script = {
        page: [s for s in srcs if "/compare/" in s]
        for page, srcs in modules.items()
        if any("/compare/" in s for s in srcs)
    }
    assert with_script == {"strategy/data/compare/index.html": ["../../../javascripts/compare/main.js"]}


def test_the_sample_file_uses_known_answers_only(build: Build) -> None:
    text = (build.site / "strategy/data/compare/sample-levels.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["answer"] for r in rows} <= {o.id for o in KEY.options}
    assert rows[0]["level"] == "Entry level"
