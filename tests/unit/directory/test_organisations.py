"""hub/directory/ without MkDocs: loading and its messages (load), areas (regions), pages (render),
the downloads (export)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup, escape

from hub.core.dates import long_date
from hub.core.vocab import Term
from hub.core.yamlio import DataErrors
from hub.directory import export, load, model, regions, render
from hub.directory.model import Organisation
from tests.project import PROJECT, ROOT, VOCAB

FIXTURES = ROOT / "tests" / "fixtures" / "organisations"
ENV = render.template_env()
BAD = "tests/fixtures/organisations/bad"
REGIONS = ", ".join(VOCAB.ids("regions"))
SUPPORT = ", ".join(VOCAB.ids("support"))
STAGES = ", ".join(VOCAB.ids("stages"))
HTTPS = (
    "must be the organisation's web address starting with https:// (for example https://www.example.org.uk/)"
)


def plain_markdown(text: str) -> str:
    """A stand-in for the site's Markdown: enough to show what the sanitiser keeps."""
    import markdown

    return markdown.markdown(text)


# One row per broken file: the exact messages an editor sees.
BAD_FILES = [
    (
        "yaml-syntax.yml",
        [
            f"{BAD}/yaml-syntax.yml:9: YAML syntax: found unexpected end of stream "
            "(while scanning a quoted scalar, which starts on line 1)"
        ],
    ),
    ("missing-field.yml", [f"{BAD}/missing-field.yml:1: website: is required"]),
    (
        "unknown-region.yml",
        [f"{BAD}/unknown-region.yml:7: where.1: 'north-wset' is not allowed: use one of {REGIONS}"],
    ),
    (
        "unknown-stage.yml",
        [f"{BAD}/unknown-stage.yml:6: stages.1: 'recruiting' is not allowed: use one of {STAGES}"],
    ),
    ("missing-stages.yml", [f"{BAD}/missing-stages.yml:1: stages: is required"]),
    (
        "bad-place.yml",
        [f"{BAD}/bad-place.yml:6: places.1: must be the name of a town, city or county, in plain text"],
    ),
    # An area with one inside it says two things: each inner one is named at its own line.
    (
        "where-inside.yml",
        [
            f"{BAD}/where-inside.yml:7: where.1: 'england' is inside 'uk-wide', which is listed too: "
            "keep 'uk-wide' alone if it works across the whole UK, or list only the parts it works in",
            f"{BAD}/where-inside.yml:8: where.2: 'london' is inside 'uk-wide', which is listed too: "
            "keep 'uk-wide' alone if it works across the whole UK, or list only the parts it works in",
        ],
    ),
    (
        "unknown-support.yml",
        [f"{BAD}/unknown-support.yml:6: support.1: 'coaching' is not allowed: use one of {SUPPORT}"],
    ),
    ("http-website.yml", [f"{BAD}/http-website.yml:3: website: {HTTPS}"]),
    ("javascript-website.yml", [f"{BAD}/javascript-website.yml:3: website: {HTTPS}"]),
    ("long-summary.yml", [f"{BAD}/long-summary.yml:2: summary: is 305 characters long; the most is 280"]),
    # Only spaces would pass a minimum length, then be stripped to nothing on the page.
    ("blank-name.yml", [f"{BAD}/blank-name.yml:1: name: must have some words, not only spaces"]),
    ("blank-summary.yml", [f"{BAD}/blank-summary.yml:3: summary: must have some words, not only spaces"]),
    (
        "wrong-types.yml",
        [
            f"{BAD}/wrong-types.yml:1: name: must be text, not the number 42",
            f"{BAD}/wrong-types.yml:5: where: must be a list, not 'north-west'",
            f"{BAD}/wrong-types.yml:8: last_reviewed: must be a date written YYYY-MM-DD, "
            "for example 2026-11-24",
        ],
    ),
    ("empty.yml", [f"{BAD}/empty.yml:1: the file is empty: give the fields"]),
    ("duplicate-key.yml", [f"{BAD}/duplicate-key.yml:9: name: duplicate key (first given on line 1)"]),
    (
        "alias-bomb.yml",
        [
            f"{BAD}/alias-bomb.yml:3: YAML syntax: aliases (*name) are not allowed here: "
            "write the value out in full"
        ],
    ),
    (
        "unquoted-no.yml",
        [
            f"{BAD}/unquoted-no.yml:1: name: was read as false "
            "(YAML treats yes/no/on/off/true/false that way): put the value in quotes"
        ],
    ),
    ("unknown-field.yml", [f"{BAD}/unknown-field.yml:9: webiste: is not a known field: check its spelling"]),
    (
        "Bad_Name.yml",
        [
            f"{BAD}/Bad_Name.yml:1: the file name must be lowercase letters, digits and hyphens, "
            "e.g. sutton-trust.yml"
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_file_gives_exact_messages(name: str, expected: list[str]) -> None:
    with pytest.raises(DataErrors) as caught:
        load.load_organisation(FIXTURES / "bad" / name, load.organisation_checker(VOCAB, PROJECT.schemas))
    assert [str(e) for e in caught.value.errors] == expected


def test_every_bad_file_is_reported_at_once() -> None:
    with pytest.raises(DataErrors) as caught:
        load.load_organisations(FIXTURES / "bad", VOCAB, PROJECT.schemas)
    assert [str(e) for e in caught.value.errors] == sorted(
        (m for _, messages in BAD_FILES for m in messages),
        key=lambda m: (m.split(":")[0], int(m.split(":")[1])),
    )


def test_a_file_that_is_not_yml_is_an_error_not_silently_skipped() -> None:
    # A `.yaml` or `.txt` file would otherwise never be published and nobody would know.
    with pytest.raises(DataErrors) as caught:
        load.load_organisations(FIXTURES / "not-yml", VOCAB, PROJECT.schemas)
    assert str(caught.value) == (
        "tests/fixtures/organisations/not-yml/forgotten.yaml:1: "
        "only .yml files belong here: rename it to <slug>.yml, or move it out of the folder"
    )


def test_the_same_organisation_in_two_files_is_a_duplicate_slug(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        load.load_organisations(FIXTURES / "duplicate", VOCAB, PROJECT.schemas)
    assert str(caught.value) == (
        "tests/fixtures/organisations/duplicate/good-one.yml:1: name: duplicate slug 'good-one': "
        "tests/fixtures/organisations/duplicate/good-one-again.yml already has 'good one'; "
        "give each organisation one file"
    )


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "good-one.yml").write_bytes((FIXTURES / "good" / "good-one.yml").read_bytes())
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "drafts").mkdir()
    assert [org.slug for org in load.load_organisations(tmp_path, VOCAB, PROJECT.schemas)] == ["good-one"]


def test_good_files_become_typed_records_sorted_by_name() -> None:
    orgs = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    assert [org.name for org in orgs] == ["Good One", "Good Two & Partners"]
    two = orgs[1]
    assert two.slug == "good-two"
    assert two.kind == "research"
    assert two.where == ("uk-wide",)
    assert two.stages == ("outreach", "data")
    assert orgs[0].places == ("Preston",)  # spaces tidied
    assert two.last_reviewed == dt.date(2026, 11, 24)
    assert two.url == "organisations/good-two/"
    assert two.file == "tests/fixtures/organisations/good/good-two.yml"


def test_the_real_data_has_at_least_30_distinct_valid_organisations() -> None:
    orgs = load.load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
    assert len(orgs) >= 30
    assert len({org.website for org in orgs}) == len(orgs)
    assert all(org.website.startswith("https://") for org in orgs)
    # Every strategy element and every type of support has someone to offer.
    assert set(model.by_element(orgs)) == set(VOCAB.ids("elements"))
    assert {s for org in orgs for s in org.support} == set(VOCAB.ids("support"))


def test_vocabularies_fill_the_schema_so_editors_extend_one_list() -> None:
    schema = load.organisation_validator(VOCAB, PROJECT.schemas).schema
    assert schema["properties"]["where"]["items"]["enum"] == VOCAB.ids("regions")
    assert schema["properties"]["stages"]["items"]["enum"] == VOCAB.ids("stages")
    assert schema["properties"]["type"]["enum"] == VOCAB.ids("organisation_types")


def test_every_real_organisation_says_where_it_works_at_one_level() -> None:
    orgs = load.load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
    terms = VOCAB["regions"]
    for org in orgs:
        for area in org.where:
            assert not set(regions.areas_inside(area, terms)) & set(org.where), org.file


def at(where: tuple[str, ...]) -> Organisation:
    """The first good fixture, working in `where`."""
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[0]
    return Organisation(**{**org.__dict__, "where": where})


REGIONS_OF_ENGLAND = [term.id for term in VOCAB["regions"] if term.id in VOCAB["regions"][1].covers]


@pytest.mark.parametrize(
    ("where", "works_in", "works_across"),
    [
        (("north-east",), ["uk-wide", "england", "north-east"], []),
        (("england",), ["uk-wide", "england"], REGIONS_OF_ENGLAND),
        (
            ("uk-wide",),
            ["uk-wide"],
            ["england", *REGIONS_OF_ENGLAND, "scotland", "wales", "northern-ireland"],
        ),
        (("scotland", "north-east"), ["uk-wide", "england", "north-east", "scotland"], []),
        (("england", "wales"), ["uk-wide", "england", "wales"], REGIONS_OF_ENGLAND),
    ],
)
def test_where_an_organisation_works_and_what_its_wider_work_reaches(
    where: tuple[str, ...], works_in: list[str], works_across: list[str]
) -> None:
    org = at(where)
    assert regions.works_in(org, VOCAB["regions"]) == works_in
    assert regions.works_across(org, VOCAB["regions"]) == works_across


def test_areas_follow_the_vocabulary_and_cycles_end() -> None:
    terms = (
        Term("all", "All", covers=("north",)),
        Term("north", "North", covers=("east",)),
        Term("east", "East", covers=("north",)),
    )
    assert regions.areas_inside("all", terms) == ("north", "east")
    assert regions.areas_around("north", terms) == ("east", "all")  # the nearest first
    assert regions.areas_around("all", terms) == ()


def test_visitors_choose_a_region_or_a_nation_with_england_s_regions_grouped() -> None:
    choices = regions.region_choices(VOCAB["regions"])
    assert [(group, [term.id for term in terms]) for group, terms in choices] == [
        ("England", REGIONS_OF_ENGLAND),
        ("", ["scotland", "wales", "northern-ireland"]),
    ]


def test_data_is_escaped_as_text_in_every_rendering() -> None:
    orgs = load.load_organisations(FIXTURES / "escaping", VOCAB, PROJECT.schemas)
    for html in (
        render.render_directory(render.directory_pages(orgs)[0], VOCAB, ENV),
        render.render_organisation(orgs[0], plain_markdown, VOCAB, ENV),
    ):
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("script") and not soup.find("img")
        assert "<script>alert('name')</script> Trust & Co" in soup.get_text()
    page = BeautifulSoup(render.render_organisation(orgs[0], plain_markdown, VOCAB, ENV), "html.parser")
    assert page.h1.get_text() == "<script>alert('name')</script> Trust & Co"
    assert "<script>alert('summary')</script>" in page.select_one(".hub-org-page__summary").get_text()


def synthetic(count: int) -> list[Organisation]:
    """`count` organisations made from the first good fixture, in name order."""
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[0]
    return [
        Organisation(**{**org.__dict__, "slug": f"org-{n:03d}", "name": f"Org {n:03d}"}) for n in range(count)
    ]


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(0, [0]), (1, [1]), (100, [100]), (101, [100, 1]), (250, [100, 100, 50])],
)
def test_the_directory_is_cut_into_pages_of_100(count: int, sizes: list[int]) -> None:
    pages = render.directory_pages(synthetic(count))
    assert [len(page.organisations) for page in pages] == sizes
    assert [page.src_uri for page in pages][:2] == ["organisations/index.md", "organisations/page/2.md"][
        : len(pages)
    ]
    assert [page.first for page in pages] == [1 + 100 * n for n in range(len(pages))]


