"""Developer tools shared by tests and benchmarks, never used by a build: the preview server
(preview), the Chromium lookup (browser), one way to build a site in a temp dir (sitebuild),
synthetic organisations and posts (synthetic), and the benchmarks behind `make bench` (bench).
"""
