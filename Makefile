# The two set-up commands of the README: `make demo` and `make test`.
# Each creates the virtual environment it needs (.venv) and installs everything itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint clean

$(STAMP): setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Main job on the shipped default: analyse demo:coinrun into runs/demo, then TensorBoard on it.
demo: $(STAMP)
	$(BIN)/rl-clarity demo --logdir runs/demo

# Everything the tests need, then the whole suite (lint included).
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check rlclarity_plugin mlflow_hooks tests setup.py

clean:
	rm -rf $(VENV) build *.egg-info
