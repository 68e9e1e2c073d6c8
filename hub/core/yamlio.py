"""One safe YAML loader for every YAML file the project reads.

It rejects aliases (alias bombs), duplicate keys and oversized files, reports problems as
`path:line: field: message`, and records the line of every key and list item so that
schema errors can point at the right line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hub.core.paths import display_path

MAX_BYTES = 1_000_000

# A path into loaded data: mapping keys (as text) and list indices.
Location = tuple[str | int, ...]
Positions = dict[Location, int]


@dataclass(frozen=True)
class DataError:
    """One problem in one file, worded for a content editor."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


class DataErrors(Exception):
    """Every problem found, raised together so an editor can fix them in one go."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.field))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Loaded:
    """A YAML document with the line of every key and list item in it."""

    data: Any
    positions: Positions
    path: str
    first_line: int = 1

    def line_of(self, location: Iterable[str | int]) -> int:
        """Return the line of `location`, or of its nearest ancestor that has one."""
        loc = tuple(str(p) if not isinstance(p, int) else p for p in location)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.first_line


# libyaml when the wheel has it (it does on the usual platforms): parsing thousands of data
# files is most of a large build's YAML time, and the pure-Python loader is ten times slower.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64


def _check_events(text: str) -> None:
    """Refuse aliases (alias bombs) and deep nesting before anything is built from `text`.

    This pass reads the event stream, which libyaml produces without recursion; composing a
    deeply nested document afterwards could overflow the C stack, so depth is bounded here.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed here: write the value out in full",
                problem_mark=event.start_mark,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise RecursionError
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load_yaml_text(text: str, path: Path | str, *, first_line: int = 1) -> Loaded:
    """Parse one YAML document from `text`; `first_line` offsets lines (front matter)."""
    shown = display_path(Path(path))
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise DataErrors([DataError(shown, first_line, "", f"file is larger than {MAX_BYTES} bytes")])
    offset = first_line - 1
    loader = None
    try:
        _check_events(text)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return Loaded(None, {}, shown, first_line)
        positions: Positions = {}
        errors: list[DataError] = []
        _walk(node, (), positions, errors, shown, offset)
        if errors:
            raise DataErrors(errors)
        try:
            data = loader.construct_document(node)
        except (ValueError, TypeError, OverflowError) as exc:
            # A value that looks like a date but is not one (`2026-13-01`) fails here.
            raise DataErrors([_bad_scalar(node, exc, shown, offset, first_line)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = exc.problem or str(exc)
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != mark.line:
            # An unclosed quote or bracket is found far from where it opens: say where that is.
            problem += f" ({exc.context}, which starts on line {exc.context_mark.line + 1 + offset})"
        raise DataErrors([DataError(shown, line, "", f"YAML syntax: {problem}")]) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (a control character, say): report the line it is on.
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + offset
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        problem = f"unacceptable character #x{code:04x}: {exc.reason}"
        raise DataErrors([DataError(shown, line, "", f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as exc:
        summary = " ".join(str(exc).split())
        raise DataErrors([DataError(shown, first_line, "", f"YAML syntax: {summary}")]) from None
    except RecursionError:
        raise DataErrors([DataError(shown, first_line, "", "YAML is nested too deeply")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Loaded(data, positions, shown, first_line)


def load_yaml(path: Path) -> Loaded:
    """Read and parse the YAML file at `path`."""
    return load_yaml_text(read_text_file(path), path)


def read_text_file(path: Path, encoding: str = "utf-8") -> str:
    """The text of a data or content file; DataErrors says, for an editor, why it cannot be read."""
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataErrors([DataError(shown, 1, "", f"file is larger than {MAX_BYTES} bytes")])
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError as exc:
        raise DataErrors([DataError(shown, 1, "", f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise DataErrors([DataError(shown, 1, "", f"cannot be read: {exc.strerror or exc}")]) from None


def _walk(
    node: yaml.Node,
    location: Location,
    positions: Positions,
    errors: list[DataError],
    shown: str,
    offset: int,
) -> None:
    """Record the line of every key and item under `node`, and catch duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            identity = _key_identity(key_node)
            line = key_node.start_mark.line + 1 + offset
            if identity in seen:
                field = ".".join(str(p) for p in (*location, key))
                errors.append(
                    DataError(shown, line, field, f"duplicate key (first given on line {seen[identity]})")
                )
                continue
            seen[identity] = line
            positions[(*location, key)] = line
            _walk(value_node, (*location, key), positions, errors, shown, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            positions[(*location, index)] = item.start_mark.line + 1 + offset
            _walk(item, (*location, index), positions, errors, shown, offset)


_KEY_CONSTRUCTOR = yaml.SafeLoader("")
_TYPED_KEYS = ("bool", "int", "float", "null")


def _key_identity(key_node: yaml.Node) -> object:
    """What a key means, not how it is spelt: `yes` and `true` are one key in YAML 1.1."""
    if isinstance(key_node, yaml.ScalarNode) and key_node.tag.rsplit(":", 1)[-1] in _TYPED_KEYS:
        try:
            value = _KEY_CONSTRUCTOR.construct_object(key_node)
        except (ValueError, TypeError):
            return ("text", str(key_node.value))
        return (type(value).__name__, value)
    return ("text", str(key_node.value))


def _bad_scalar(root: yaml.Node, exc: Exception, shown: str, offset: int, first_line: int) -> DataError:
    """Find the scalar under `root` that YAML could not turn into a value, and say where it is."""
    constructor = yaml.SafeLoader("")
    stack: list[tuple[yaml.Node, Location]] = [(root, ())]
    while stack:
        node, location = stack.pop(0)
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*location, str(key.value))) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*location, index)) for index, item in enumerate(node.value)]
        else:
            try:
                constructor.construct_object(node, deep=True)
            except (ValueError, TypeError, OverflowError) as problem:
                kind = "date" if node.tag.endswith(":timestamp") else "value"
                field = ".".join(str(p) for p in location)
                line = node.start_mark.line + 1 + offset
                return DataError(shown, line, field, f"{node.value!r} is not a valid {kind}: {problem}")
    return DataError(shown, first_line, "", f"YAML value: {exc}")


def to_json_types(value: Any) -> Any:
    """Turn YAML's dates into ISO strings so JSON Schema can check them."""
    if isinstance(value, dict):
        return {str(k): to_json_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_types(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def main(argv: list[str] | None = None) -> int:
    """Check that each YAML file named loads safely; print every problem; exit 1 if any."""
    import sys

    problems: list[DataError] = []
    for name in sys.argv[1:] if argv is None else argv:
        try:
            load_yaml(Path(name))
        except DataErrors as exc:
            problems.extend(exc.errors)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
