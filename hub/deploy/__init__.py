"""Deploying on Netlify: the Content-Security-Policy and the `_headers` file."""
