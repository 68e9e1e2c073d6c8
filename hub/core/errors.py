"""Data errors as the build's error: one message shape for every feature.

`N problem(s) in WHAT:` and then one `path:line: field: message` a line, so an editor reads
every problem at once, whichever file it is in. This package knows nothing of MkDocs: a hook
passes in the build's error class (`mkdocs.exceptions.PluginError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from hub.core.yamlio import DataErrors


def problems_message(what: str, errors: Iterable[object]) -> str:
    """`N problem(s) in WHAT:` followed by each problem on a line of its own."""
    lines = [str(error) for error in errors]
    return f"{len(lines)} problem(s) in {what}:\n" + "\n".join(lines)


@contextmanager
def data_errors_stop(what: str, stop: Callable[[str], Exception]) -> Iterator[None]:
    """Run the block; turn the DataErrors it raises into `stop(message)`, every problem listed
    (a hook: `with data_errors_stop("the question set", PluginError): ...`)."""
    try:
        yield
    except DataErrors as exc:
        raise stop(problems_message(what, exc.errors)) from None
