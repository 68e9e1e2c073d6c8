"""What every benchmark is handed: the project, the sizes, and a scratch folder they share, with
the builds they reuse from one another."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hub.core.paths import Project
from hub.core.vocab import Vocabularies, load_vocabularies
from hub.dev.scratch import LARGE_POSTS, scratch_env, write_scratch_project
from hub.dev.sitebuild import build_or_raise
from hub.dev.synthetic import directory_with_extra


@dataclass
class Options:
    """What every benchmark may use: the project, sizes, and a scratch folder shared between them."""

    project: Project
    orgs: int
    scratch: Path
    posts: int = LARGE_POSTS
    cache: dict[str, object] = field(default_factory=dict)

    @property
    def vocab(self) -> Vocabularies:
        return load_vocabularies(self.project.vocabularies, self.project.schemas)

    @property
    def large_label(self) -> str:
        """How the figures name the synthetic large site."""
        return f"{self.posts} posts + {self.orgs} organisations"

    def synthetic_folder(self) -> Path:
        """The real organisations plus N synthetic ones, written once into the scratch folder."""
        folder = self.scratch / "organisations"
        if not folder.exists():
            directory_with_extra(folder, self.project.organisations, self.orgs, self.vocab)
        return folder

    def timed_build(self, organisations: Path, dest: Path) -> float:
        """Seconds for one real build of the project with the organisations in `organisations`."""
        env = scratch_env(self.scratch / "cache", organisations)
        return build_or_raise(self.project.config_file, dest, env, strict=False).seconds

    def project_site(self, *, hooks: bool, large: bool) -> Path:
        """Where the scratch project's site is built: one folder per kind (ours or stock Material)
        and size (real or large), so a benchmark uses a site another one has built."""
        return self.scratch / f"site-{'ours' if hooks else 'stock'}-{'large' if large else 'real'}"

    def built_project_site(self, *, hooks: bool, large: bool) -> Path:
        """That site, built now unless a benchmark has built it already."""
        site = self.project_site(hooks=hooks, large=large)
        if not (site / "index.html").is_file():
            self.timed_project_build(hooks=hooks, large=large)
        return site

    def timed_project_build(self, *, hooks: bool, large: bool) -> float:
        """Seconds to build a scratch copy of docs/, ours or stock Material: the real site, or the
        large one (N synthetic posts and the synthetic organisations). Stock Material gets the
        same organisations, as Markdown pages."""
        posts, orgs = (self.posts, self.synthetic_folder()) if large else (0, self.project.organisations)
        project = self.scratch / f"project-{'ours' if hooks else 'stock'}-{'large' if large else 'real'}"
        if not project.exists():
            write_scratch_project(self.project, project, hooks=hooks, posts=posts, orgs=orgs)
        env = scratch_env(self.scratch / "cache", orgs)
        dest = self.project_site(hooks=hooks, large=large)
        return build_or_raise(project / "mkdocs.yml", dest, env, strict=False).seconds


def count_organisations(folder: Path) -> int:
    """How many organisation files a folder holds."""
    return len(list(folder.glob("*.yml")))
