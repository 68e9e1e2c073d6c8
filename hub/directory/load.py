"""Load and validate `data/organisations/*.yml` into `Organisation` records, every problem as
`path:line: field: message` (the build and `scripts/check_data.py` run the same check)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from hub.core.paths import display_path
from hub.core.schema import fill_vocabularies, read_schema, schema_errors, validator
from hub.core.slugs import SLUG, slugify
from hub.core.vocab import Term
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml
from hub.directory.model import Organisation, Vocab
from hub.directory.regions import areas_inside


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
    for org in sorted(organisations, key=lambda o: o.file):
        for key in dict.fromkeys((org.slug, slugify(org.name))):
            first = seen.setdefault(key, org)
            if first is not org:
                errors.append(
                    DataError(
                        org.file,
                        org.name_line,
                        "name",
                        f"duplicate slug {key!r}: {first.file} already has {first.name!r}; "
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
        file=loaded.path,
        name_line=loaded.line_of(["name"]),
        reviewed_line=loaded.line_of(["last_reviewed"]),
    )