def test_each_page_links_to_every_page_and_says_which_it_shows() -> None:
    first, second, third = render.directory_pages(synthetic(250))
    assert [first.href(n) for n in (1, 2, 3)] == ["", "page/2/", "page/3/"]
    assert [third.href(n) for n in (1, 2, 3)] == ["../../", "../../page/2/", "../../page/3/"]
    assert render.status_text(second) == "Showing 101 to 200 of 250 organisations."
    assert render.status_text(render.directory_pages(synthetic(39))[0]) == "Showing all 39 organisations."
    soup = BeautifulSoup(render.render_directory(third, VOCAB, ENV), "html.parser")
    nav = soup.select_one("nav.hub-directory__pages")
    assert [a["href"] for a in nav.select("a")] == [
        "../../page/2/",
        "../../",
        "../../page/2/",
        "../../page/3/",
    ]
    assert nav.select_one("[aria-current=page]").get_text() == "Page 3"
    assert soup.select_one("li.hub-org a")["href"] == "../../org-200/"
    assert not soup.select("form")  # the filters are on the first page only


def test_a_single_page_has_no_page_links() -> None:
    soup = BeautifulSoup(
        render.render_directory(render.directory_pages(synthetic(3))[0], VOCAB, ENV), "html.parser"
    )
    assert not soup.select("nav.hub-directory__pages") and soup.select("form#hub-filters")


