"""The MDN HTTP Observatory's own tests on the preview server's responses (the real build,
served as `make preview` serves it): the issue's paths, one of each kind."""

from __future__ import annotations

import pytest

from hub.deploy.headers import url_path
from hub.deploy.observatory import BEST_CSP, HEADER_TESTS, Verdict, observe
from tests.conftest import Build

UNKNOWN = "/no-such-page/"
ADMIN = "/admin/"


@pytest.fixture(scope="module")
def verdicts(build: Build, preview_url: str) -> dict[str, Verdict]:
    """path -> the Observatory's verdict on the preview server's response at that path."""
    post = next(build.site.glob("blog/20[0-9][0-9]/*/*/*/index.html"))
    organisation = next(build.site.glob("organisations/*-*/index.html"))
    paths = [
        "/",
        "/strategy/culture/",
        url_path(build.site, post),
        url_path(build.site, organisation),
        "/organisations/",
        "/tags.json",
        UNKNOWN,
        ADMIN,
    ]
    found = observe([preview_url.rstrip("/") + path for path in paths])
    return dict(zip(paths, found, strict=True))


def test_every_public_page_gets_the_best_policy_result_and_an_a_plus(verdicts) -> None:
    for path, verdict in verdicts.items():
        if path in (UNKNOWN, ADMIN):
            continue
        assert verdict.status == 200, path
        assert verdict.result("content-security-policy") == BEST_CSP, path
        assert (verdict.grade, verdict.failed()) == ("A+", []), path


def test_a_404_at_an_unknown_address_has_the_strict_policy_from_its_page(verdicts) -> None:
    # The Observatory grades no 404; its tests still run on the response. No header rule sets
    # a policy there: the 404 page's <meta> does, and the browser and the Observatory read it.
    verdict = verdicts[UNKNOWN]
    assert verdict.status == 404 and verdict.grade is None
    assert verdict.result("content-security-policy") == BEST_CSP
    assert verdict.failed() == []


def test_the_editor_gets_the_best_result_decap_allows(verdicts) -> None:
    # Decap compiles its config schema with `new Function` (ajv): 'unsafe-eval' is the one
    # thing held against it; every other header test passes.
    verdict = verdicts[ADMIN]
    assert verdict.result("content-security-policy") == "csp-implemented-with-unsafe-eval"
    assert verdict.failed() == ["content-security-policy"]
    for test in HEADER_TESTS[1:]:
        assert verdict.tests[test]["pass"], test
