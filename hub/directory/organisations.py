"""The directory of organisations: load and validate `data/organisations/*.yml`, then render it.

Knows nothing of MkDocs: `hooks/directory.py` adapts it to the build, `scripts/check_data.py`
to the command line, and tests call it directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nh3
from jinja2 import Environment
from jsonschema import Draft202012Validator
from markupsafe import Markup

from hub.core.paths import display_path
from hub.core.schema import fill_vocabularies, read_schema, schema_errors, validator
from hub.core.slugs import SLUG, slugify
from hub.core.spreadsheet import defuse
from hub.core.templates import package_env
from hub.core.vocab import Term
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml
from hub.pages.structured_data import organization

URL_PREFIX = "organisations/"

Vocab = Mapping[str, Sequence[Term]]
MarkdownRenderer = Callable[[str], str]


@dataclass(frozen=True)
class Organisation:
    """One organisation, validated: what the templates, JSON and CSV are made from."""

    slug: str
    name: str
    summary: str
    website: str
    where: tuple[str, ...]  # ids from the `regions` vocabulary: uk-wide, nations or regions
    stages: tuple[str, ...]  # ids from the `stages` vocabulary
    support: tuple[str, ...]
    elements: tuple[str, ...]
    kind: str
    last_reviewed: dt.date
    description: str = ""
    sectors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # towns, cities or counties, as people write them
    cost: str = ""
    source: str = field(default="", compare=False)
    name_line: int = field(default=1, compare=False)
    # The line of `last_reviewed:`, for the review warnings (hub/review/).
    reviewed_line: int = field(default=1, compare=False)

    @property
    def url(self) -> str:
        """The site-relative URL of the organisation's own page."""
        return f"{URL_PREFIX}{self.slug}/"


# --- Loading and validation -------------------------------------------------------------------


class FolderNotFound(DataErrors):
    """The folder of organisations does not exist: one problem, with nothing else checked."""


@dataclass(frozen=True)
class Checker:
    """What checks one organisation file: its schema, and the areas `where` may name."""

    schema: Draft202012Validator
    regions: Sequence[Term]


def organisation_validator(vocab: Vocab, schemas: Path) -> Draft202012Validator:
    """Return a validator for one organisation, its `x-vocabulary` lists filled from `vocab`."""
    schema = fill_vocabularies(read_schema("organisation", schemas), vocab)
    Draft202012Validator.check_schema(schema)
    return validator(schema)


def organisation_checker(vocab: Vocab, schemas: Path) -> Checker:
    """Return what checks one organisation file against the schema and the vocabularies."""
    return Checker(organisation_validator(vocab, schemas), vocab["regions"])


def load_organisation(path: Path, checker: Checker) -> Organisation:
    """Load, validate and type one organisation file; raise DataErrors with every problem."""
    loaded = load_yaml(path)
    errors = _file_name_errors(path)
    if loaded.data is None:
        raise DataErrors([*errors, DataError(loaded.path, 1, "", "the file is empty: give the fields")])
    errors += schema_errors(loaded, checker.schema)
    if not errors:
        errors += where_errors(loaded, checker.regions)
    if errors:
        raise DataErrors(errors)
    return _to_record(path.stem, loaded)


def load_organisations(folder: Path, vocab: Vocab, schemas: Path) -> list[Organisation]:
    """Load every organisation in `folder`, sorted by name; raise DataErrors with all problems."""
    if not folder.is_dir():  # a mistyped HUB_ORGANISATIONS_DIR or --folder: a message, not a traceback
        raise FolderNotFound([DataError(display_path(folder), 1, "", "folder not found")])
    checker = organisation_checker(vocab, schemas)
    errors: list[DataError] = []
    organisations: list[Organisation] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue  # editor and OS litter (.DS_Store, .swp) is not data
        if path.suffix != ".yml":
            errors.append(_not_yml(path))
            continue
        try:
            organisations.append(load_organisation(path, checker))
        except DataErrors as exc:
            errors.extend(exc.errors)
    errors += duplicate_errors(organisations)
    if errors:
        raise DataErrors(errors)
    return sorted(organisations, key=lambda org: (org.name.casefold(), org.slug))


def _not_yml(path: Path) -> DataError:
    """A file that would silently not be published: an error, so nothing goes missing unseen."""
    return DataError(
        display_path(path),
        1,
        "",
        "only .yml files belong here: rename it to <slug>.yml, or move it out of the folder",
    )


