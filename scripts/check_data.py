"""Check the organisation directory's data as the build does: `python scripts/check_data.py`.

Prints every problem at once, one a line, as `path:line: field: what is wrong`, and exits 1 if
there is any. The build (hooks/directory.py) runs the same check from hub/directory/.

    python scripts/check_data.py                          # data/organisations/
    python scripts/check_data.py --folder other/folder    # another folder of organisations
    python scripts/check_data.py --format github          # as annotations on a pull request
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from hub.core.annotations import FORMATS, render
from hub.core.paths import Project
from hub.core.vocab import load_vocabularies
from hub.core.yamlio import DataErrors
from hub.directory.load import FolderNotFound, load_organisations

PROJECT = Project(Path(__file__).resolve().parent.parent)


def main(argv: list[str] | None = None) -> int:
    """Load and validate every organisation; print each problem; exit 1 if there is any."""
    args = _parser().parse_args(argv)
    try:
        vocab = load_vocabularies(PROJECT.vocabularies, PROJECT.schemas)
        organisations = load_organisations(args.folder, vocab, PROJECT.schemas)
    except FolderNotFound as exc:
        print(
            *render(exc.errors, args.format), file=_stream(args.format)
        )  # one line: `path:1: folder not found`
        return 1
    except DataErrors as exc:
        for line in render(exc.errors, args.format):
            print(line, file=_stream(args.format))
        print(f"{len(exc.errors)} problem(s) found: fix them and run the check again.", file=sys.stderr)
        return 1
    print(f"All {len(organisations)} organisations are fine.")
    return 0


def _parser() -> argparse.ArgumentParser:
    """The command line: an optional folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder",
        type=Path,
        default=PROJECT.organisations,
        help="folder of <slug>.yml files (default: %(default)s)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="github: as workflow annotations")
    return parser


def _stream(output_format: str) -> TextIO:
    """Annotations go to standard output, where GitHub Actions reads workflow commands."""
    return sys.stdout if output_format == "github" else sys.stderr


if __name__ == "__main__":
    raise SystemExit(main())
