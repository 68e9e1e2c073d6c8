"""Find an organisation: the directory's data model, loading, pages and downloads."""
