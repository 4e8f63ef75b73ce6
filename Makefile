# Two commands do everything on a fresh machine with Python 3.11+:
#   make lab    set up and open the course in JupyterLab (your own workspace)
#   make test   set up and run every test: unit, notebooks, figures, browser, hub
# Re-running is fast: the kit is reinstalled only when pyproject.toml changes.

PYTHON    ?= python3
VENV      ?= .venv
BIN       := $(VENV)/bin
WORKSPACE ?= $(HOME)/vipp-course
PORT      ?= 8888
PYTEST_ARGS ?=
# The course's language: `make lab LANG=sv` (svenska) or `LANG=nb` (norsk bokmål); English
# otherwise. LANG is also the system's locale variable (e.g. sv_SE.UTF-8): only a value
# given on the command line chooses the edition, and JupyterLab is then given the full
# locale name, not "sv". Without LANG= a workspace keeps the language it has.
ifeq ($(origin LANG),command line)
COURSE_LANG := $(LANG)
override LANG := $(or $(if $(filter sv,$(COURSE_LANG)),sv_SE.UTF-8),$(if $(filter nb no,$(COURSE_LANG)),nb_NO.UTF-8),C.UTF-8)
endif
# JupyterLab refuses to run as root unless told; CI and containers run as root.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lab test test-fast figures editions lint format clean help

help:
	@echo "make lab      - set up and open the course in JupyterLab (LANG=sv or LANG=nb: svenska, norsk)"
	@echo "make test     - set up and run the whole test suite"
	@echo "make figures  - rebuild every figure and figures/summary.csv"
	@echo "make editions - participant and instructor notebooks in build/editions/"
	@echo "make lint     - ruff lint and format check"

# uv (https://docs.astral.sh/uv/) makes the environment and installs several times
# faster than venv + pip; it is used when installed (`make lab UV=` to use pip).
# run.py (for machines without make) does the same steps.
UV ?= $(shell command -v uv 2>/dev/null)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'
ifneq ($(UV),)
	$(UV) venv --quiet --seed --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')" $(VENV)
else
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
endif

# One stamp per extra: the kit is installed again only when pyproject.toml is newer.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
ifneq ($(UV),)
	$(UV) pip install --quiet --python $(BIN)/python -e ".[$*]"
else
	$(BIN)/python -m pip install --quiet -e ".[$*]"
endif
	@touch $@

# configurable-http-proxy (Node) for the JupyterHub tests, kept inside .venv.
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy
$(CHP):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/node configurable-http-proxy@4 ; \
	else echo "npm not found: the JupyterHub tests will be skipped (they fail in CI)"; fi

# axe-core (npm) for the accessibility browser tests, also kept inside .venv.
AXE := $(VENV)/node/node_modules/axe-core/axe.min.js
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@4 ; \
	else echo "npm not found: the accessibility tests will be skipped (they fail in CI)"; fi

# The course server always asks for its login token, whatever Jupyter configuration
# this machine has: Jupyter reads config files only from the kit's own folder
# (LAB_CONFIG_DIR) and the kit's environment, never from ~/.jupyter, ~/.local/etc/jupyter
# or JUPYTER_CONFIG_PATH, where e.g. c.IdentityProvider.token = "" would switch the
# login off. JupyterLab makes a fresh random token at every start.
LAB_CONFIG_DIR := $(abspath $(VENV))/jupyter-config
LAB_ENV := env -u JUPYTER_CONFIG_PATH -u JUPYTER_PREFER_ENV_PATH -u JUPYTER_NO_CONFIG \
  -u JUPYTER_TOKEN -u JUPYTER_TOKEN_FILE JUPYTER_CONFIG_DIR="$(LAB_CONFIG_DIR)" PYTHONNOUSERSITE=1

lab: $(VENV)/.installed-lab
	$(BIN)/course-kit workspace init "$(WORKSPACE)" $(if $(COURSE_LANG),--lang "$(COURSE_LANG)")
	$(BIN)/course-kit lab-language --workspace "$(WORKSPACE)"
	@mkdir -p "$(LAB_CONFIG_DIR)"
	$(LAB_ENV) $(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $(ROOT_FLAG) \
	  --ServerApp.root_dir="$(WORKSPACE)"

test: $(VENV)/.installed-test $(CHP) $(AXE)
	PATH="$(abspath $(VENV)/node/node_modules/.bin):$(abspath $(BIN)):$$PATH" \
	  $(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not browser and not hub" $(PYTEST_ARGS)

figures: $(VENV)/.installed-test
	$(BIN)/python -m course_kit figures --out figures

editions: $(VENV)/.installed-test
	$(BIN)/python scripts/make_editions.py --out build/editions

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf figures test-artifacts .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
