"""News and blogs: check the authors file and every post before Material's blog plugin reads
them, show drafts only in previews, and give templates the newest posts and the posts under
each tag."""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.core.yamlio import DataErrors
from hub.pages.structured_data import article
from hub.posts.history import history_errors
from hub.posts.illustrative import label_errors
from hub.posts.load import by_tag, check_posts, load_authors, newest, summary_from_meta

log = logging.getLogger("mkdocs.plugins.hub.posts")
BLOG_PLUGIN = "material/blog"


@mkdocs.plugins.event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the authors file before the blog plugin reads it (in its own on_config); take the
    allowed categories from data/vocabularies.yml; show drafts in deploy previews."""
    context = context_of(config)
    blog = config.plugins[BLOG_PLUGIN]
    try:
        load_authors(_authors_file(config), context.project.schemas)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    blog.config.categories_allowed = list(context.vocab.labels("post_categories").values())
    if context.settings.is_preview:
        log.info("Deploy preview (CONTEXT=%s): draft posts are included", context.settings.context)
        blog.config.draft = True
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Stop the build with every front matter problem at once (runs before the blog plugin):
    the schema, the dates against the launch (posts and social items) and the labels on
    invented content."""
    context = context_of(config)
    posts = Path(config.docs_dir) / config.plugins[BLOG_PLUGIN].config.blog_dir / "posts"
    errors = check_posts(posts, _authors_file(config), context.vocab, context.project.schemas)
    errors += history_errors(posts, context.project.social_file, context.settings.launch_date)
    errors += label_errors(posts)
    if errors:
        raise PluginError(str(DataErrors(errors)))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each post its Article JSON-LD (after the blog plugin has read its date and authors)."""
    if isinstance(page, Post):
        dates = page.config.date
        page.meta["structured_data"] = article(
            headline=str(page.title or ""),
            description=str(page.meta.get("description") or config.site_description or ""),
            published=dates.created,
            modified=dates.get("updated"),
            authors=[author.name for author in page.authors],
            publisher=config.site_name,
            page_url=page.canonical_url or "",
            image=(config.site_url or "/") + "assets/share.png",
        )
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `blog_posts.newest` (home page) and `blog_posts.by_tag` (element pages)."""
    posts_dir = config.plugins[BLOG_PLUGIN].config.blog_dir.rstrip("/") + "/posts/"
    summaries = [
        summary_from_meta(file.page.meta, file.page.url)
        for file in files.documentation_pages()
        if file.src_uri.startswith(posts_dir) and file.page is not None
    ]
    env.globals["blog_posts"] = {"newest": newest(summaries), "by_tag": by_tag(summaries)}
    return env


def _authors_file(config: MkDocsConfig) -> Path:
    """The authors file where the blog plugin looks for it (its `authors_file` setting)."""
    blog = config.plugins[BLOG_PLUGIN].config
    return Path(config.docs_dir) / blog.authors_file.format(blog=blog.blog_dir)
