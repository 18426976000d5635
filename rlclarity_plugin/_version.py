"""The version of rl-clarity, in one place: the package and the store use it, pyproject.toml
reads it (`attr:`), and tests/test_packaging.py checks tb_frontend/package.json against it."""

__version__ = "0.1.0"