def test_the_filter_index_is_compact_and_holds_what_the_script_needs() -> None:
    orgs = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    text = export.to_filter_index(orgs, VOCAB)
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # no spaces
    slug, name, summary, kind, support, where, places, near, wider, stages, elements, sectors = data[
        "organisations"
    ][0]
    org = orgs[0]
    assert (slug, name, summary, kind) == (org.slug, org.name, org.summary, org.kind)
    assert (support, where, places, stages, elements, sectors) == tuple(
        list(v) for v in (org.support, org.where, org.places, org.stages, org.elements, org.sectors)
    )
    assert near == regions.works_in(org, VOCAB["regions"]) == ["uk-wide", "england", "north-west"]
    assert wider == regions.works_across(org, VOCAB["regions"]) == []
    assert set(data["labels"]) == {"regions", "stages", "support", "organisation_types"}
    assert data["areas"]["north-west"] == ["the North West", ["england", "uk-wide"]]
    assert data["areas"]["london"] == ["London", ["england", "uk-wide"]]  # the label, with no prose


def test_description_is_markdown_sanitised() -> None:
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    html = str(render.description_html(org, plain_markdown))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("em").get_text() == "longer"
    assert soup.find("a")["href"] == "https://www.example.org.uk/about"
    assert soup.find("a")["rel"] == ["noopener", "noreferrer"]
    assert not soup.find("script")


