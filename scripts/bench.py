"""Benchmarks that print figures: `make bench`. No pass or fail; nothing here is committed.

The benchmarks live in hub/dev/bench/ (a module per subject, BENCHMARKS in its __init__);
this is their command line.

    python scripts/bench.py                              # every benchmark
    python scripts/bench.py --only directory-filter      # one (repeat --only for more)
    python scripts/bench.py --orgs 1000                  # fewer synthetic organisations
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from hub.core.paths import Project
from hub.dev.bench import BENCHMARKS, Options
from hub.dev.scratch import LARGE_ORGANISATIONS, LARGE_POSTS

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default) and print their figures."""
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
        opts = Options(Project(args.root.resolve()), orgs=args.orgs, scratch=Path(scratch), posts=args.posts)
        for name in args.only or list(BENCHMARKS):
            print(f"== {name}", flush=True)
            for line in BENCHMARKS[name](opts):
                print(f"   {line}", flush=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    """--only (repeatable), the synthetic sizes, and the project root."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), help="run only this benchmark")
    # The large site's sizes, the same as the tests check the search and the directory at.
    orgs_help = "synthetic organisations (%(default)s)"
    parser.add_argument("--orgs", type=int, default=LARGE_ORGANISATIONS, help=orgs_help)
    parser.add_argument("--posts", type=int, default=LARGE_POSTS, help="synthetic posts (%(default)s)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (folder of mkdocs.yml)")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
