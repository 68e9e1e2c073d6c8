"""News and blogs: post front matter, authors, listings and new-post scaffolds."""
