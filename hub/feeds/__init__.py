"""Sector news and social posts: sources, fetching, parsing, cleaning, storing, collecting."""
