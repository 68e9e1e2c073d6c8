"""Sector news and social posts, one step of the build (hooks/feeds.py, scripts/refresh_feeds.py).

- model: Source, Item, Parsed, FeedSources and FeedError, the shapes everything else passes on.
- sources: data/feeds.yml and data/social.yml, checked against their schemas.
- fetch: every feed at once, within a time budget, a size cap and a redirect cap.
- parse: RSS, Atom and JSON Feed bytes into items, keeping what feedparser recovers.
- clean: plain text and checked links from whatever a feed or file says.
- store: the per-source cache and the committed snapshot (dates as ISO text only there).
- collect: per source fresh, cache or snapshot; the `feeds` object templates read.
"""
