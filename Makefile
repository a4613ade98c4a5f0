# Two commands matter: `make run` starts the app, `make test` runs the whole suite.
# Both create .venv and install the pinned dependencies on first use, and the pinned plotly.js
# partial bundle the browser runs (components/plotly_js.py) with npm.
VENV ?= .venv
BUNDLE := components/browser_bundle
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: install run test lint unit browser bench chromium redis

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# npm ci: exactly the lock file's package, checked against its integrity hash
$(BUNDLE)/node_modules/.installed: $(BUNDLE)/package.json $(BUNDLE)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; }
	npm ci --prefix $(BUNDLE) --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed $(BUNDLE)/node_modules/.installed

run: install
	$(PY) app.py $(ARGS)

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core; }

# the Redis server the store tests and the two-host test start on a free port of their own
redis:
	@command -v redis-server >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# the whole suite: lint, the fast unit tests and the real-browser tests
test: install chromium redis lint
	$(VENV)/bin/pytest -q -p no:playwright

# the fast suite: no browser, no ../shared (tests of the full real files are real_data);
# kaleido's image tests use Debian chromium
unit: install chromium redis
	$(VENV)/bin/pytest -q -p no:playwright --ignore=tests/browser -m "not real_data"

# the real-browser tests only (headless Debian Chromium)
browser: install chromium
	$(VENV)/bin/pytest -q -p no:playwright tests/browser

bench: install chromium
	$(PY) -m bench.bench_load
	$(PY) -m bench.bench_browser
	$(PY) -m bench.bench_revenue
	$(PY) -m bench.bench_export
	$(PY) -m bench.bench_history
	$(PY) -m bench.bench_money
	$(PY) -m bench.bench_hostile
	$(PY) -m bench.bench_load_fifty
	$(PY) -m bench.bench_interaction
