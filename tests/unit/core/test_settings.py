from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.dates import long_date
from hub.core.paths import Project
from hub.core.settings import SettingsError, read_settings

PROJECT = Project(Path("/srv/hub"))


def settings(**hub: object):
    return read_settings(hub, project=PROJECT, site_url="https://example.org")


def test_defaults_resolve_against_the_project_root() -> None:
    got = settings()
    assert (got.feeds_mode, got.feeds_timeout, got.context) == ("live", 10.0, "production")
    assert got.site_url == "https://example.org/"
    assert got.feed_sources == Path("/srv/hub/data/feeds.yml")
    assert got.cache_dir == Path("/srv/hub/.cache")
    assert got.organisations == Path("/srv/hub/data/organisations")


def test_relative_paths_are_from_the_root_and_absolute_ones_are_kept() -> None:
    got = settings(organisations="tests/orgs", cache_dir="/tmp/cache")
    assert got.organisations == Path("/srv/hub/tests/orgs")
    assert got.cache_dir == Path("/tmp/cache")


@pytest.mark.parametrize(
    ("context", "preview"),
    [("deploy-preview", True), ("branch-deploy", True), ("dev", True), ("production", False), (None, False)],
)
def test_preview_contexts(context, preview) -> None:
    assert settings(context=context).is_preview is preview


@pytest.mark.parametrize(
    ("hub", "expected"),
    [({}, ("live", 10.0)), ({"feeds": "offline", "feeds_timeout": "2.5"}, ("offline", 2.5))],
)
def test_feed_settings(hub, expected) -> None:
    got = settings(**hub)
    assert (got.feeds_mode, got.feeds_timeout) == expected


@pytest.mark.parametrize(
    ("hub", "message"),
    [
        ({"feeds": "online"}, "HUB_FEEDS='online': use live or offline"),
        ({"feeds_timeout": "soon"}, "HUB_FEEDS_TIMEOUT='soon': give seconds, e.g. 10"),
        ({"feeds_timeout": "0.0"}, "HUB_FEEDS_TIMEOUT=0: give between 0 and 300 seconds"),
        ({"feeds_timeout": 0}, "HUB_FEEDS_TIMEOUT=0: give between 0 and 300 seconds"),
    ],
)
def test_bad_settings_say_what_to_do(hub, message) -> None:
    with pytest.raises(SettingsError) as caught:
        settings(**hub)
    assert str(caught.value) == message


def test_long_date_has_no_leading_zero() -> None:
    assert long_date(dt.date(2026, 10, 6)) == "6 October 2026"
    assert long_date(dt.datetime(2026, 3, 24, 9, 30)) == "24 March 2026"
    assert long_date(None) == ""


def test_editor_settings() -> None:
    assert (settings().cms_repo, settings().cms_local_backend) == ("", "")
    got = settings(cms_repo="owner/name", cms_local_backend="http://127.0.0.1:8081/")
    assert (got.cms_repo, got.cms_local_backend) == ("owner/name", "http://127.0.0.1:8081")


@pytest.mark.parametrize("origin", ["true", "https://example.org", "http://0.0.0.0:8081", "http://127.0.0.1"])
def test_the_editor_local_backend_is_only_ever_on_this_machine(origin: str) -> None:
    with pytest.raises(SettingsError, match="HUB_CMS_LOCAL_BACKEND="):
        settings(cms_local_backend=origin)


def test_today_is_the_real_date_unless_set() -> None:
    assert settings().today == dt.datetime.now(dt.UTC).date()
    assert settings(today="2026-12-01").today == dt.date(2026, 12, 1)
    assert settings(today=dt.date(2027, 1, 2)).today == dt.date(2027, 1, 2)


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "1/12/2026", "2026-12-1"])
def test_a_bad_today_names_the_variable(value: str) -> None:
    with pytest.raises(SettingsError, match=rf"HUB_TODAY='{value}': give a date as YYYY-MM-DD"):
        settings(today=value)


def test_who_runs_the_hub_defaults_to_the_editors_reached_through_the_repository() -> None:
    got = settings(cms_repo="employer-hub/employer-hub")
    assert (got.run_by, got.contact_email) == ("The hub editors", "")
    assert got.issues_url == "https://github.com/employer-hub/employer-hub/issues"
    assert got.new_issue_url == "https://github.com/employer-hub/employer-hub/issues/new"


def test_who_runs_the_hub_can_be_named_with_an_address() -> None:
    got = settings(cms_repo="o/n", run_by="  Example   Trust ", contact_email="hub@example.org")
    assert (got.run_by, got.contact_email) == ("Example Trust", "hub@example.org")


@pytest.mark.parametrize(
    ("hub", "message"),
    [
        ({"contact_email": "not an address"}, "HUB_CONTACT_EMAIL='not an address': give an email address"),
        ({"contact_email": "a@b"}, "HUB_CONTACT_EMAIL='a@b': give an email address"),
        ({"cms_repo": "https://github.com/o/n"}, "HUB_CMS_REPO='https://github.com/o/n': give the GitHub"),
    ],
)
def test_a_bad_contact_setting_stops_the_build(hub: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings(**hub)
