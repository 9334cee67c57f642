# Two commands do all set-up on a fresh machine:
#   make demo   build the sample deck into build/
#   make test   install what the tests need (system packages included) and run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := decks/social-media-society

.PHONY: demo test golden bench templates clean system-deps

demo: $(VENV)/.installed
	$(BIN)/slidegen build $(SAMPLE) -o build

test: $(VENV)/.installed-test system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test system-deps
	command -v pandoc >/dev/null 2>&1 || bash tools/install-system-deps.sh pandoc
	$(BIN)/python bench/run.py --out docs/benchmarks.md

templates: $(VENV)/.installed
	$(BIN)/python tools/make_templates.py

golden: $(VENV)/.installed-test
	$(BIN)/python -m pytest --update-golden -q tests

system-deps:
	bash tools/install-system-deps.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf build .pytest_cache
