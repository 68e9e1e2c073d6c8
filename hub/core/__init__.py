"""What every feature shares: paths, the YAML loader, schemas, vocabularies, dates, settings."""
