"""The browser editor at /admin/ (Decap CMS): its generated config and its served files."""
