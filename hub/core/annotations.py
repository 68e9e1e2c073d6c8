"""Problems as GitHub Actions annotations, so a pull request shows each on its changed line.

`::error file=<path>,line=<n>::<field>: <message>` (GitHub's workflow command), with the
characters GitHub reserves escaped, so a message with a colon, comma or newline stays whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from hub.core.yamlio import DataError

FORMATS = ("text", "github")


def github_annotation(error: DataError) -> str:
    """One problem as an `::error` workflow command."""
    message = f"{error.field}: {error.message}" if error.field else error.message
    return f"::error file={_property(error.path)},line={error.line}::{_data(message)}"


def render(errors: Iterable[DataError], output_format: str) -> list[str]:
    """Each problem as a line of the chosen format: `text` (path:line: field: message) or `github`."""
    if output_format == "github":
        return [github_annotation(error) for error in errors]
    return [str(error) for error in errors]


def _data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a command's property value (file=...)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
