# Two commands set everything up on a machine with only python3 (>= 3.11):
#   make demo   create .venv and open nervelog on the demo journal
#   make test   create .venv and run every check (ruff, ruff format, mypy, pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint check venv bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/nervelog --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks data
	$(BIN)/ruff format --check src tests benchmarks data
	$(BIN)/mypy src

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
