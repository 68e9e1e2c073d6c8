"""The files made from the whole directory: JSON and CSV for reuse by others, and the compact
filter index the directory's script reads."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from hub.core.spreadsheet import defuse
from hub.directory.model import URL_PREFIX, Organisation, Vocab, labels_of
from hub.directory.regions import areas_around, works_across, works_in

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
    docs/javascripts/directory/logic.js (`prepare`), fetched once when a visitor filters.

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
