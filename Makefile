# Set-up is part of every target: a fresh machine needs only Python 3.10+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/bench

.PHONY: run test fixtures goldens rules-check bench bench-quality clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/clean --sample --meta

test: $(VENV)/.dev
	$(BIN)/python -m pytest

fixtures: $(VENV)/.dev
	$(BIN)/python -m pytest tests/test_fixtures.py

goldens: $(VENV)/.dev
	$(BIN)/python -m tests.goldens
	git --no-pager diff --stat -- fixtures/ || true

rules-check: $(VENV)/.installed
	$(BIN)/clean rules check

bench: bench-quality

bench-quality: $(VENV)/.dev
	$(BIN)/python bench/quality.py --data $(DATA)

clean-venv:
	rm -rf $(VENV)
