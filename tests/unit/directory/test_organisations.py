"""hub.directory.organisations: loading, validation messages, rendering and downloads, without MkDocs."""

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
from hub.directory import organisations as directory
from hub.directory.organisations import Organisation
from tests.project import PROJECT, ROOT, VOCAB

FIXTURES = ROOT / "tests" / "fixtures" / "organisations"
ENV = directory.template_env()
BAD = "tests/fixtures/organisations/bad"
REGIONS = ", ".join(VOCAB.ids("regions"))
SUPPORT = ", ".join(VOCAB.ids("support"))
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
        [f"{BAD}/unknown-region.yml:7: regions.1: 'north-wset' is not allowed: use one of {REGIONS}"],
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
            f"{BAD}/wrong-types.yml:5: regions: must be a list, not 'north-west'",
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
        directory.load_organisation(
            FIXTURES / "bad" / name, directory.organisation_validator(VOCAB, PROJECT.schemas)
        )
    assert [str(e) for e in caught.value.errors] == expected


def test_every_bad_file_is_reported_at_once() -> None:
    with pytest.raises(DataErrors) as caught:
        directory.load_organisations(FIXTURES / "bad", VOCAB, PROJECT.schemas)
    assert [str(e) for e in caught.value.errors] == sorted(
        (m for _, messages in BAD_FILES for m in messages),
        key=lambda m: (m.split(":")[0], int(m.split(":")[1])),
    )


def test_a_file_that_is_not_yml_is_an_error_not_silently_skipped() -> None:
    # A `.yaml` or `.txt` file would otherwise never be published and nobody would know.
    with pytest.raises(DataErrors) as caught:
        directory.load_organisations(FIXTURES / "not-yml", VOCAB, PROJECT.schemas)
    assert str(caught.value) == (
        "tests/fixtures/organisations/not-yml/forgotten.yaml:1: "
        "only .yml files belong here: rename it to <slug>.yml, or move it out of the folder"
    )


def test_the_same_organisation_in_two_files_is_a_duplicate_slug(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        directory.load_organisations(FIXTURES / "duplicate", VOCAB, PROJECT.schemas)
    assert str(caught.value) == (
        "tests/fixtures/organisations/duplicate/good-one.yml:1: name: duplicate slug 'good-one': "
        "tests/fixtures/organisations/duplicate/good-one-again.yml already has 'good one'; "
        "give each organisation one file"
    )


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "good-one.yml").write_bytes((FIXTURES / "good" / "good-one.yml").read_bytes())
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "drafts").mkdir()
    assert [org.slug for org in directory.load_organisations(tmp_path, VOCAB, PROJECT.schemas)] == [
        "good-one"
    ]


def test_good_files_become_typed_records_sorted_by_name() -> None:
    orgs = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    assert [org.name for org in orgs] == ["Good One", "Good Two & Partners"]
    two = orgs[1]
    assert two.slug == "good-two"
    assert two.kind == "research"
    assert two.regions == ("uk-wide",)
    assert two.last_reviewed == dt.date(2026, 11, 24)
    assert two.url == "organisations/good-two/"
    assert two.source == "tests/fixtures/organisations/good/good-two.yml"


def test_the_real_data_has_at_least_30_distinct_valid_organisations() -> None:
    orgs = directory.load_organisations(PROJECT.organisations, VOCAB, PROJECT.schemas)
    assert len(orgs) >= 30
    assert len({org.website for org in orgs}) == len(orgs)
    assert all(org.website.startswith("https://") for org in orgs)
    # Every strategy element and every type of support has someone to offer.
    assert set(directory.by_element(orgs)) == set(VOCAB.ids("elements"))
    assert {s for org in orgs for s in org.support} == set(VOCAB.ids("support"))


def test_vocabularies_fill_the_schema_so_editors_extend_one_list() -> None:
    schema = directory.organisation_validator(VOCAB, PROJECT.schemas).schema
    assert schema["properties"]["regions"]["items"]["enum"] == VOCAB.ids("regions")
    assert schema["properties"]["type"]["enum"] == VOCAB.ids("organisation_types")


