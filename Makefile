# The README's two commands are `make site` and `make test`; both set up everything they need on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check bench clean system

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

system:
	scripts/system-packages

# The iframe-worker shim for the offline edition, from the npm registry (pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

site: $(VENV)/.installed node_modules/.installed system
	$(PY) -m generator site

# DIRTY=1: rebuild only the pages whose generated Markdown changed (seconds instead of a full build on a large
# site); the preview's search then indexes only those pages, so it is not strict.
serve: $(VENV)/.installed
	$(PY) -m generator build
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 $(if $(DIRTY),--dirty --no-strict)

check: $(VENV)/.installed
	$(PY) -m generator check

test: $(VENV)/.installed node_modules/.installed system
	$(PY) -m pytest

# Performance: synthetic content at 52, 500, 2,000 and 10,000 proposals (BENCH="--quick" for 52 and 500 only).
bench: $(VENV)/.installed node_modules/.installed system
	$(PY) bench/bench.py $(BENCH)

clean:
	rm -rf build site node_modules
