# Two commands: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

.PHONY: demo test lint typecheck clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@$(BIN)/python -m compare.demo

lint: $(STAMP)
	$(BIN)/ruff check compare tests benchmarks
	$(BIN)/ruff format --check compare tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/alignment.py --check
	$(BIN)/python benchmarks/splitter.py
	$(BIN)/python benchmarks/extraction.py --fixtures
	$(BIN)/python benchmarks/extraction.py benchmarks/data/extraction-sample --check
	$(BIN)/python benchmarks/facets.py --check

clean:
	rm -rf $(VENV) reports/*.html reports/*.json reports/*.md
