# Two commands on a fresh clone: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck setup clean bench soak

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/iop-bot demo

lint: $(STAMP)
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/ruff format --check bot tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -n 2 -q

# The long fault runs (about 15 minutes): 200 kill -9s, a flaky week for 200 patients, 1,000 fuzz examples.
soak: $(STAMP)
	IOP_SOAK=1 IOP_CRASH_KILLS=200 $(BIN)/pytest -q -s tests/e2e/test_crash.py tests/e2e/test_flaky_week.py tests/e2e/test_fuzz.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
