"""The question set (data/measurement.yml): checked at build, rendered into the measuring page
and the calculator's form, and published as CSV and plain-text downloads."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hub.core.context import context_of
from hub.core.errors import data_errors_stop
from hub.measurement import downloads, render
from hub.measurement.questions import QuestionSet, load_question_set

log = logging.getLogger("mkdocs.plugins.hub.measurement")

FEATURE = "measurement"
DATA_FILE = "measurement.yml"
MEASURING_PAGE = "strategy/data/measuring.md"
COMPARE_PAGE = "strategy/data/compare.md"
DOWNLOADS = {"csv": "strategy/data/question-set.csv", "txt": "strategy/data/question-set.txt"}
SAMPLE_FILE = "strategy/data/compare/sample-levels.csv"
COMPARE_URL = "strategy/data/compare/"


@dataclass(frozen=True)
class MeasurementBuild:
    """What this build loaded, for the page events."""

    questions: QuestionSet
    env: Environment


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Load the question set (or stop the build with every problem) and add the downloads."""
    context = context_of(config)
    with data_errors_stop("the question set", PluginError):
        questions = load_question_set(context.project.data / DATA_FILE, context.project.schemas)
    context.features[FEATURE] = MeasurementBuild(questions, render.template_env())
    files.append(File.generated(config, DOWNLOADS["csv"], content=downloads.to_csv(questions)))
    files.append(File.generated(config, DOWNLOADS["txt"], content=downloads.to_text(questions)))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the question set into the two pages that show it, in place of their markers."""
    if page.file.src_uri not in (MEASURING_PAGE, COMPARE_PAGE):
        return html
    state: MeasurementBuild = context_of(config).features[FEATURE]
    blocks = _blocks(state, page)
    try:
        return render.fill_includes(html, blocks, page.file.src_uri)
    except render.MissingInclude as exc:
        raise PluginError(str(exc)) from None


def _blocks(state: MeasurementBuild, page: Page) -> dict[str, str]:
    """The rendered blocks a page shows, by marker name."""
    questions, env = state.questions, state.env
    if page.file.src_uri == COMPARE_PAGE:
        sample = _href(SAMPLE_FILE, page)
        return {
            "compare-form": render.render(
                env, "compare-form", questions, config=render.form_config(questions), sample=sample
            )
        }
    links = {kind: _href(path, page) for kind, path in DOWNLOADS.items()}
    links["compare"] = _href(COMPARE_URL, page)
    return {
        "key-options": render.render(env, "key-options", questions, downloads=links),
        "supporting-questions": render.render(env, "supporting-questions", questions),
    }


def _href(target: str, page: Page) -> str:
    """A link from `page` to a site path, relative as MkDocs writes its own links."""
    return get_relative_url(target, page.url)
