# The two set-up commands of the README: `make demo` and `make test`.
# Each creates the virtual environment it needs (.venv) and installs everything itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo
# The package's core is framework-free; the demo needs the Keras backend and procgen, the tests
# every extra (the `test` extra names them all). torch is pinned here, not in pyproject.toml: on
# these machines "torch<2.14" resolves to the CPU build 2.13.0+cpu (~200 MB) instead of PyPI's
# CUDA build (~5.8 GB). `.[gpu]` replaces `.[keras]` (never both: two TensorFlow distributions).
DEMO_EXTRAS := keras,procgen
TEST_EXTRAS := test
TORCH_PIN := "torch<2.14"

.PHONY: demo test test-fast install lint clean browser frontend

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(DEMO_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e ".[$(DEMO_EXTRAS)]"
	touch $@

# everything: the test set-up includes the demo's
$(STAMP): pyproject.toml tests/constraints.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e ".[$(TEST_EXTRAS)]" $(TORCH_PIN) -c tests/constraints.txt
	touch $@ $(DEMO_STAMP)

install: $(STAMP)

# Main job on the shipped default: analyse demo:coinrun into runs/demo, then TensorBoard on it.
demo: $(DEMO_STAMP)
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

# Everything the tests need, then the whole suite (lint included) on two workers (pytest-xdist;
# --dist loadfile: a module runs whole on one worker, so its fixtures are made once; many tests
# wait on servers, browsers and child processes, so two workers fit 2 cores). The 30 slowest
# tests are listed at the end.
test: $(STAMP) browser tb_frontend/node_modules/.package-lock.json
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --durations=30

# The edit-test loop: store, schema, codec, parameter, view, plugin-route and export tests on
# synthetic stores, no browser, no TensorFlow job (under a minute on 2 cores; tests/conftest.py
# says which).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m fast

lint: $(STAMP)
	$(BIN)/ruff check rlclarity_plugin mlflow_hooks tests benchmarks examples
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) build *.egg-info
