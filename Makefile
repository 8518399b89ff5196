# Two commands on a fresh clone: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck setup clean bench soak lock lockcheck wheel-check

LOCK := requirements/dev.lock

# Dependencies come only from the hashed lock (scripts/lock.py); the project itself is then added editable.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) scripts/lock.py check
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP)

# Fails, naming the fix, when pyproject.toml's dependencies changed without `make lock`.
lockcheck:
	@$(PYTHON) scripts/lock.py check

# Re-resolve both locks from pyproject.toml (needs PyPI); commit them with the dependency change.
# Not after $(STAMP): that checks the lock first, which is what is being fixed here.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.5,<1'
	$(BIN)/python scripts/lock.py write $(BIN)/uv

demo: $(STAMP)
	$(BIN)/iop-bot demo

lint: $(STAMP)
	$(BIN)/ruff check bot tests benchmarks scripts
	$(BIN)/ruff format --check bot tests benchmarks scripts
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

# Three workers on two cores: much of the suite waits (fsync, the emulator's long polls, bot start-ups), so a
# third worker fills the idle time; 136 s against 170 s with two on the idle 2-core machine.
test: lockcheck lint typecheck
	$(BIN)/pytest -n 3 -q

# The long fault runs (about 40 minutes): 200 kill -9s of the bot during check-ins, 200 between fetching a
# crisis message and answering it, 200 of a key rotation (500 patients), 1,000 of the store mid-write, a
# flaky week for 200 patients, 1,000 fuzz examples.
soak: $(STAMP)
	IOP_SOAK=1 IOP_CRASH_KILLS=200 IOP_ROTATION_KILLS=200 IOP_ROTATION_PATIENTS=500 IOP_KILL9_ROUNDS=1000 $(BIN)/pytest -q -s tests/e2e/test_crash.py tests/e2e/test_crash_inbox.py tests/e2e/test_flaky_week.py tests/e2e/test_fuzz.py tests/store/test_rotation_kill9.py tests/store/test_kill9.py

# A wheel built from tracked files, installed from the hashed lock in a fresh venv, run from another directory.
wheel-check:
	scripts/wheel-check.sh

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
