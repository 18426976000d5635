"""The version of rl-clarity (one place: the package, the store and setup.py read it)."""

__version__ = "0.1.0"