def test_generated_page_meta_escapes_title_and_description_once() -> None:
    meta = render.page_meta('A <b> & "B"', "x < y")
    assert meta["title"] == Markup("A &lt;b&gt; &amp; &#34;B&#34;")
    assert isinstance(meta["title"], Markup)  # so `| e` in the theme's templates leaves it alone
    assert escape(meta["title"]) == meta["title"] and escape(meta["description"]) == "x &lt; y"
    assert meta["hide"] == ["toc"]


def test_templates_ship_with_the_package() -> None:
    names = set(render.template_env().list_templates())
    assert {
        "org-directory.html",
        "org-list.html",
        "org-item.html",
        "org-pages.html",
        "org-page.html",
    } <= names
    assert not list((ROOT / "overrides").rglob("org-*.html"))  # the theme never sees them


def test_json_holds_every_organisation_with_labels() -> None:
    orgs = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    data = json.loads(export.to_json(orgs, VOCAB))
    assert [o["slug"] for o in data["organisations"]] == ["good-one", "good-two"]
    assert data["organisations"][1]["last_reviewed"] == "2026-11-24"
    assert data["labels"]["regions"]["uk-wide"] == "UK-wide"


def test_csv_uses_labels_and_defuses_formulas() -> None:
    orgs = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    rows = list(csv.DictReader(io.StringIO(export.to_csv(orgs, VOCAB))))
    assert [r["name"] for r in rows] == ["Good One", "Good Two & Partners"]
    assert rows[1]["support"] == "Data and benchmarking; Training"
    assert (rows[0]["where"], rows[0]["places"], rows[0]["stages"]) == ("North West", "Preston", "Outreach")
    assert rows[1]["stages"] == "Outreach; Data and benchmarking"
    assert rows[1]["sectors"] == "Legal services; =SUM(A1:A2)"  # inside text: harmless
    formula = Organisation(**{**orgs[0].__dict__, "name": "=HYPERLINK(1)"})
    assert next(csv.DictReader(io.StringIO(export.to_csv([formula], VOCAB))))["name"] == "'=HYPERLINK(1)"


