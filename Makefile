# The front door. `make serve` and `make test` set themselves up: a .venv from the pinned
# requirements, re-created when a requirements file changes, and node_modules/ (Decap CMS, the
# browser editor at /admin/) from package-lock.json, installed again when the lockfile changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
NODE_STAMP := node_modules/.installed
# The strict build, shared with netlify.toml (a test checks that they agree): Netlify runs
# NODE_INSTALL first, then BUILD_CMD. --prefer-offline: after the first install, npm's cache
# is enough; --ignore-scripts: no package runs code at install time (Decap ships built files).
NODE_INSTALL := npm ci --prefer-offline --no-audit --no-fund --ignore-scripts
BUILD_CMD := mkdocs build --strict
CHROMIUM ?= /usr/bin/chromium
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build preview test flaky lint format bench clean browser lock post check-content feeds cms links

$(SITE_STAMP): requirements.txt constraints.txt pyproject.toml
	@# A venv whose pip does not run (say, made without ensurepip) is made again.
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): $(SITE_STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	$(NODE_INSTALL)
	@touch $@

serve: $(SITE_STAMP) $(NODE_STAMP)
	HUB_FEEDS=$${HUB_FEEDS:-offline} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(SITE_STAMP) $(NODE_STAMP)
	$(BIN)/$(BUILD_CMD)

# The built site under its production headers and redirects, as Netlify serves it.
preview: build
	$(BIN)/python scripts/preview.py --site site --port 8080

# Debian's Chromium for the browser tests: installed with apt-get when running as root on
# Debian; elsewhere Playwright's own browser is installed instead.
browser: $(DEV_STAMP)
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation; \
	else \
	  $(BIN)/playwright install chromium; \
	fi

# The browser editor against this checkout, no GitHub account needed: decap-server (Decap's
# local backend, on 127.0.0.1:8081 only) writes straight to these files; open
# http://127.0.0.1:8000/admin/. The served config alone gets `local_backend`.
cms: $(SITE_STAMP) $(NODE_STAMP)
	@BIND_HOST=127.0.0.1 PORT=8081 GIT_REPO_DIRECTORY="$(CURDIR)" node_modules/.bin/decap-server & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	HUB_CMS_LOCAL_BACKEND=http://127.0.0.1:8081 HUB_FEEDS=$${HUB_FEEDS:-offline} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The page tools' pure modules first (Node's own runner, tests/js/), then everything else.
test: $(DEV_STAMP) $(NODE_STAMP) browser
	node --test tests/js/
	HUB_FEEDS=offline $(BIN)/python -m pytest

# Hunt for flaky tests: every selected test N times in a row, stopping at the first failure.
# make flaky N=20 TESTS=tests/browser (TESTS takes paths or test ids, as pytest does)
N ?= 20
TESTS ?= tests/browser
flaky: $(DEV_STAMP) browser
	HUB_FEEDS=offline $(BIN)/python -m pytest -p no:cacheprovider --exitfirst --repeat $(N) $(TESTS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# A new blog post with valid front matter: make post TITLE="Our news" [CATEGORY=News AUTHOR=editors]
CATEGORY ?= News
AUTHOR ?= editors
post: $(SITE_STAMP)
	@test -n "$(TITLE)" || { echo 'Give a title: make post TITLE="Your title" [CATEGORY=News AUTHOR=editors]'; exit 1; }
	$(BIN)/python scripts/new_post.py "$(TITLE)" --category "$(CATEGORY)" --author "$(AUTHOR)"

# The posts' front matter, checked as the build checks it.
check-content: $(SITE_STAMP)
	$(BIN)/python scripts/check_content.py

# Refresh the committed feed snapshot (data/feeds/snapshot.json) from the live feeds; a source
# that fails keeps its old entry. Only other people's items: none of the hub's own.
feeds: $(SITE_STAMP)
	$(BIN)/python scripts/refresh_feeds.py $(FEEDS_ARGS)

# Every link of the built site, checked with lychee (lychee.toml; the report names the page,
# the link, what is wrong and the source file:line). OFFLINE=1: links and anchors within the
# site only, no network. The weekly workflow (.github/workflows/links.yml) runs the same script.
links: build $(DEV_STAMP)
	$(BIN)/python scripts/check_links.py $(if $(OFFLINE),--offline)

bench: $(DEV_STAMP) $(NODE_STAMP) browser
	HUB_FEEDS=offline $(BIN)/python scripts/bench.py

# Re-pin every transitive dependency to what the current .venv has (after changing a pin).
lock: $(DEV_STAMP)
	@{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf site .cache .pytest_cache
