"""Validate loaded YAML against a JSON Schema and word each problem for an editor."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from hub.core.yamlio import DataError, Loaded, to_json_types


def read_schema(name: str, folder: Path) -> dict[str, Any]:
    """Return `<folder>/<name>.schema.json`, checked to be a valid JSON Schema."""
    schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """Return a validator for `schema` that checks formats too."""
    return Draft202012Validator(schema, format_checker=FormatChecker())


def fill_vocabularies(node: Any, vocab: Mapping[str, Sequence[Any]]) -> Any:
    """Copy a schema, giving every `x-vocabulary: <name>` an `enum` of that vocabulary's ids."""
    if isinstance(node, list):
        return [fill_vocabularies(v, vocab) for v in node]
    if not isinstance(node, dict):
        return node
    filled = {k: fill_vocabularies(v, vocab) for k, v in node.items()}
    if "x-vocabulary" in filled:
        filled["enum"] = [term.id for term in vocab[filled["x-vocabulary"]]]
    return filled


def validator_for(name: str, folder: Path) -> Draft202012Validator:
    """Return a validator for `<folder>/<name>.schema.json`."""
    return validator(read_schema(name, folder))


def schema_errors(loaded: Loaded, validator: Draft202012Validator) -> list[DataError]:
    """Return every way `loaded` breaks the schema, each at its own line."""
    instance = to_json_types(loaded.data)
    return [_to_data_error(err, loaded) for err in validator.iter_errors(instance)]


def _to_data_error(err: ValidationError, loaded: Loaded) -> DataError:
    """Turn one jsonschema error into `path:line: field: message`."""
    location = list(err.absolute_path)
    if err.validator == "required":
        missing = _quoted(err.message)
        return DataError(loaded.path, loaded.line_of(location), _field([*location, missing]), "is required")
    if err.validator == "additionalProperties":
        extra = _extra_keys(err)
        where = [*location, extra[0]] if extra else location
        return DataError(
            loaded.path, loaded.line_of(where), _field(where), "is not a known field: check its spelling"
        )
    return DataError(loaded.path, loaded.line_of(location), _field(location), _message(err))


def _message(err: ValidationError) -> str:
    """Prefer the schema's own `x-message`, and explain YAML's yes/no coercion."""
    custom = err.schema.get("x-message") if isinstance(err.schema, dict) else None
    if err.validator == "type" and isinstance(err.instance, bool):
        return (
            f"was read as {str(err.instance).lower()} (YAML treats yes/no/on/off/true/false that way): "
            "put the value in quotes"
        )
    if custom:
        return str(custom)
    if err.validator == "type":
        return f"must be {_type_words(err.validator_value)}, not {_describe(err.instance)}"
    if err.validator == "enum":
        allowed = ", ".join(str(v) for v in err.validator_value)
        return f"{err.instance!r} is not allowed: use one of {allowed}"
    if err.validator == "maxLength":
        return f"is {len(err.instance)} characters long; the most is {err.validator_value}"
    if err.validator == "format":
        return f"{err.instance!r} is not a valid {err.validator_value}"
    return err.message


def _field(location: list[Any]) -> str:
    """Return a dotted field name such as `masterclass.speakers.0.name`."""
    return ".".join(str(p) for p in location) or "(document)"


def _quoted(message: str) -> str:
    """Pull the property name out of jsonschema's "'x' is a required property"."""
    return message.split("'")[1] if message.count("'") >= 2 else message


def _extra_keys(err: ValidationError) -> list[str]:
    """Return the unexpected keys named by an additionalProperties error."""
    allowed = set(err.schema.get("properties", {}))
    return sorted(k for k in err.instance if k not in allowed) if isinstance(err.instance, dict) else []


def _type_words(expected: str | list[str]) -> str:
    """Say a JSON Schema type in words."""
    words = {
        "object": "a mapping of fields",
        "array": "a list",
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
    }
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(words.get(k, k) for k in kinds)


def _describe(value: Any) -> str:
    """Say what kind of value an editor wrote."""
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"{value!r}"
