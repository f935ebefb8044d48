# Set-up is part of every target: a fresh machine needs only Python 3.10+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/bench
# The second development corpus (issue 17): 1,497 modern pages of seven page types.
WCXB ?= ../shared/wcxb-dev


.PHONY: train train-arbiter
.PHONY: run test lint deps typecheck chromium fixtures goldens months rules-check bench bench-quality bench-cross bench-scale bench-speed fuzz clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

# An editable install leaves the package's own modules uncompiled, and where
# PYTHONDONTWRITEBYTECODE is set (this machine) they are compiled again at every start:
# about 0.1 s of the CLI's start-up. compileall writes the bytecode once.
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m compileall -q cleaner >/dev/null
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/clean --sample --meta

# The browser test (tests/test_report_browser.py) needs Debian's chromium. Install it once where
# apt-get runs as root (CI, containers); elsewhere the test skips and says why.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
			|| echo "make: could not install chromium; the browser test will be skipped"; \
	else echo "make: chromium is missing (apt-get as root installs it); the browser test will be skipped"; fi

test: $(VENV)/.dev chromium lint deps typecheck
	$(BIN)/python -m pytest

# ruff over the package, tests and benchmarks (rules in pyproject.toml, [tool.ruff]).
lint: $(VENV)/.dev
	$(BIN)/ruff check .

# deptry: every module cleaner/ imports is declared in pyproject.toml, and every declared
# run-time dependency is used ([tool.deptry] says which extras are tools, not run time).
deps: $(VENV)/.dev
	$(BIN)/deptry cleaner

# mypy over every module of the package ([tool.mypy] in pyproject.toml).
typecheck: $(VENV)/.dev
	$(BIN)/mypy

fixtures: $(VENV)/.dev
	$(BIN)/python -m pytest tests/test_fixtures.py

goldens: $(VENV)/.dev
	$(BIN)/python -m tests.goldens
	git --no-pager diff --stat -- fixtures/ || true

# cleaner/months.json: month names of every locale, from the installed dateparser (cleaner/dates.py
# reads the file; deriving the table at run time took 0.4 s per process). tests/test_dates.py says when it is stale.
months: $(VENV)/.dev
	$(BIN)/python -c "from cleaner.dates import write_month_table; write_month_table()"
	git --no-pager diff --stat -- cleaner/months.json || true

rules-check: $(VENV)/.installed
	$(BIN)/clean rules check

bench: bench-quality bench-speed

# Retrain the learned layer (cleaner/classify/weights.json) on both corpora; prints its
# cross-validated figures per corpus and page type, and each corpus scored by a model trained
# without it (about 20 minutes on two shared cores: 6 reading the pages, the rest fitting).
train: $(VENV)/.dev
	$(BIN)/python bench/train.py --data $(DATA) --data $(WCXB) --jobs 2

# Retrain the HTML block arbiter (cleaner/html/arbiter.json) on both corpora's HTML captures;
# prints its cross-validated and cross-corpus figures. Rerun after a change to the HTML path:
# the arbiter weighs the cleaner's own reading.
train-arbiter: $(VENV)/.dev
	$(BIN)/python bench/train_arbiter.py --data $(DATA) --data $(WCXB) --jobs 2 --add-only --add-grid 0.5,0.6,0.7,0.8,0.9,0.95,1.01

# Both corpora, every capture form and page type, the peers beside (their outputs cached in
# .cache/bench, so a rerun runs only the cleaner), metadata, and the floors checked (minutes).
bench-quality: $(VENV)/.dev
	$(BIN)/python bench/quality.py --data $(DATA) --data $(WCXB)

# The learned layer trained on one corpus and scored on the other, both ways; the figures go to
# bench/crosscorpus.json, which bench-quality prints (several minutes).
bench-cross: $(VENV)/.dev
	$(BIN)/python bench/crosscorpus.py --data $(DATA) --data $(WCXB)

# Docs/s, MB/s and peak memory beside trafilatura, readability-lxml, jusText and resiliparse in
# the same run; start-up; profiles written to bench/profiles/ (a few minutes).
bench-speed: $(VENV)/.dev
	$(BIN)/python bench/speed.py --data $(DATA)

# --jobs 1 against --jobs 2, and peak memory on 500 against 10,000 documents (minutes).
bench-scale: $(VENV)/.dev
	$(BIN)/python bench/scale.py --data $(DATA)

# atheris over decode, segment, html, rules and the whole pipeline, FUZZ_SECONDS each (not
# part of `make test` or CI). Crashing inputs land in .fuzz/crashes/; see tests/FUZZING.md.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= decode segment html rules clean

# pip first, as the venv step does, for a venv made some other way: Python 3.11's own pip
# (23.2) misreads newer metadata (it skips lxml 6's html_clean extra, for one).
$(VENV)/.fuzz: pyproject.toml | $(VENV)/.dev
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,fuzz]"
	touch $@

fuzz: $(VENV)/.fuzz
	@failed=""; for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(BIN)/python tests/fuzz/fuzz.py $$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (inputs in .fuzz/crashes/)"; exit 1; fi

clean-venv:
	rm -rf $(VENV)
