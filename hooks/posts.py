"""News and blogs: check the authors file and every post before Material's blog plugin reads
them, show drafts only in previews, hold scheduled posts back until their day, and give
templates the newest posts and the posts under each tag."""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hub.core.context import context_of
from hub.core.errors import data_errors_stop, problems_message
from hub.core.yamlio import DataErrors
from hub.pages.structured_data import article
from hub.posts.history import history_errors
from hub.posts.illustrative import label_errors
from hub.posts.load import PostsBuild, allowed_values, by_tag, check_posts, newest, summary_from_meta
from hub.posts.schedule import scheduled_posts

log = logging.getLogger("mkdocs.plugins.hub.posts")
BLOG_PLUGIN = "material/blog"
FEATURE = "posts"


@mkdocs.plugins.event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the authors file before the blog plugin reads it (in its own on_config), and keep
    it, read once, for the posts' checks and the editor's config; take the allowed categories
    from data/vocabularies.yml; show drafts in deploy previews."""
    context = context_of(config)
    blog = config.plugins[BLOG_PLUGIN]
    with data_errors_stop("the authors file", PluginError):
        allowed = allowed_values(_authors_file(config), context.vocab, context.project.schemas)
    context.features[FEATURE] = PostsBuild(allowed)
    blog.config.categories_allowed = list(context.vocab.labels("post_categories").values())
    if context.settings.is_preview:
        log.info("Deploy preview (CONTEXT=%s): draft posts are included", context.settings.context)
        blog.config.draft = True
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Stop the build with every front matter problem at once (runs before the blog plugin):
    the schema, the dates against the launch (posts and social items) and the labels on
    invented content; then leave scheduled posts out of a build that shows no drafts."""
    context = context_of(config)
    state: PostsBuild = context.features[FEATURE]
    blog = config.plugins[BLOG_PLUGIN].config
    posts_dir = Path(config.docs_dir) / blog.blog_dir / "posts"
    errors = check_posts(posts_dir, state.allowed)
    errors += history_errors(posts_dir, context.project.social_file, context.settings.launch_date)
    errors += label_errors(posts_dir)
    if errors:
        # DataErrors sorts them by file and line.
        raise PluginError(problems_message("the posts", DataErrors(errors).errors))
    posts = {file.src_uri: Path(file.abs_src_path) for file in _post_files(files, config)}
    state.scheduled = scheduled_posts(posts, context.settings.today)
    for src_uri, day in state.scheduled.items():
        if blog.draft:  # a preview or `mkdocs serve`: shown, with its banner
            log.info("Scheduled for %s, shown as a draft here: %s", day.isoformat(), src_uri)
        else:
            log.info("Scheduled for %s, left out until then: %s", day.isoformat(), src_uri)
            files.remove(files.get_file_from_path(src_uri))
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Give a scheduled post (shown in a preview) its date for the "Scheduled for" banner."""
    day = context_of(config).features[FEATURE].scheduled.get(page.file.src_uri)
    if day is not None:
        page.meta["scheduled"] = day
    return context


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
    summaries = [
        summary_from_meta(file.page.meta, file.page.url)
        for file in _post_files(files, config)
        if file.page is not None
    ]
    env.globals["blog_posts"] = {"newest": newest(summaries), "by_tag": by_tag(summaries)}
    return env


def _post_files(files: Files, config: MkDocsConfig) -> list[File]:
    """The blog posts among the site's files (docs/blog/posts/)."""
    posts_dir = config.plugins[BLOG_PLUGIN].config.blog_dir.rstrip("/") + "/posts/"
    return [file for file in files.documentation_pages() if file.src_uri.startswith(posts_dir)]


def _authors_file(config: MkDocsConfig) -> Path:
    """The authors file where the blog plugin looks for it (its `authors_file` setting)."""
    blog = config.plugins[BLOG_PLUGIN].config
    return Path(config.docs_dir) / blog.authors_file.format(blog=blog.blog_dir)
