"""Scratch projects: a copy of the real project's docs/ (with synthetic posts, and optionally
as stock Material) whose mkdocs.yml INHERITs the real one, built by the benchmarks and by the
tests that need a larger or a plainer site than the real one.

"Ours" and "stock Material" differ only in the keys the stock file overrides.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from hub.core.paths import Project
from hub.core.vocab import Vocabularies
from hub.dev.synthetic import directory_with_extra, write_posts

# The page our directory hook generates; stock Material has no such page, so its nav drops it.
GENERATED_NAV_PAGE = "organisations/index.md"
# The large site the tests and `make bench` measure: synthetic posts and organisations added.
LARGE_POSTS, LARGE_ORGANISATIONS = 1000, 5000


def scratch_env(cache: Path, orgs: Path | None = None) -> dict[str, str]:
    """What a scratch project builds with: a build cache of its own, and the organisations folder
    when it is not the real one."""
    env = {"HUB_CACHE_DIR": str(cache)}
    if orgs is not None:
        env["HUB_ORGANISATIONS_DIR"] = str(orgs)
    return env


def write_large_project(real: Project, folder: Path, vocab: Vocabularies, *, posts: int, orgs: int) -> Path:
    """The large site's project in `folder`: the real one with `posts` synthetic posts and `orgs`
    synthetic organisations added (beside it, in `folder/organisations`); return its mkdocs.yml.
    Build it with `scratch_env(cache, large_organisations(folder))`."""
    extra = directory_with_extra(large_organisations(folder), real.organisations, orgs, vocab)
    return write_scratch_project(real, folder / "project", hooks=True, posts=posts, orgs=extra) / "mkdocs.yml"


def large_organisations(folder: Path) -> Path:
    """Where `write_large_project` writes the large site's organisations."""
    return folder / "organisations"


def write_scratch_project(
    real: Project,
    folder: Path,
    *,
    hooks: bool,
    posts: int,
    orgs: Path | None,
    theme: dict[str, object] | None = None,
    site_url: str | None = None,
) -> Path:
    """A project in `folder` built from the real one: its own docs/ copy, the rest linked
    (data, templates, hooks, snippets, Node modules, netlify.toml).

    Its mkdocs.yml INHERITs the real one. Stock Material gets the same Markdown: our page
    templates dropped from front matter, the organisation pages our hook generates written
    out as Markdown, and a config without hooks, template overrides or the generated page.
    """
    shutil.copytree(real.docs, folder / "docs")
    # A project reads its own data, templates and the abbreviations pymdownx.snippets appends.
    # hooks/cms.py copies the editor's bundle from the project's node_modules.
    for own in ("data", "overrides", "hooks", "includes", "node_modules"):
        (folder / own).symlink_to(real.root / own, target_is_directory=True)
    # hooks/deploy.py turns netlify.toml's redirects into `_headers` rules: without it, a scratch
    # build's headers would not be the real site's.
    (folder / "netlify.toml").symlink_to(real.netlify_toml)
    write_posts(folder / "docs" / "blog" / "posts", posts)
    config: dict[str, object] = {"INHERIT": str(real.config_file), "watch": []}
    if not hooks:
        _strip_templates(folder / "docs")
        if orgs is not None:
            _write_org_pages(folder / "docs" / "organisations", orgs)
        (folder / "stock-overrides").mkdir()
        config.update(stock_material_overrides(real.config_file))
    if theme:  # INHERIT merges mappings key by key: these theme keys replace the real ones
        config["theme"] = {**config.get("theme", {}), **theme}
    if site_url:
        config["site_url"] = site_url
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def stock_material_overrides(config_file: Path) -> dict[str, object]:
    """The keys that turn the real config into stock Material: no hooks, an empty custom_dir,
    the nav without the page our directory hook generates, and Material's own search plugin
    (the hub replaced it with Pagefind, a hook) in front of the same plugins."""
    return {
        "hooks": [],
        "theme": {"custom_dir": "stock-overrides"},
        "nav": _without_page(_read_nav(config_file), GENERATED_NAV_PAGE),
        "plugins": ["search", *_read_plugins(config_file)],
    }


def _read_plugins(config_file: Path) -> list[object]:
    """The `plugins:` of a mkdocs.yml as written (names and options), its tags resolved."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(config_file)))
    with config_file.open(encoding="utf-8") as handle:
        return list(yaml_load(handle, loader)["plugins"])


def _read_nav(config_file: Path) -> list[object]:
    """The `nav:` of a mkdocs.yml, read as MkDocs reads the file (its own tags included)."""
    return read_config(config_file)["nav"]


def read_config(config_file: Path) -> dict[str, object]:
    """A mkdocs.yml as MkDocs reads it (its own tags included)."""
    from mkdocs.config import load_config

    return load_config(str(config_file))


def _without_page(nav: list[object], page: str) -> list[object]:
    """`nav` with every entry that points at `page` removed, at any depth."""
    kept: list[object] = []
    for entry in nav:
        if entry == page:
            continue
        if isinstance(entry, dict):
            (title, target), *_ = entry.items()
            if target == page:
                continue
            entry = {title: _without_page(target, page)} if isinstance(target, list) else entry
        kept.append(entry)
    return kept


def _strip_templates(docs: Path) -> None:
    """Drop `template:` from front matter: stock Material has none of our page templates."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "\ntemplate:" in text:
            page.write_text(re.sub(r"^template: .*\n", "", text, flags=re.MULTILINE), encoding="utf-8")


def _write_org_pages(folder: Path, orgs: Path) -> None:
    """Markdown pages standing in for the generated organisation pages (stock build)."""
    folder.mkdir(parents=True, exist_ok=True)
    for file in orgs.glob("*.yml"):
        (folder / f"{file.stem}.md").write_text(f"# {file.stem}\n\n{file.read_text(encoding='utf-8')}\n")
