# Two commands do all set-up on a fresh machine:
#   make demo   build the sample deck into build/
#   make test   install what the tests need (system packages included), lint, and run the whole suite
# For everyday work:
#   make check  the quick tier: every test but the browser, office, bench, slow and new-user ones,
#               on every core (about 55 s on a two-core machine, some 100 s of CPU)
#   make lint   ruff and mypy
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := decks/social-media-society

.PHONY: demo test check lint golden bench fuzz templates clean system-deps
QUICK := not browser and not office and not bench and not slow and not new_user

demo: $(VENV)/.installed
	$(BIN)/slidegen build $(SAMPLE) -o build

test: $(VENV)/.installed-test system-deps lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Bytecode is kept (in .pytest_cache/, which make clean removes) even where PYTHONDONTWRITEBYTECODE is
# set: without it every worker compiles and rewrites some 200 test and plugin modules again, and every
# command-line test compiles slidegen again, several seconds of each run. Work-stealing hands the
# last tests to whichever worker is free, so neither waits at the end for the other's queue.
check: $(VENV)/.installed-test
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/.pytest_cache/bytecode \
	  $(BIN)/python -m pytest -q -n auto --dist worksteal -m "$(QUICK)" --hypothesis-profile=quick $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy

bench: $(VENV)/.installed-test system-deps
	command -v pandoc >/dev/null 2>&1 || bash tools/install-system-deps.sh pandoc
	$(BIN)/python bench/run.py --out docs/benchmarks.md

# Coverage-guided fuzzing of the untrusted-input paths, FUZZ_SECONDS per target; a finding stops
# with the input saved as crash-* in fuzz-findings/.
FUZZ_SECONDS ?= 300
fuzz: $(VENV)/.installed-test
	$(BIN)/python -m pip install -q -e '.[fuzz]'
	mkdir -p fuzz-findings
	for target in post picture render deck; do \
	  (cd fuzz-findings && $(abspath $(BIN))/python ../tests/fuzz/fuzz.py $$target -max_total_time=$(FUZZ_SECONDS)) || exit 1; \
	done

templates: $(VENV)/.installed
	$(BIN)/python tools/make_templates.py

golden: $(VENV)/.installed-test
	$(BIN)/python -m pytest --update-golden -q tests

system-deps:
	bash tools/install-system-deps.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

clean:
	rm -rf build .pytest_cache
