# Two commands a new machine needs: `make run` and `make test`. Each creates .venv and installs the project if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRACTS ?= sample/extracts
OUT ?= out
PORT ?= 3000
UV_VERSION := 0.13.8
# make sample SCALE=N: every trial-balance account split into N sub-accounts, as Parquet (docs/sample.md); a scaled
# sample goes to a folder outside the repository unless EXTRACTS names one
SCALE ?= 1
FORMAT ?= $(if $(filter 1,$(SCALE)),csv,parquet)
# make bench SCALE=N times the quarter end at N times the sample's trial balances too (800, 21.7 million rows, unless
# told; QUICK=1: none),
# written as Parquet unless FORMAT=csv
BENCH_SCALE := $(if $(filter file,$(origin SCALE)),800,$(SCALE))
BENCH_FORMAT := $(if $(filter file,$(origin FORMAT)),parquet,$(FORMAT))
# make mutate: values, dates and comparisons changed one at a time in a copy of the project, each mutant run against the
# tests that read its file (docs/mutation.md); QUICK=1: 24 of them; JOBS: mutants run at once
JOBS ?= 2
SAMPLE_OUT := $(if $(and $(filter-out 1,$(SCALE)),$(filter file,$(origin EXTRACTS))),/tmp/covenants-sample-x$(SCALE),$(EXTRACTS))

.PHONY: install lock docs run test bench sample ui validate clean mutate

# The dependencies come from requirements.lock, every file checked against its hash; the project itself is installed
# without them. `pip check` fails when pyproject.toml asks for a package the lock lacks: run `make lock`. The project's
# modules are compiled as pip compiles the dependencies': where PYTHONDONTWRITEBYTECODE is set, every command would
# otherwise compile them again (about 0.2 s a process). A module changed later is compiled afresh (its source is newer).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	$(BIN)/python -m compileall -q pipelines
	touch $(STAMP)

# requirements.lock from pyproject.toml's dependencies and its test extra, with hashes; a version already in the lock
# is kept while it still fits (`make lock UPGRADE=1` takes the newest of each)
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes --no-strip-extras --quiet \
		$(if $(UPGRADE),--upgrade) --output-file requirements.lock

install: $(STAMP)

# the pages of docs/ generated from the code; a test fails whenever one of them and the code disagree
docs: $(STAMP)
	$(BIN)/python -m pipelines.extracts.screen
	$(BIN)/python -m pipelines.extracts.document > docs/extracts.md
	$(BIN)/python -m pipelines.clause_index clauses > docs/clauses.md
	$(BIN)/python -m pipelines.clause_index glossary > docs/glossary.md
	$(BIN)/python -m pipelines.architecture --write
	$(BIN)/python -m pipelines.models.shipped_readings

run: $(STAMP)
	$(BIN)/covenants run --extracts $(EXTRACTS) --out $(OUT)

# ruff first ([tool.ruff] in pyproject.toml): an undefined or unused name fails in a second, not in a test run; then
# sqlfluff on sql/ ([tool.sqlfluff.core]; .sqlfluffignore leaves out sql/explain/ and sql/screens/, whose $parameters
# it cannot read); then the tests in one process per core, each module's tests in one process (its fixtures made once),
# the slowest modules first (tests/conftest.py, SLOWEST_FIRST)
test: $(STAMP)
	$(BIN)/ruff check pipelines tests
	$(BIN)/sqlfluff lint --processes 2 sql
	$(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder

bench: $(STAMP)
	$(BIN)/python -m pipelines.bench --scale $(BENCH_SCALE) --format $(BENCH_FORMAT) $(if $(QUICK),--quick)

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
