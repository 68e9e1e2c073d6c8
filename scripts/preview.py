"""Serve the built site on 127.0.0.1 under its production headers and redirects.

python scripts/preview.py [--site site] [--port 8080]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hub.core.paths import Project
from hub.deploy.netlify import load_netlify_toml, redirects
from hub.dev.preview import make_server

PROJECT = Project(Path(__file__).resolve().parent.parent)


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site", type=Path, default=PROJECT.root / "site", help="the built site (default: site/)"
    )
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if not (args.site / "_headers").exists():
        parser.error(f"{args.site}/_headers is missing: run `make build` first")
    server = make_server(args.site, redirects(load_netlify_toml(PROJECT.netlify_toml)), port=args.port)
    print(f"Serving {args.site} under production headers at http://127.0.0.1:{args.port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
