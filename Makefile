# Two commands a new machine needs: `make run` and `make test`. Each creates .venv and installs the project if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRACTS ?= sample/extracts
OUT ?= out
PORT ?= 3000

.PHONY: install run test bench sample ui validate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/covenants run --extracts $(EXTRACTS) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pipelines.bench

sample: $(STAMP)
	$(BIN)/python -m pipelines.sample --out $(EXTRACTS)

validate: $(STAMP)
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(BIN)/dagster definitions validate -w workspace.yaml

ui: $(STAMP)
	$(BIN)/covenants ui --port $(PORT)

clean:
	rm -rf $(OUT) .dagster_home
