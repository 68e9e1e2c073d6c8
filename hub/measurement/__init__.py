"""The socio-economic background question set (data/measurement.yml): loading, rendering, downloads."""
