"""Deploying on Netlify: every response header (`headers.py`) and the `_headers` file that carries them."""
