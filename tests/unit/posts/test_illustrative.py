"""hub.posts.illustrative: an invented case or event is labelled wherever it shows."""

from __future__ import annotations

from hub.posts.illustrative import label_errors, post_label_errors
from tests.project import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "posts" / "illustrative"
SHOWN = "tests/fixtures/posts/illustrative"


def test_an_unlabelled_invented_post_is_refused_at_its_description_and_its_first_block() -> None:
    assert [str(e) for e in post_label_errors(FIXTURES / "unlabelled.md")] == [
        f'{SHOWN}/unlabelled.md:3: description: must start with "Illustrative:" (lists and feeds show it)',
        f'{SHOWN}/unlabelled.md:12: body: the post must open with a note titled "Illustrative: …" '
        "saying what is invented",
    ]


def test_a_labelled_invented_post_passes() -> None:
    assert post_label_errors(FIXTURES / "labelled.md") == []


def test_an_invented_speaker_needs_the_post_marked_illustrative() -> None:
    assert [str(e) for e in post_label_errors(FIXTURES / "invented-speaker.md")] == [
        f"{SHOWN}/invented-speaker.md:15: masterclass.speakers.0: an invented speaker needs the whole "
        "post marked `illustrative: true`"
    ]


def test_the_real_posts_are_labelled() -> None:
    assert label_errors(ROOT / "docs" / "blog" / "posts") == []
