"""Build the Pagefind index over a finished site with the binary the `pagefind[bin]` wheel ships."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"

# Parts of an indexed body that are not its content: Material's permalink anchors ("¶"),
# footnotes and their reference numbers (citations, like a page's Sources section, which
# hub.search.pages marks to be ignored), the page's edit/view buttons and the "last updated"
# footer; on an organisation's page, the way back, the review note every such page repeats, and
# the facts the directory filters on (type, support, regions, elements). Indexed, those made
# thousands of organisations match a word such as "apprenticeships" or "London" on the large
# site, each query scoring them all (seconds, not milliseconds) and burying the guidance; the
# directory's filters answer those questions.
EXCLUDE_SELECTORS = (
    ".headerlink",
    ".footnote",
    ".footnote-ref",
    ".md-content__button",
    ".md-source-file",
    ".hub-org-page__back",
    ".hub-org-page__facts",
    ".hub-org-page__reviewed",
)

_PAGES = re.compile(r"Indexed (\d+) pages?")
_WORDS = re.compile(r"Indexed (\d+) words?")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its own output."""


@dataclass(frozen=True)
class IndexResult:
    """What Pagefind reported: pages and words indexed, and where the bundle is."""

    pages: int
    words: int
    bundle: Path


def pagefind_executable() -> Path:
    """The Pagefind binary from the installed `pagefind-bin` wheel (pinned in requirements.txt)."""
    from pagefind_bin import get_executable

    return get_executable()


def build_index(site: Path) -> IndexResult:
    """Index the built `site` into `site/pagefind/`; offline, and fails loudly with Pagefind's log."""
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", OUTPUT_SUBDIR]
    command += ["--force-language", "en"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    log = done.stdout + done.stderr
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind exited with {done.returncode}:\n{log}")
    return parse_result(log, site / OUTPUT_SUBDIR)


def parse_result(log: str, bundle: Path) -> IndexResult:
    """The counts from Pagefind's summary; no indexed page at all is an error, not an empty search."""
    pages, words = _PAGES.search(log), _WORDS.search(log)
    if not pages or int(pages.group(1)) == 0:
        raise SearchIndexError(f"pagefind indexed no page:\n{log}")
    return IndexResult(int(pages.group(1)), int(words.group(1)) if words else 0, bundle)
