# The two set-up commands of the README: `make demo` and `make test`.
# Each creates the virtual environment it needs (.venv) and installs everything itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint clean browser frontend

$(STAMP): setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Main job on the shipped default: analyse demo:coinrun into runs/demo, then TensorBoard on it.
demo: $(STAMP)
	$(BIN)/rl-clarity demo --logdir runs/demo

# What the browser and bundle tests need besides Python: Debian's Chromium (Playwright drives it;
# browser downloads are not used) and the front end's npm packages (the tests rebuild the bundle).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	command -v chromium >/dev/null || { $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

tb_frontend/node_modules/.package-lock.json: tb_frontend/package-lock.json
	cd tb_frontend && npm ci --no-audit --no-fund

frontend: tb_frontend/node_modules/.package-lock.json
	cd tb_frontend && npm run build

# Everything the tests need, then the whole suite (lint included).
test: $(STAMP) browser tb_frontend/node_modules/.package-lock.json
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check rlclarity_plugin mlflow_hooks tests setup.py

clean:
	rm -rf $(VENV) build *.egg-info
