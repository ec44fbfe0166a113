# Quickstart: `make demo` (build everything into demo/, grade the sample submissions) and `make test`.
# dist/ holds the term's own zips: only `make build` writes there, and nothing here deletes it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The tests write Python's bytecode caches (__pycache__, ignored by git) even where the
# environment asks not to (PYTHONDONTWRITEBYTECODE): otherwise each xdist worker rewrites the
# asserts of every test module and each process a test starts compiles the project again.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

.PHONY: demo test check lint build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rnngrade demo --out demo

build: $(STAMP)
	$(BIN)/rnngrade build --out dist

test: lint
	@[ -x /usr/bin/chromium ] || echo "note: no /usr/bin/chromium: the class report's browser tests are skipped (apt-get install chromium, as .ci/run does)"
	$(PYTEST)

# the edit-test loop: lint and every test not marked slow
check: lint
	$(PYTEST) -m "not slow" -q

lint: $(STAMP)
	$(BIN)/ruff check autograder rnncheck solutions tests benchmarks
	$(BIN)/ruff format --check autograder rnncheck solutions tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf demo .pytest_cache
