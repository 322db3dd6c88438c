# newsbrief: two commands to start. `make site` builds the site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SHARED ?= ../shared
CORPUS ?= $(SHARED)/corpus/bbc
AXE := node_modules/axe-core/axe.min.js
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test serve bench eval check lock clean chromium

## site: create .venv, install the locked dependencies, strict build into site/
site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict --clean --site-dir site

## test: the same set-up plus test dependencies, axe-core and Chromium, then the whole suite
test: $(VENV)/.test-installed $(AXE) chromium
	$(BIN)/python -m pytest

## serve: live preview for editors; on a change in seeds/, briefings/ or the vocabularies it
## re-renders only the pages whose final Markdown changed (--dirty, see newsbrief.pagesources)
serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload --dirty

## check: every problem the strict build fails on, in briefings and seeds (what pre-commit runs)
check: $(VENV)/.site-installed
	$(BIN)/newsbrief check --strict

## bench: measure builds against a corpus folder (CORPUS=...), write BENCHMARKS.md
bench: $(VENV)/.test-installed chromium
	$(BIN)/python -m benchmarks.run --corpus "$(CORPUS)"

## eval: score extraction against hand-labelled articles (SHARED=...), write EVALUATION.md
eval: $(VENV)/.site-installed
	$(BIN)/python -m evaluation.run --shared "$(SHARED)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements/site.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	@touch $@

## axe-core (accessibility checks in the browser tests), exactly as package-lock.json pins it
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "error: npm is missing; the browser tests need it to install axe-core." >&2; \
	  echo "Fix: install Node.js with npm (e.g. 'sudo apt-get install nodejs npm'), then 'make test' again." >&2; \
	  exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@test -f $@ || { echo "error: npm ci did not install $@" >&2; exit 1; }
	@touch $@

## chromium: the browser tests need Debian's Chromium; install it as root, or stop loudly
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "error: $(CHROMIUM) is missing and this user cannot install it." >&2; \
	    echo "Fix: run 'sudo apt-get install chromium', then 'make test' again." >&2; \
	    exit 1; \
	  fi; \
	fi

## lock: re-resolve requirements/*.txt from requirements/*.in, with hashes
lock: $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-header -o site.txt site.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-header -o test.txt test.in

clean:
	rm -rf site .cache .pytest_cache .hypothesis
