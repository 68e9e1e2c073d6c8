"""The one YAML loader: safe, precise about lines, and hard to abuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.core.yamlio import MAX_BYTES, DataErrors, load_yaml, load_yaml_text


def errors_of(text: str, **kwargs) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_yaml_text(text, "data/example.yml", **kwargs)
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: a\nname: b\n", ["data/example.yml:2: name: duplicate key (first given on line 1)"]),
        (
            "a: &x [1, 2]\nb: *x\n",
            [
                "data/example.yml:2: YAML syntax: aliases (*name) are not allowed here: "
                "write the value out in full"
            ],
        ),
        ("name: [unclosed\nother: 1\n", None),
        ("yes: 1\ntrue: 2\n", ["data/example.yml:2: true: duplicate key (first given on line 1)"]),
        (
            'a: 1\nb: "x\x07y"\n',
            [
                "data/example.yml:2: YAML syntax: "
                "unacceptable character #x0007: control characters are not allowed"
            ],
        ),
        (
            "outer:\n  inner: 1\n  inner: 2\n",
            ["data/example.yml:3: outer.inner: duplicate key (first given on line 2)"],
        ),
    ],
)
def test_bad_yaml_is_reported_with_file_and_line(text: str, expected: list[str] | None) -> None:
    found = errors_of(text)
    if expected is None:
        assert len(found) == 1 and found[0].startswith("data/example.yml:") and "YAML syntax" in found[0]
    else:
        assert found == expected


def test_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 10):
        lines.append(f"l{n}: &l{n} [*{'a' if n == 1 else f'l{n - 1}'}, *{'a' if n == 1 else f'l{n - 1}'}]")
    found = errors_of("\n".join(lines))
    assert found[0].startswith("data/example.yml:2: YAML syntax: aliases")


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    found = errors_of("[" * 5000 + "]" * 5000)
    assert found == ["data/example.yml:1: YAML is nested too deeply"]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    big.write_text("x: '" + "a" * MAX_BYTES + "'\n")
    with pytest.raises(DataErrors, match="larger than"):
        load_yaml(big)


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yml"
    bad.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataErrors, match="not UTF-8"):
        load_yaml(bad)


def test_lines_are_recorded_for_keys_and_items_with_an_offset() -> None:
    loaded = load_yaml_text("title: T\ntags:\n  - a\n  - b\n", "post.md", first_line=2)
    assert loaded.data == {"title": "T", "tags": ["a", "b"]}
    assert loaded.line_of(["tags", 1]) == 5
    assert loaded.line_of(["tags", 7]) == 3  # nearest ancestor
    assert loaded.line_of(["missing"]) == 2


def test_empty_document_loads_as_none() -> None:
    assert load_yaml_text("", "empty.yml").data is None


def test_yaml_11_coercion_is_kept_for_the_schema_to_catch() -> None:
    # `NO` is false in YAML 1.1; the loader keeps it so the schema can say "put it in quotes".
    assert load_yaml_text("name: NO\n", "x.yml").data == {"name": False}


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(DataErrors, match=r"missing.yml:1: cannot be read: No such file"):
        load_yaml(tmp_path / "missing.yml")
