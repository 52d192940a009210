# Two commands do everything on a fresh clone (Python 3.11+ is all you need installed):
#   make brief   set up .venv and build output/brief.html and output/brief.pdf from the bundled data
#   make test    set up .venv with the dev tools and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=
PYTEST_ARGS ?=

.PHONY: brief test lab check list clean notebooks benchmark

brief: $(VENV)/.build-installed
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { \
	  echo "WeasyPrint cannot load its system libraries (Pango, HarfBuzz)."; \
	  echo "Install them, e.g. on Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b"; \
	  echo "on macOS: brew install pango"; exit 1; }
	$(BIN)/brief build $(ARGS)

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lab: $(VENV)/.dev-installed
	$(BIN)/jupyter lab notebooks/

check: $(VENV)/.build-installed
	$(BIN)/brief check

list: $(VENV)/.build-installed
	$(BIN)/brief list

# Regenerate the .ipynb notebooks from their paired percent scripts (the reviewable source).
notebooks: $(VENV)/.build-installed
	$(BIN)/jupytext --sync notebooks/*.py

benchmark: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/build_times.py

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version)). Set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.build-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(VENV)/.build-installed $@

clean:
	rm -rf output/executed output/sections output/failed output/.cache output/brief*.html output/brief*.pdf output/*changes.md
