"""Developer tools shared by tests and benchmarks: preview server, Chromium, test builds."""
