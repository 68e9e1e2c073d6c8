"""Render the site's share image (docs/assets/share.png, 1200 x 630) in headless Chromium.

    python scripts/share_image.py

Run it again when the site's name or strapline changes; the PNG is committed.
"""

from __future__ import annotations

import argparse
import html
from pathlib import Path

from hub.core.paths import Project
from hub.dev.browser import chromium

PROJECT = Project(Path(__file__).resolve().parent.parent)

CARD = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:#303f9f;color:#fff;
  font-family:system-ui,'DejaVu Sans',sans-serif;display:flex;flex-direction:column;justify-content:center">
  <div style="font-size:40px;opacity:.9">{name}</div>
  <div style="font-size:72px;font-weight:700;line-height:1.1;margin-top:24px">{strapline}</div>
  <div style="font-size:34px;margin-top:36px;opacity:.9">Who gets in, and who gets on.</div>
</div></body></html>"""


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT.docs / "assets" / "share.png")
    parser.add_argument("--chromium", default=None, help="the Chromium to use (default: /usr/bin/chromium)")
    args = parser.parse_args(argv)
    page_html = CARD.format(
        name=html.escape("The employer hub"),
        strapline=html.escape("Socio-economic diversity and inclusion for employers"),
    )
    with chromium(args.chromium) as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(page_html)
        page.screenshot(path=str(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
