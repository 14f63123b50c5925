# The handbook's commands. `make serve` and `make test` are all a reader or a
# contributor needs: both create .venv from the pinned lock when it is missing or stale.
#
#   make serve     live-reloading preview at http://127.0.0.1:8000
#   make test      everything CI checks: snippets, concept tests, guards, code blocks, strict build, browser
#   make test-fast the same without the browser tests (the quick loop while writing)
#   make build     strict build of the site into site/
#   make outputs   run every snippet and rewrite its captured output (review the diff!)
#   make lock      re-resolve requirements.lock from pyproject.toml (needs the network)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# Commands in docs' `bash` blocks (run by pytest-codeblocks) find the venv's python.
export PATH := $(abspath $(BIN)):$(PATH)
# MkDocs prints a banner about its 2.0 plans on every run; the build log is ours.
export NO_MKDOCS_2_WARNING := 1
# Keep snippet folders free of __pycache__ so they stay copyable as they are.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test test-fast build outputs lock clean venv
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

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

outputs: $(STAMP)
	$(BIN)/python -m pytest tests/test_snippets.py --update-outputs -q
	@git status --short -- snippets || true

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 --upgrade -o requirements.lock

clean:
	rm -rf site .pytest_cache
