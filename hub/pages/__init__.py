"""Per-page additions: meta descriptions, checklist labels, structured data."""
