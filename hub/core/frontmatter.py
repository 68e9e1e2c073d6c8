"""Front matter of Markdown files (posts, guidance pages), read and written through
python-frontmatter with the hub's own YAML loader.

python-frontmatter finds and splits the `---` block and writes posts back out; the handler
below hands the YAML to `hub.core.yamlio`, so front matter gets what every YAML file gets
(no aliases, no duplicate keys, bounded size and depth) and every problem keeps its file line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from hub.core.paths import display_path
from hub.core.yamlio import DataError, DataErrors, Loaded, load_yaml_text, read_text_file


class _Dumper(yaml.SafeDumper):
    """Safe YAML out, never with anchors and aliases (the hub's loader refuses `*alias`)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class HubYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler on the hub's loader, for one file (its path in errors)."""

    # Exactly three dashes: the library's own pattern (`-{3,}\s*$`) lets `\s*` run on over blank
    # lines after the opening fence, which would shift every line number below it.
    FM_BOUNDARY = re.compile(r"^---[ \t]*$", re.MULTILINE)

    def __init__(self, path: Path | str = "<text>") -> None:
        super().__init__()
        self.path = path
        self.loaded: Loaded | None = None

    def load(self, fm: str, **kwargs: object) -> Any:
        """Parse the block between the fences (it starts with the newline that ends the opening
        fence, so its first field is on the file's line 2)."""
        self.loaded = load_yaml_text(fm.removeprefix("\n"), self.path, first_line=2)
        return self.loaded.data

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """Write fields in the order given (the library would sort them), as safe YAML."""
        kwargs.setdefault("Dumper", _Dumper)
        kwargs.setdefault("sort_keys", False)
        kwargs.setdefault("width", 100)
        return super().export(metadata, **kwargs)


@dataclass(frozen=True)
class FrontMatter:
    """A file's front matter (with the line of every field) and its body."""

    loaded: Loaded
    body: str
    body_line: int

    @property
    def data(self) -> Any:
        """The fields, as YAML read them."""
        return self.loaded.data


def parse_front_matter(text: str, path: Path | str) -> FrontMatter:
    """Split and read the `---` block at the top of `text`; DataErrors says what is wrong and where."""
    shown = display_path(Path(path))
    handler = HubYAMLHandler(path)
    if not handler.detect(text):
        message = "missing: the file must start with a line of three dashes (---)"
        raise DataErrors([DataError(shown, 1, "front matter", message)])
    try:
        fm, body = handler.split(text)
    except ValueError:
        message = "is not closed: add a line of three dashes (---) after it"
        raise DataErrors([DataError(shown, 1, "front matter", message)]) from None
    if handler.load(fm) is None:
        raise DataErrors([DataError(shown, 1, "front matter", "is empty: it needs title, description, …")])
    assert handler.loaded is not None
    return FrontMatter(handler.loaded, body.removeprefix("\n"), body_line=fm.count("\n") + 2)


def read_front_matter_file(path: Path) -> FrontMatter:
    """Read `path` (UTF-8, a byte-order mark allowed) and parse its front matter."""
    return parse_front_matter(read_text_file(path, encoding="utf-8-sig"), path)


def dump_front_matter(metadata: dict[str, Any], body: str) -> str:
    """A Markdown file's text: the fields between `---` fences, a blank line, then the body."""
    post = frontmatter.Post(body.strip("\n"), HubYAMLHandler(), **metadata)
    return frontmatter.dumps(post) + "\n"
