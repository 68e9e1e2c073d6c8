"""The one environment hub renders its own templates in: autoescaped, strict, per package.

A feature keeps the templates it renders from data beside its code (`hub/<feature>/templates/`)
and renders them here, so anything from data is text unless the code marks it safe. The
theme's environment, which renders `overrides/`, does not autoescape (see CONTRIBUTING.md).
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from hub.core.dates import long_date


def package_env(package: str) -> Environment:
    """An autoescaping Jinja environment over `<package>/templates/` (e.g. "hub.directory")."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date  # as in the theme's environment (hooks/site.py)
    return env
