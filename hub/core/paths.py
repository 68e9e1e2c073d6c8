"""Where one project's files live: everything hangs off the folder of its mkdocs.yml.

Hooks make a `Project` from `config.config_file_path`, scripts from their own file or a
`--root` option. Nothing here looks at the package's own location or the working
directory, so a checkout copied with its virtual environment still reads its own data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    """The folders and files of one checkout, from its root (the folder of mkdocs.yml)."""

    root: Path

    @classmethod
    def from_config_file(cls, config_file: str | Path) -> Project:
        """The project whose mkdocs.yml is `config_file`."""
        return cls(Path(config_file).resolve().parent)

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def schemas(self) -> Path:
        return self.data / "schemas"

    @property
    def vocabularies(self) -> Path:
        return self.data / "vocabularies.yml"

    @property
    def organisations(self) -> Path:
        return self.data / "organisations"

    @property
    def feeds_file(self) -> Path:
        return self.data / "feeds.yml"

    @property
    def social_file(self) -> Path:
        return self.data / "social.yml"

    @property
    def snapshot_file(self) -> Path:
        return self.data / "feeds" / "snapshot.json"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def posts(self) -> Path:
        return self.docs / "blog" / "posts"

    @property
    def authors_file(self) -> Path:
        return self.docs / "blog" / ".authors.yml"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def netlify_toml(self) -> Path:
        return self.root / "netlify.toml"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    def resolve(self, path: str | Path) -> Path:
        """A path from settings: absolute as given, else relative to the project root."""
        given = Path(path)
        return given if given.is_absolute() else self.root / given


def display_path(path: Path) -> str:
    """`path` relative to the project that holds it (the nearest folder above with a
    mkdocs.yml), for messages an editor reads; the full path when no project holds it."""
    resolved = path.resolve()
    for folder in resolved.parents:
        if (folder / CONFIG_NAME).is_file():
            return str(resolved.relative_to(folder))
    return str(path)
