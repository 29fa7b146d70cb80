# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/chronicle extract examples/*.txt --dates examples/published.tsv
	$(BIN)/chronicle ingest examples/ --db demo.duckdb --dates examples/published.tsv --update
	$(BIN)/chronicle actors --top 10 --db demo.duckdb
	$(BIN)/chronicle quotes --limit 10 --db demo.duckdb
	$(BIN)/chronicle timeline Otieno --db demo.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

eval: $(STAMP)
	$(BIN)/python -m eval

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