def _file_name_errors(path: Path) -> list[DataError]:
    """The file name is the page's URL, so it must be a slug."""
    if SLUG.match(path.stem):
        return []
    message = "the file name must be lowercase letters, digits and hyphens, e.g. sutton-trust.yml"
    return [DataError(display_path(path), 1, "", message)]


def where_errors(loaded: Loaded, regions: Sequence[Term]) -> list[DataError]:
    """`where` names each area once, at the level the organisation works: an area listed with
    one inside it (uk-wide with london, england with london) says two different things."""
    where = loaded.data["where"]
    inside = {term.id: areas_inside(term.id, regions) for term in regions}
    wording = {term.id: term.in_words for term in regions}
    errors = []
    for index, area in enumerate(where):
        wider = next((other for other in where if area in inside[other]), None)
        if wider is not None:
            message = (
                f"{area!r} is inside {wider!r}, which is listed too: keep {wider!r} alone if it "
                f"works across {wording[wider]}, or list only the parts it works in"
            )
            errors.append(DataError(loaded.path, loaded.line_of(["where", index]), f"where.{index}", message))
    return errors


def duplicate_errors(organisations: Iterable[Organisation]) -> list[DataError]:
    """Two files whose slug or name make the same slug: one organisation entered twice."""
    seen: dict[str, Organisation] = {}
    errors: list[DataError] = []
    for org in sorted(organisations, key=lambda o: o.source):
        for key in dict.fromkeys((org.slug, slugify(org.name))):
            first = seen.setdefault(key, org)
            if first is not org:
                errors.append(
                    DataError(
                        org.source,
                        org.name_line,
                        "name",
                        f"duplicate slug {key!r}: {first.source} already has {first.name!r}; "
                        "give each organisation one file",
                    )
                )
                break
    return errors


def _to_record(slug: str, loaded: Loaded) -> Organisation:
    """Turn a validated mapping into an Organisation."""
    data = loaded.data
    reviewed = data["last_reviewed"]
    return Organisation(
        slug=slug,
        name=data["name"].strip(),
        summary=" ".join(data["summary"].split()),
        website=data["website"],
        where=tuple(data["where"]),
        stages=tuple(data["stages"]),
        support=tuple(data["support"]),
        elements=tuple(data["elements"]),
        kind=data["type"],
        last_reviewed=reviewed if isinstance(reviewed, dt.date) else dt.date.fromisoformat(reviewed),
        description=data.get("description", "").strip(),
        sectors=tuple(data.get("sectors", ())),
        places=tuple(" ".join(place.split()) for place in data.get("places", ())),
        cost=data.get("cost", ""),
        source=loaded.path,
        name_line=loaded.line_of(["name"]),
        reviewed_line=loaded.line_of(["last_reviewed"]),
    )


# --- Filtering helpers shared by the templates and the browser script ------------------------


@cache  # a vocabulary is a tuple of frozen terms: called once per organisation, made once
def areas_inside(area: str, regions: Sequence[Term]) -> tuple[str, ...]:
    """Every area inside `area`, through `covers` in data/vocabularies.yml (the UK takes in
    England, England its regions), in the vocabulary's order; cycles end."""
    covers = {term.id: term.covers for term in regions}
    found: set[str] = set()
    waiting = list(covers.get(area, ()))
    while waiting:
        inner = waiting.pop()
        if inner not in found and inner != area:
            found.add(inner)
            waiting.extend(covers.get(inner, ()))
    return tuple(term.id for term in regions if term.id in found)


@cache
def areas_around(area: str, regions: Sequence[Term]) -> tuple[str, ...]:
    """Every area that takes `area` in, the nearest first (North East: England, then the UK)."""
    inside = {term.id: areas_inside(term.id, regions) for term in regions}
    around = [term.id for term in regions if area in inside[term.id]]
    return tuple(sorted(around, key=lambda wider: len(inside[wider])))


def works_in(org: Organisation, regions: Sequence[Term]) -> list[str]:
    """The areas the organisation works in, wholly or in part: the region filter lists it first
    ("in the North East") for these. Its own areas and every area around them."""
    found = {area for own in org.where for area in (own, *areas_around(own, regions))}
    return [term.id for term in regions if term.id in found]


def works_across(org: Organisation, regions: Sequence[Term]) -> list[str]:
    """The areas the organisation reaches only as part of wider work (an England-wide charity
    in the North East): the region filter lists it under its own heading for these."""
    near = set(works_in(org, regions))
    found = {area for own in org.where for area in areas_inside(own, regions)} - near
    return [term.id for term in regions if term.id in found]


