"""Synthetic content for tests and benchmarks: many valid organisations, many valid posts.

Seeded, so a run writes the same files every time; every value comes from the project's
vocabularies, so the build's own checks accept them.
"""

from __future__ import annotations

import datetime
import random
import shutil
from pathlib import Path

from hub.core.settings import DEFAULT_LAUNCH_DATE
from hub.core.vocab import Vocabularies

WORDS = [
    "young",
    "people",
    "employers",
    "mentoring",
    "schools",
    "outreach",
    "apprenticeships",
    "data",
    "progression",
]
POST_WORDS = ["employers", "data", "outreach", "hiring", "progression"]
# What the synthetic posts quote, in their titles and their text: words a visitor searches for
# to find a guidance page (tests/browser/search_table.py), so that on the large site a thousand
# posts compete with the guidance they quote, as real posts do.
QUOTED = [
    "class pay gap",
    "contextual recruitment",
    "main household earner",
    "board agenda",
    "Equality Act",
    "outreach with schools",
    "action plan",
    "role models",
    "publish your data",
    "promotion",
]
PLACES = ["Newcastle upon Tyne", "Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "Norwich", "Derby"]


def organisation_name(n: int) -> str:
    """The name of synthetic organisation `n`: `number-0000` finds the first ten by text search."""
    return f"Synthetic organisation number-{n:05d}"


def write_organisations(folder: Path, count: int, vocab: Vocabularies, *, seed: int = 4) -> list[Path]:
    """Write `count` valid organisation files into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    support, stages = vocab.ids("support"), vocab.ids("stages")
    elements, kinds = vocab.ids("elements"), vocab.ids("organisation_types")
    written = []
    for n in range(count):
        summary = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
        file = folder / f"synthetic-{n:05d}.yml"
        file.write_text(
            f'name: "{organisation_name(n)}"\n'
            f'summary: "{summary}"\n'
            f"website: https://synthetic-{n}.example.org.uk\n"
            f"type: {rng.choice(kinds)}\n"
            f"where: [{', '.join(synthetic_where(rng, vocab))}]\n"
            f"places: [{rng.choice(PLACES)}]\n"
            f"stages: [{', '.join(rng.sample(stages, 2))}]\n"
            f"support: [{', '.join(rng.sample(support, 3))}]\n"
            f"elements: [{', '.join(rng.sample(elements, 2))}]\n"
            "last_reviewed: 2026-11-24\n",
            encoding="utf-8",
        )
        written.append(file)
    return written


def synthetic_where(rng: random.Random, vocab: Vocabularies) -> list[str]:
    """Where a synthetic organisation works, in each of the shapes `where` allows: the whole UK,
    one or two nations, or one or two regions (areas with nothing inside them)."""
    terms = vocab["regions"]
    whole = next(term for term in terms if not any(term.id in other.covers for other in terms))
    nations = list(whole.covers)
    regions = [term.id for term in terms if not term.covers and term.id not in nations]
    shape = rng.choice([[whole.id], nations, regions])
    return rng.sample(shape, min(len(shape), rng.choice([1, 2])))


def directory_with_extra(folder: Path, real: Path, count: int, vocab: Vocabularies) -> Path:
    """A copy of the real organisations folder `real` with `count` synthetic ones added."""
    shutil.copytree(real, folder)
    write_organisations(folder, count, vocab)
    return folder


def write_posts(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write `count` valid blog posts (about 300 words each) into `folder`, each quoting one of
    QUOTED in its title and three times in its text. They are dated over the hub's first ten
    days: nothing may be dated before the hub began (hub/posts/history.py), and a post dated
    after the build's day is scheduled, so left out of the site (hub/posts/schedule.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    start = DEFAULT_LAUNCH_DATE
    written = []
    for n in range(count):
        day = start + datetime.timedelta(days=n % 10)
        quoted = QUOTED[n % len(QUOTED)]
        words = " ".join(rng.choice(POST_WORDS) for _ in range(300))
        body = f"Our guidance on the {quoted} is worth a read. {words}. The {quoted} again; the {quoted}."
        file = folder / f"synthetic-{n:04d}.md"
        file.write_text(
            f"---\ntitle: Synthetic post {n} on the {quoted}\ndate: {day.isoformat()}\nauthors: [editors]\n"
            f"categories: [News]\ndescription: A synthetic post for tests and benchmarks.\n---\n\n{body}\n",
            encoding="utf-8",
        )
        written.append(file)
    return written