def test_uk_wide_and_england_cover_the_regions_within() -> None:
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]  # uk-wide
    assert {"north-west", "scotland", "england", "uk-wide"} <= set(
        directory.covered_regions(org, VOCAB["regions"])
    )
    england = Organisation(**{**org.__dict__, "regions": ("england",)})
    covered = directory.covered_regions(england, VOCAB["regions"])
    assert "london" in covered and "scotland" not in covered


def test_covered_regions_follow_the_vocabulary() -> None:
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[0]
    org = Organisation(**{**org.__dict__, "regions": ("north", "isles")})
    regions = (Term("north", "North", covers=("east",)), Term("east", "East", covers=("north",)))
    assert directory.covered_regions(org, regions) == ["east", "isles", "north"]  # cycles end


def test_data_is_escaped_as_text_in_every_rendering() -> None:
    orgs = directory.load_organisations(FIXTURES / "escaping", VOCAB, PROJECT.schemas)
    for html in (
        directory.render_directory(directory.directory_pages(orgs)[0], VOCAB, ENV),
        directory.render_organisation(orgs[0], plain_markdown, VOCAB, ENV),
    ):
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("script") and not soup.find("img")
        assert "<script>alert('name')</script> Trust & Co" in soup.get_text()
    page = BeautifulSoup(directory.render_organisation(orgs[0], plain_markdown, VOCAB, ENV), "html.parser")
    assert page.h1.get_text() == "<script>alert('name')</script> Trust & Co"
    assert "<script>alert('summary')</script>" in page.select_one(".hub-org-page__summary").get_text()


def synthetic(count: int) -> list[Organisation]:
    """`count` organisations made from the first good fixture, in name order."""
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[0]
    return [
        Organisation(**{**org.__dict__, "slug": f"org-{n:03d}", "name": f"Org {n:03d}"}) for n in range(count)
    ]


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(0, [0]), (1, [1]), (100, [100]), (101, [100, 1]), (250, [100, 100, 50])],
)
def test_the_directory_is_cut_into_pages_of_100(count: int, sizes: list[int]) -> None:
    pages = directory.directory_pages(synthetic(count))
    assert [len(page.organisations) for page in pages] == sizes
    assert [page.src_uri for page in pages][:2] == ["organisations/index.md", "organisations/page/2.md"][
        : len(pages)
    ]
    assert [page.first for page in pages] == [1 + 100 * n for n in range(len(pages))]


def test_each_page_links_to_every_page_and_says_which_it_shows() -> None:
    first, second, third = directory.directory_pages(synthetic(250))
    assert [first.href(n) for n in (1, 2, 3)] == ["", "page/2/", "page/3/"]
    assert [third.href(n) for n in (1, 2, 3)] == ["../../", "../../page/2/", "../../page/3/"]
    assert directory.status_text(second) == "Showing 101 to 200 of 250 organisations."
    assert (
        directory.status_text(directory.directory_pages(synthetic(39))[0]) == "Showing all 39 organisations."
    )
    soup = BeautifulSoup(directory.render_directory(third, VOCAB, ENV), "html.parser")
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
        directory.render_directory(directory.directory_pages(synthetic(3))[0], VOCAB, ENV), "html.parser"
    )
    assert not soup.select("nav.hub-directory__pages") and soup.select("form#hub-filters")


def test_the_filter_index_is_compact_and_holds_what_the_script_needs() -> None:
    orgs = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    text = directory.to_filter_index(orgs, VOCAB)
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # no spaces
    slug, name, summary, kind, support, regions, served, elements, sectors = data["organisations"][0]
    org = orgs[0]
    assert (slug, name, summary, kind) == (org.slug, org.name, org.summary, org.kind)
    assert (support, regions, elements, sectors) == tuple(
        list(v) for v in (org.support, org.regions, org.elements, org.sectors)
    )
    assert served == directory.covered_regions(org, VOCAB["regions"])
    assert set(data["labels"]) == {"regions", "support", "organisation_types"}