def region_choices(regions: Sequence[Term]) -> list[tuple[str, list[Term]]]:
    """The areas a visitor chooses from: those with nothing inside them (regions and nations),
    grouped under their nation ("England") where they have one, else ungrouped ("")."""
    groups: dict[str, list[Term]] = {}
    labels = {term.id: term for term in regions}
    for term in regions:
        if term.covers:
            continue
        around = areas_around(term.id, regions)
        group = labels[around[0]].in_words if len(around) > 1 else ""
        groups.setdefault(group, []).append(term)
    return list(groups.items())


def by_element(organisations: Iterable[Organisation]) -> dict[str, list[Organisation]]:
    """Organisations grouped by the strategy elements they help with."""
    grouped: dict[str, list[Organisation]] = {}
    for org in organisations:
        for element in org.elements:
            grouped.setdefault(element, []).append(org)
    return grouped


# --- Rendering ---------------------------------------------------------------------------------


def template_env() -> Environment:
    """The directory's own templates (hub/directory/templates/), autoescaped."""
    return package_env("hub.directory")


def description_html(org: Organisation, markdown: Callable[[str], str]) -> Markup:
    """Render the Markdown description with the site's Markdown, then sanitise it with nh3."""
    if not org.description:
        return Markup("")
    cleaned = nh3.clean(
        markdown(org.description),
        tags={"p", "a", "ul", "ol", "li", "strong", "em", "code", "br", "blockquote", "h3", "h4"},
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)  # sanitised by nh3 just above


def labels_of(vocab: Vocab) -> dict[str, dict[str, str]]:
    """id -> label for every vocabulary, for templates."""
    return {name: {term.id: term.label for term in terms} for name, terms in vocab.items()}


# The directory's pages hold this many organisations each: page 1 at organisations/, the rest at
# organisations/page/<n>/, linked by number, so visitors without JavaScript reach every one while
# each page's HTML stays the same size however many organisations there are.
PAGE_SIZE = 100


@dataclass(frozen=True)
class DirectoryPage:
    """One page of the directory: its number, the organisations on it, and where it lives."""

    number: int
    count: int
    organisations: Sequence[Organisation]
    first: int
    total: int

    @property
    def src_uri(self) -> str:
        """The generated Markdown file's path: organisations/index.md, organisations/page/<n>.md."""
        return f"{URL_PREFIX}index.md" if self.number == 1 else f"{URL_PREFIX}page/{self.number}.md"

    @property
    def base(self) -> str:
        """The relative path from this page back to organisations/."""
        return "" if self.number == 1 else "../../"

    def href(self, number: int) -> str:
        """The relative link from this page to page `number`."""
        return self.base + ("" if number == 1 else f"page/{number}/")


def directory_pages(organisations: Sequence[Organisation], size: int = PAGE_SIZE) -> list[DirectoryPage]:
    """The organisations cut into pages of `size` (one page, perhaps empty, at the least)."""
    chunks = [organisations[start : start + size] for start in range(0, len(organisations), size)] or [[]]
    return [
        DirectoryPage(n, len(chunks), chunk, (n - 1) * size + 1, len(organisations))
        for n, chunk in enumerate(chunks, start=1)
    ]


def status_text(page: DirectoryPage) -> str:
    """What the status line says about a page as built (the script says the same when unfiltered)."""
    if page.count == 1:
        return f"Showing all {page.total} organisations."
    last = page.first + len(page.organisations) - 1
    return f"Showing {page.first} to {last} of {page.total} organisations."


def render_directory(page: DirectoryPage, vocab: Vocab, env: Environment) -> str:
    """One directory page's HTML: the filters (page 1), its organisations, links to every page."""
    return env.get_template("org-directory.html").render(
        page=page,
        organisations=page.organisations,
        status=status_text(page),
        vocab=vocab,
        labels=labels_of(vocab),
        region_choices=region_choices(vocab["regions"]),
    )


def render_organisation(
    org: Organisation,
    markdown: Callable[[str], str],
    vocab: Vocab,
    env: Environment,
) -> str:
    """One organisation's page HTML (its H1 included)."""
    return env.get_template("org-page.html").render(
        org=org,
        description=description_html(org, markdown),
        vocab=vocab,
        labels=labels_of(vocab),
        choosable={term.id for _, terms in region_choices(vocab["regions"]) for term in terms},
    )


