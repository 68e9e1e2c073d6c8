"""Developer tools shared by tests and benchmarks, never used by a build: the preview server
(preview), the one way Chromium is started (browser), one way to build a site in a temp dir
(sitebuild), synthetic organisations and posts (synthetic), scratch projects built from the
real one (scratch), and the benchmarks behind `make bench` (bench/, a module per subject).
"""