def test_description_is_markdown_sanitised() -> None:
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    html = str(directory.description_html(org, plain_markdown))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("em").get_text() == "longer"
    assert soup.find("a")["href"] == "https://www.example.org.uk/about"
    assert soup.find("a")["rel"] == ["noopener", "noreferrer"]
    assert not soup.find("script")


def test_generated_page_meta_escapes_title_and_description_once() -> None:
    meta = directory.page_meta('A <b> & "B"', "x < y")
    assert meta["title"] == Markup("A &lt;b&gt; &amp; &#34;B&#34;")
    assert isinstance(meta["title"], Markup)  # so `| e` in the theme's templates leaves it alone
    assert escape(meta["title"]) == meta["title"] and escape(meta["description"]) == "x &lt; y"
    assert meta["hide"] == ["toc"]


def test_templates_ship_with_the_package() -> None:
    names = set(directory.template_env().list_templates())
    assert {
        "org-directory.html",
        "org-list.html",
        "org-item.html",
        "org-pages.html",
        "org-page.html",
    } <= names
    assert not list((ROOT / "overrides").rglob("org-*.html"))  # the theme never sees them


def test_json_holds_every_organisation_with_labels() -> None:
    orgs = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    data = json.loads(directory.to_json(orgs, VOCAB))
    assert [o["slug"] for o in data["organisations"]] == ["good-one", "good-two"]
    assert data["organisations"][1]["last_reviewed"] == "2026-11-24"
    assert data["labels"]["regions"]["uk-wide"] == "UK-wide"


def test_csv_uses_labels_and_defuses_formulas() -> None:
    orgs = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)
    rows = list(csv.DictReader(io.StringIO(directory.to_csv(orgs, VOCAB))))
    assert [r["name"] for r in rows] == ["Good One", "Good Two & Partners"]
    assert rows[1]["support"] == "Data and benchmarking; Training"
    assert rows[1]["sectors"] == "Legal services; =SUM(A1:A2)"  # inside text: harmless
    formula = Organisation(**{**orgs[0].__dict__, "name": "=HYPERLINK(1)"})
    assert next(csv.DictReader(io.StringIO(directory.to_csv([formula], VOCAB))))["name"] == "'=HYPERLINK(1)"


def test_a_missing_folder_is_one_message_not_a_traceback() -> None:
    with pytest.raises(DataErrors) as caught:
        directory.load_organisations(FIXTURES / "no-such-folder", VOCAB, PROJECT.schemas)
    assert str(caught.value) == "tests/fixtures/organisations/no-such-folder:1: folder not found"


def test_the_review_date_is_written_as_a_long_date() -> None:
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    page = BeautifulSoup(directory.render_organisation(org, plain_markdown, VOCAB, ENV), "html.parser")
    reviewed = page.select_one(".hub-org-page__reviewed time")
    assert (reviewed["datetime"], reviewed.get_text()) == ("2026-11-24", "24 November 2026")


def test_the_review_date_comes_from_the_shared_long_date_filter() -> None:
    # The same words as every other date on the site: the template uses hub.core.dates.long_date.
    assert ENV.filters["long_date"] is long_date
    env = directory.template_env()  # a fresh environment, not the shared one
    env.filters["long_date"] = lambda value: f"<long {value.isoformat()}>"
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    page = BeautifulSoup(directory.render_organisation(org, plain_markdown, VOCAB, env), "html.parser")
    assert page.select_one(".hub-org-page__reviewed time").get_text() == "<long 2026-11-24>"


def test_structured_data_uses_the_labels_it_is_given() -> None:
    org = directory.load_organisations(FIXTURES / "good", VOCAB, PROJECT.schemas)[1]
    labels = directory.labels_of(VOCAB)
    expected = directory.structured_data(org, "https://hub.invalid/", labels)
    labels["regions"]["uk-wide"] = "Everywhere"
    assert directory.structured_data(org, "https://hub.invalid/", labels)["areaServed"] == ["Everywhere"]
    assert expected["areaServed"] == ["UK-wide"]
