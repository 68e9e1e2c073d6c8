from __future__ import annotations

import datetime as dt

from hub.site import is_preview, long_date, site_url


def test_site_url_comes_from_mkdocs_yml() -> None:
    assert site_url() == "https://employer-hub.netlify.app/"


def test_preview_contexts() -> None:
    assert is_preview({"CONTEXT": "deploy-preview"})
    assert is_preview({"CONTEXT": "branch-deploy"})
    assert not is_preview({"CONTEXT": "production"})
    assert not is_preview({})


def test_long_date_has_no_leading_zero() -> None:
    assert long_date(dt.date(2026, 10, 6)) == "6 October 2026"
    assert long_date(dt.datetime(2026, 3, 24, 9, 30)) == "24 March 2026"
    assert long_date(None) == ""
