# Two commands a new machine needs: `make run` and `make test`. Each creates .venv and installs the project if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRACTS ?= sample/extracts
OUT ?= out
PORT ?= 3000
# make sample SCALE=N: every trial-balance account split into N sub-accounts, as Parquet (docs/sample.md); a scaled
# sample goes to a folder outside the repository unless EXTRACTS names one
SCALE ?= 1
FORMAT ?= $(if $(filter 1,$(SCALE)),csv,parquet)
# make bench SCALE=N times the quarter end at N times the sample's trial balances too (100 unless told; QUICK=1: none)
BENCH_SCALE := $(if $(filter file,$(origin SCALE)),100,$(SCALE))
# make mutate: values, dates and comparisons changed one at a time in a copy of the project, each mutant run against the
# tests that read its file (docs/mutation.md); QUICK=1: 24 of them; JOBS: mutants run at once
JOBS ?= 2
SAMPLE_OUT := $(if $(and $(filter-out 1,$(SCALE)),$(filter file,$(origin EXTRACTS))),/tmp/covenants-sample-x$(SCALE),$(EXTRACTS))

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
	$(BIN)/python -m pipelines.bench --scale $(BENCH_SCALE) $(if $(QUICK),--quick)

mutate: $(STAMP)
	$(BIN)/python tests/mutation/mutate.py --jobs $(JOBS) $(if $(QUICK),--quick)

sample: $(STAMP)
	$(BIN)/python -m pipelines.sample --out $(SAMPLE_OUT) --scale $(SCALE) --format $(FORMAT)

validate: $(STAMP)
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(BIN)/dagster definitions validate -w workspace.yaml

ui: $(STAMP)
	$(BIN)/covenants ui --port $(PORT)

clean:
	rm -rf $(OUT) .dagster_home