def test_a_missing_folder_is_one_message_not_a_traceback() -> None:
    with pytest.raises(DataErrors) as caught:
        load.load_organisations(FIXTURES / "no-such-folder", VOCAB, PROJECT.schemas)
    assert str(caught.value) == "tests/fixtures/organisations/no-such-folder:1: folder not found"


def test_the_review_date_is_written_as_a_long_date() -> None:
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    page = BeautifulSoup(render.render_organisation(org, plain_markdown, VOCAB, ENV), "html.parser")
    reviewed = page.select_one(".hub-org-page__reviewed time")
    assert (reviewed["datetime"], reviewed.get_text()) == ("2026-11-24", "24 November 2026")


def test_the_review_date_comes_from_the_shared_long_date_filter() -> None:
    # The same words as every other date on the site: the template uses hub.core.dates.long_date.
    assert ENV.filters["long_date"] is long_date
    env = render.template_env()  # a fresh environment, not the shared one
    env.filters["long_date"] = lambda value: f"<long {value.isoformat()}>"
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    page = BeautifulSoup(render.render_organisation(org, plain_markdown, VOCAB, env), "html.parser")
    assert page.select_one(".hub-org-page__reviewed time").get_text() == "<long 2026-11-24>"


def test_structured_data_uses_the_labels_it_is_given() -> None:
    org = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    labels = model.labels_of(VOCAB)
    expected = render.structured_data(org, "https://hub.invalid/", labels)
    labels["regions"]["uk-wide"] = "Everywhere"
    assert render.structured_data(org, "https://hub.invalid/", labels)["areaServed"] == ["Everywhere"]
    assert expected["areaServed"] == ["UK-wide"]


def facts_of(page: BeautifulSoup) -> dict[str, str]:
    """The organisation page's "At a glance" list: term -> its text."""
    terms = page.select(".hub-org-page__facts dt")
    return {dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text(" ").split()) for dt in terms}


def test_the_page_shows_cost_sectors_where_and_stages() -> None:
    one, two = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    facts = facts_of(
        BeautifulSoup(render.render_organisation(two, plain_markdown, VOCAB, ENV), "html.parser")
    )
    assert facts["Cost to employers"] == "Paid"
    assert facts["Sectors"] == "Legal services, =SUM(A1:A2)"
    assert facts["Where it works"] == "UK-wide"
    assert facts["Stages of the employee journey"] == "Outreach Data and benchmarking"
    page = BeautifulSoup(render.render_organisation(one, plain_markdown, VOCAB, ENV), "html.parser")
    facts = facts_of(page)
    # Nothing recorded is said plainly, not left out.
    assert facts["Cost to employers"] == "Not recorded: ask the organisation"
    assert facts["Sectors"] == "No particular sector named"
    assert facts["Where it works"] == "North West Places: Preston"
    # Each links to the directory filtered on it; "UK-wide" is no filter, so it is no link.
    links = [a["href"] for a in page.select(".hub-org-page__facts a")]
    assert "../?region=north-west" in links and "../?stage=outreach" in links
    assert page.select_one("a[data-hub-back]")["href"] == "../"


def test_the_list_says_where_each_works() -> None:
    orgs = load.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    soup = BeautifulSoup(render.render_directory(render.directory_pages(orgs)[0], VOCAB, ENV), "html.parser")
    facts = [p.get_text() for p in soup.select(".hub-org__facts")]
    assert facts == [
        "Charity · Mentoring · North West (Preston)",
        "Research organisation · Data and benchmarking, Training · UK-wide",
    ]
    region = soup.select_one("#hub-filter-region")
    assert [g["label"] for g in region.select("optgroup")] == ["England"]
    assert region.select_one("option[value=uk-wide]") is None  # "Anywhere" says it
    assert [o["value"] for o in soup.select("#hub-filter-stage option")] == ["", *VOCAB.ids("stages")]
