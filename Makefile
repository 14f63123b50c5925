# The handbook's commands. `make serve` and `make test` are all a reader or a
# contributor needs: both create .venv from the pinned lock when it is missing or stale.
#
#   make serve     live-reloading preview at http://127.0.0.1:8000
#   make test      everything CI checks: snippets, concept tests, guards, code blocks, strict build, browser
#   make test-fast the same without the browser tests (the quick loop while writing)
#   make page PAGE=part-1/memory   one page end to end: its snippets and tests, the build, the browser
#   make screenshots   the browser tests, keeping light, dark and phone screenshots of every page
#   make diagrams  render new or changed Mermaid diagrams to SVG (includes/diagrams/; needs Chromium)
#   make build     strict build of the site into site/
#   make labs      run the labs that changed and write their pages (build and serve do it too)
#   make zensical  the second build, with Material's successor, into site-zensical/
#   make outputs   run every snippet and rewrite its captured output (review the diff!)
#   make bench     run the benchmarks; rewrite bench/results.json and the tables pages include
#   make bench-suite   time `make test` and `make test-fast` by stage (snippets, concept tests, build, browser)
#   make lock      re-resolve requirements.lock from pyproject.toml (needs the network)
#   make new-snippet NAME=part-1/<chapter>/<name>   scaffold a snippet, its test and output
#   make format    apply ruff's formatting and safe fixes (then run the tests)
#   make test-versions   the snippet suite on every CPython 3.11+ on this machine

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# Commands in docs' `bash` blocks (run by pytest-codeblocks) find the venv's python.
export PATH := $(abspath $(BIN)):$(PATH)
# MkDocs prints a banner about its 2.0 plans on every run; the build log is ours.
export NO_MKDOCS_2_WARNING := 1
# Keep snippet folders free of __pycache__ so they stay copyable as they are: compiled
# files (and pytest's rewritten test modules) go to one cache outside the sources.
# (Empty is off: some machines set PYTHONDONTWRITEBYTECODE for every process, and
# pytest would then rewrite every test module's asserts again on every run.)
export PYTHONPYCACHEPREFIX := $(abspath .cache/pycache)
export PYTHONDONTWRITEBYTECODE :=

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

# The labs (docs/part-*/labs/*.ipynb) become pages in a step of our own, before any
# build: tools/render_labs.py runs each one that changed (its notebook, a snippet it
# imports, bench/) and writes NAME.md and its plots beside it (git ignores them).
# Unchanged labs come from .cache/labs/; LABS_CACHE=false (or --fresh) runs them all.
.PHONY: labs
labs: $(STAMP)
	$(BIN)/python -m tools.render_labs

# serve: render, serve, and render again whenever a lab or what it imports changes.
serve: $(STAMP)
	$(BIN)/python -m tools.render_labs --serve $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Two runs: the timing tests first, alone, because a test that measures a parallel
# speedup needs both cores to itself; then everything else on both cores (pytest-xdist).
# Both always run; make fails if either failed.
# Workers: one per core of this 2-core machine (the browser tests keep both busy);
# without the browser tests, a third of the test time is waiting (servers electing a
# leader, processes starting), and a third worker fills it: 68 s instead of 81 s here.
# On a bigger machine: make test WORKERS=8 FAST_WORKERS=9.
PYTEST   := $(BIN)/python -m pytest
WORKERS  ?= 2
FAST_WORKERS ?= 3
PARALLEL := -n $(WORKERS) --dist load
test: $(STAMP)
	@$(PYTEST) -p no:xdist -m "timing" -q; timing=$$?; \
	$(PYTEST) $(PARALLEL) -m "not timing"; rest=$$?; \
	if [ $$timing -ne 0 ] && [ $$timing -ne 5 ]; then echo "make: the timing tests failed (see above)"; exit $$timing; fi; \
	exit $$rest

test-fast: $(STAMP)
	@$(PYTEST) -p no:xdist -m "timing and not browser" -q; timing=$$?; \
	$(PYTEST) -n $(FAST_WORKERS) --dist load -m "not timing and not browser"; rest=$$?; \
	if [ $$timing -ne 0 ] && [ $$timing -ne 5 ]; then echo "make: the timing tests failed (see above)"; exit $$timing; fi; \
	exit $$rest

# One page end to end, for the loop while writing it: its snippets (under every start
# method), their tests, its code blocks, the fence guard, the strict build, and the page
# in the browser.
.PHONY: page screenshots
page: $(STAMP)
	@test -n "$(PAGE)" || { echo "usage: make page PAGE=part-1/memory   (the page docs/part-1/memory.md)"; exit 2; }
	$(PYTEST) $(PARALLEL) --page "$(PAGE)"

# Mermaid diagrams rendered ahead of time, so readers download no Mermaid.
.PHONY: diagrams
diagrams: $(STAMP)
	$(BIN)/python tools/render_diagrams.py

# Screenshots of every page in light, dark and phone layouts, into test-artifacts/screenshots/.
screenshots: $(STAMP)
	HANDBOOK_SCREENSHOTS=1 $(PYTEST) $(PARALLEL) tests/browser/test_pages.py

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
	$(BIN)/python -m mkdocs build --strict --site-dir site

# Zensical (Material's successor) reads mkdocs.yml and the overrides, ignores plugins;
# the publishing build stays MkDocs. It builds a copy (tools/zensical_build.py says why).
zensical: labs
	$(BIN)/python -m tools.zensical_build --site-dir site-zensical

outputs: $(STAMP)
	$(BIN)/python -m pytest tests/test_snippets.py --update-outputs -q
	@git status --short -- snippets || true

# Medians after a warm-up, with the machine described, into bench/results.json; the
# Markdown tables under bench/results/ that pages include are generated from it.
.PHONY: bench bench-suite
bench-suite: $(STAMP)
	$(BIN)/python -m bench.suite

bench: $(STAMP)
	$(BIN)/python -m bench.run
	@git status --short -- bench || true

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 --upgrade -o requirements.lock

clean:
	rm -rf site site-zensical .pytest_cache .mypy_cache .ruff_cache
