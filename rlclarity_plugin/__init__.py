"""rl-clarity: see what a vision-based RL agent looks at, and why.

Re-implements OpenAI's "Understanding RL Vision" (Hilton et al., Distill 2020) and the
``lucid.scratch.rl_util`` algorithms on TensorFlow 2 / Keras 3 and PyTorch, and puts the
interface where users work: a TensorBoard tab, MLflow artifacts and a standalone HTML page.

The core install is framework-free; TensorFlow, PyTorch, procgen and MPI come with extras
(``pip install 'rl-clarity[keras]'``, ``[torch]``, ``[procgen]``, ``[mpi]``, ...) and are imported
only when something needs them.
"""

from __future__ import annotations

from ._version import __version__

__all__ = ["MissingExtraError", "__version__", "export_html", "missing_extra", "show"]


class MissingExtraError(ImportError, ValueError):
    """An optional dependency is missing: the message is one line naming the extra to install.

    An ``ImportError`` for library code, and a ``ValueError`` so that the command line reports
    it as one line, like any other input it cannot work with."""


def missing_extra(package: str | tuple[str, ...], extra: str, needed_for: str,
                  error: ImportError | None = None, alternative: str = "") -> MissingExtraError:
    """The error to raise when ``package`` cannot be imported for ``needed_for``: one line,
    ``pip install 'rl-clarity[EXTRA]'`` and ``alternative`` (e.g. ``"or use --backend torch"``).

    ``package``: the import name, or several that the extra installs together (the first is
    named, e.g. ``("tensorflow", "keras")``). ``error``: the original ImportError; when it is
    about something else than these being absent (an installed package that fails to import),
    its first line is included."""
    names = (package,) if isinstance(package, str) else tuple(package)
    roots = {name.split(".")[0] for name in names}
    root = names[0].split(".")[0]
    missing = error is None or (isinstance(error, ModuleNotFoundError)
                                and (error.name or "").split(".")[0] in roots)
    if missing:
        what = "which is not installed"
    else:
        detail = (str(error).strip().splitlines() or ["no details"])[0][:200]
        what = f"which cannot be imported ({type(error).__name__}: {detail})"
    alt = f", {alternative}" if alternative else ""
    return MissingExtraError(f"{needed_for} needs {root}, {what}: pip install "
                             f"'rl-clarity[{extra}]'{alt}", name=root)


def export_html(*args, **kwargs):
    """``rlclarity_plugin.export.export_html`` (imported on first use): see there."""
    from .export import export_html as _export_html

    return _export_html(*args, **kwargs)


def __getattr__(name: str):
    """``show``: ``rlclarity_plugin.notebook.show`` (the interface inline in a Jupyter notebook),
    imported on first use; the function itself, so that notebooks show its signature and help
    and an error's traceback has no extra frame."""
    if name == "show":
        from .notebook import show

        return show
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