def page_meta(title: str, description: str) -> dict[str, object]:
    """The metadata of a generated page, for `page.meta` (set by the hook: no front matter).

    Material prints `page.meta.title` into the header unescaped, as HTML, so title and
    description are escaped here, once, as `Markup`: templates that print them as text with
    `| e` leave `Markup` as it is and escape any plain front matter text.
    """
    return {"title": Markup.escape(title), "description": Markup.escape(description), "hide": ["toc"]}


def structured_data(
    org: Organisation, site_url: str, labels: Mapping[str, Mapping[str, str]]
) -> dict[str, object]:
    """Schema.org Organization data for the organisation's page (JSON-LD).

    `labels` is `labels_of(vocab)`: a build passes it in, made once for every page.
    """
    return organization(
        name=org.name,
        description=org.summary,
        website=org.website,
        page_url=site_url + org.url,
        areas=[*(labels["regions"][r] for r in org.where), *org.places],
        topics=[labels["support"][s] for s in org.support],
    )


# --- Downloads ---------------------------------------------------------------------------------

# The files the directory publishes beside its pages, by site path.
JSON_FILE = f"{URL_PREFIX}index.json"
CSV_FILE = f"{URL_PREFIX}organisations.csv"
FILTER_INDEX_FILE = f"{URL_PREFIX}filter.json"


def export_files(organisations: Sequence[Organisation], vocab: Vocab) -> dict[str, str]:
    """Site path -> content of each file made from the whole directory: the JSON and CSV for
    reuse by others, and the filter index the page's script reads."""
    return {
        JSON_FILE: to_json(organisations, vocab),
        CSV_FILE: to_csv(organisations, vocab),
        FILTER_INDEX_FILE: to_filter_index(organisations, vocab),
    }


def to_json(organisations: Sequence[Organisation], vocab: Vocab) -> str:
    """The whole directory as JSON, ids with their labels, for reuse by others."""
    labels = labels_of(vocab)
    records = [
        {
            "slug": org.slug,
            "name": org.name,
            "summary": org.summary,
            "description": org.description,
            "website": org.website,
            "where": list(org.where),
            "places": list(org.places),
            "stages": list(org.stages),
            "support": list(org.support),
            "elements": list(org.elements),
            "type": org.kind,
            "sectors": list(org.sectors),
            "cost": org.cost,
            "last_reviewed": org.last_reviewed.isoformat(),
            "page": org.url,
        }
        for org in organisations
    ]
    return json.dumps({"labels": labels, "organisations": records}, ensure_ascii=False, indent=1) + "\n"


def to_filter_index(organisations: Sequence[Organisation], vocab: Vocab) -> str:
    """The compact data the directory's script filters: one array per organisation, read by
    docs/javascripts/directory/filter.js (`prepare`), fetched once when a visitor filters.

    [slug, name, summary, type, support, where, places, areas it works in, areas it reaches as
    part of wider work, stages, elements, sectors]; the labels the script prints and searches;
    and for each area how a sentence names it and the areas around it, nearest first.
    """
    regions = vocab["regions"]
    records = [
        [
            org.slug,
            org.name,
            org.summary,
            org.kind,
            list(org.support),
            list(org.where),
            list(org.places),
            works_in(org, regions),
            works_across(org, regions),
            list(org.stages),
            list(org.elements),
            list(org.sectors),
        ]
        for org in organisations
    ]
    labels = labels_of(vocab)
    wanted = ("regions", "stages", "support", "organisation_types")
    areas = {term.id: [term.in_words, list(areas_around(term.id, regions))] for term in regions}
    data = {
        "labels": {name: labels[name] for name in wanted},
        "areas": areas,
        "organisations": records,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = (
    "name",
    "summary",
    "website",
    "where",
    "places",
    "stages",
    "support",
    "elements",
    "type",
    "sectors",
    "cost",
    "last_reviewed",
    "page",
)


def to_csv(organisations: Sequence[Organisation], vocab: Vocab) -> str:
    """The directory as CSV with readable labels; cells that a spreadsheet would run are defused."""
    labels = labels_of(vocab)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for org in organisations:
        row = [
            org.name,
            org.summary,
            org.website,
            "; ".join(labels["regions"][r] for r in org.where),
            "; ".join(org.places),
            "; ".join(labels["stages"][s] for s in org.stages),
            "; ".join(labels["support"][s] for s in org.support),
            "; ".join(labels["elements"][e] for e in org.elements),
            labels["organisation_types"][org.kind],
            "; ".join(org.sectors),
            labels["costs"][org.cost] if org.cost else "",
            org.last_reviewed.isoformat(),
            org.url,
        ]
        writer.writerow([defuse(cell) for cell in row])
    return out.getvalue()
