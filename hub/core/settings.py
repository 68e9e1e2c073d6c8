"""The build's settings, read once from mkdocs.yml's `extra.hub` (whose values default to
environment variables through `!ENV`) into one typed object.

Every knob the hub has is here; nothing else in hooks or hub reads the environment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub.core.paths import Project

FEED_MODES = ("live", "offline")
# Netlify's CONTEXT values for builds that are previews, not the live site ("dev" is
# `netlify dev` on a laptop). Previews show drafts and are never indexed.
PREVIEW_CONTEXTS = frozenset({"deploy-preview", "branch-deploy", "dev"})
DEFAULT_FEEDS_TIMEOUT = 10.0
# The day the hub began: nothing on it is dated earlier unless it is an archived real item.
DEFAULT_LAUNCH_DATE = dt.date(2026, 11, 24)
# Who runs the hub when mkdocs.yml names no one: the editors who write and check it (the
# `editors` author of the blog), reached through the repository, never an invented address.
DEFAULT_RUN_BY = "The hub editors"
# An address people can write to: one @, no spaces, a dot in the domain.
_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")
# owner/name on GitHub.
_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")


class SettingsError(ValueError):
    """A setting with a value the build cannot use; the message names it and says what to give."""


@dataclass(frozen=True)
class Settings:
    """What one build is asked to do, with every path already resolved against the project."""

    site_url: str
    context: str
    feeds_mode: str
    feeds_timeout: float
    feed_sources: Path
    cache_dir: Path
    organisations: Path
    # The GitHub repository (owner/name) the browser editor at /admin/ opens pull requests on.
    cms_repo: str = ""
    # `make cms`: decap-server's origin; the editor then writes to this checkout, not GitHub.
    cms_local_backend: str = ""
    # The day the build publishes for: posts dated after it are scheduled, review dates
    # before it are due. The real date (UTC) unless HUB_TODAY fixes it, as tests do.
    today: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())
    # Posts and social items dated earlier must be archived real items with a source.
    launch_date: dt.date = DEFAULT_LAUNCH_DATE
    # Who runs the hub, and an email address for them ("" when there is none: the contact route
    # is then the repository's issues page). Shown in the footer, on /about/ and /accessibility/.
    run_by: str = DEFAULT_RUN_BY
    contact_email: str = ""

    @property
    def repository_url(self) -> str:
        """The hub's source repository on GitHub ("" when `cms_repo` is not set)."""
        return f"https://github.com/{self.cms_repo}" if self.cms_repo else ""

    @property
    def issues_url(self) -> str:
        """The repository's issues: what people have already reported or asked for."""
        return f"{self.repository_url}/issues" if self.repository_url else ""

    @property
    def new_issue_url(self) -> str:
        """Where feedback goes: a new issue on the repository."""
        return f"{self.issues_url}/new" if self.issues_url else ""

    @property
    def is_preview(self) -> bool:
        """Whether this build is a deploy preview or branch deploy (drafts shown, not indexed)."""
        return self.context in PREVIEW_CONTEXTS

    @property
    def user_agent(self) -> str:
        """How the feeds step names itself to the sites it fetches from."""
        return f"employer-hub-feeds/1.0 (+{self.site_url}news/)"


def read_settings(hub: Mapping[str, Any], *, project: Project, site_url: str) -> Settings:
    """Turn the `extra.hub` mapping of mkdocs.yml into `Settings`; SettingsError names a bad value."""
    mode = str(hub.get("feeds") or "live")
    if mode not in FEED_MODES:
        raise SettingsError(f"HUB_FEEDS={mode!r}: use live or offline")
    raw_timeout = hub.get("feeds_timeout")
    raw_timeout = DEFAULT_FEEDS_TIMEOUT if raw_timeout in (None, "") else raw_timeout
    try:
        timeout = float(raw_timeout)
    except (TypeError, ValueError):
        raise SettingsError(f"HUB_FEEDS_TIMEOUT={raw_timeout!r}: give seconds, e.g. 10") from None
    if not 0 < timeout <= 300:
        raise SettingsError(f"HUB_FEEDS_TIMEOUT={timeout:g}: give between 0 and 300 seconds")
    return Settings(
        site_url=(site_url or "/").rstrip("/") + "/",
        context=str(hub.get("context") or "production"),
        feeds_mode=mode,
        feeds_timeout=timeout,
        feed_sources=project.resolve(hub.get("feeds_config") or project.feeds_file),
        cache_dir=project.resolve(hub.get("cache_dir") or project.cache_dir),
        organisations=project.resolve(hub.get("organisations") or project.organisations),
        cms_repo=_repo(hub.get("cms_repo")),
        cms_local_backend=_local_origin(hub.get("cms_local_backend")),
        today=_date(hub.get("today"), "HUB_TODAY", dt.datetime.now(dt.UTC).date()),
        launch_date=_date(hub.get("launch_date"), "launch_date", DEFAULT_LAUNCH_DATE),
        run_by=" ".join(str(hub.get("run_by") or DEFAULT_RUN_BY).split()),
        contact_email=_email(hub.get("contact_email")),
    )


def _date(value: Any, name: str, default: dt.date) -> dt.date:
    """A date setting: YAML gives a date, an environment variable gives text (YYYY-MM-DD)."""
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return default
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise SettingsError(f"{name}={text!r}: give a date as YYYY-MM-DD, e.g. 2026-12-01")


def _repo(value: Any) -> str:
    """The repository as owner/name: it makes the feedback links, so a typo must stop the build."""
    repo = str(value or "").strip()
    if repo and not _REPO.fullmatch(repo):
        raise SettingsError(f"HUB_CMS_REPO={repo!r}: give the GitHub repository as owner/name")
    return repo


def _email(value: Any) -> str:
    """The contact address, checked to be one ("" when none is given)."""
    email = str(value or "").strip()
    if email and not _EMAIL.fullmatch(email):
        raise SettingsError(f"HUB_CONTACT_EMAIL={email!r}: give an email address, such as team@example.org")
    return email


def _local_origin(value: Any) -> str:
    """decap-server's origin for `make cms`, only ever on this machine ("" when not editing locally)."""
    origin = str(value or "").rstrip("/")
    if origin and not re.fullmatch(r"http://(127\.0\.0\.1|localhost):\d+", origin):
        raise SettingsError(f"HUB_CMS_LOCAL_BACKEND={origin!r}: give http://127.0.0.1:<port>")
    return origin
