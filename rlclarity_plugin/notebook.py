"""The whole interface inside a Jupyter notebook, with no server and no widget extension.

``show(logdir, run)`` returns an object that notebooks display as an ``<iframe>`` holding the
standalone export (``export.html.export_html``: the same front end, its data inlined, no
network), sandboxed to scripts only. The output is plain ``text/html``, which every notebook
host renders, so nothing has to be installed into the host and nothing depends on its version:

* JupyterLab 4 and Notebook 7 render a trusted output's HTML as is (a cell run in this session,
  or a saved notebook the user trusts); the iframe's scripts run in an opaque origin, isolated
  from the notebook (keys pressed in the interface stay in it, it cannot read the notebook, the
  notebook's styles do not reach it). An untrusted output (a notebook opened from elsewhere) is
  sanitised: the iframe is removed and the text inside the element remains, which says so and
  how to show it (run the cell again, or trust the notebook).
* VS Code and Colab render ``text/html`` outputs in an iframe of their own; this iframe nests in
  it and needs no script of theirs. A ``srcdoc`` document inherits the host's
  Content-Security-Policy: the page needs inline scripts, ``data:`` images and no fetch, which
  VS Code's notebook webview allows (it sets no policy unless ``notebook.experimental.enableCsp``,
  and that one allows inline scripts and ``data:`` images) and Colab's output frames too.
* Static viewers that sanitise (GitHub, nbviewer with untrusted HTML) show the same notice.

The iframe's document (``srcdoc``) is a small loader holding the page gzip-compressed and in
base64, which it unpacks (``DecompressionStream``, as the front end itself uses) and writes as
its document (``document.open`` / ``write``): the page itself, the same bytes as ``rl-clarity
export`` writes. Why not the page itself in ``srcdoc``: the export's text encoding of binary
parts uses every ASCII character, control characters included, which the attribute would
escape (``&``, ``"``: +7 %) and a notebook's JSON much more (``\u0001``...: the ``.ipynb`` was
2.6 times the page, measured); base64 has no character either escapes, gzip takes back what
the text encoding adds, and the output is about 1.17 times the page in both. A notebook keeps
outputs in the ``.ipynb`` file and saves the whole file at every (auto)save, so the default
``max_size`` is 16 MiB of page (about 19 MiB of notebook), not the export's 50 MiB; above it
nothing is shown and the error lists the biggest parts and the arguments that drop them.

Escaping: the loader's only text from outside is the title (``html.escape``) and base64; the
loader is then escaped for the attribute (``&``, ``"``, ``<``, ``>`` as entities), so no run
name, title or store text can end the attribute or the element.
"""

from __future__ import annotations

import base64
import functools
import gzip
import html
import re

MIB = 2**20
DEFAULT_MAX_SIZE = 16 * MIB
DEFAULT_HEIGHT = 800

NOTICE = ("RL Clarity: the interface is an embedded page, which this viewer does not show "
          "(an untrusted notebook's outputs are sanitised). Run the cell again, or trust the "
          "notebook, to display it.")

# Unpacks #rlc-packed (base64 of the gzip-compressed page) and makes it the document.
_UNPACK = """addEventListener("DOMContentLoaded", async () => {
  try {
    const text = atob(document.getElementById("rlc-packed").textContent);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    const page = await new Response(stream).text();
    document.open();
    document.write(page);
    document.close();
  } catch (error) {
    document.body.textContent = "RL Clarity: this browser could not unpack the page (" +
      error + "). Save it with show(...).save(PATH) and open the file.";
  }
});"""

_SELECTION_HINT = (
    "In show(), drop parts with layers=[...], trajectories=[...], outputs=[...], "
    "subdiv_mults=[...], expand_mults=[...] or full_resolution=False, or raise max_size "
    f"(default {DEFAULT_MAX_SIZE // MIB} MiB for a notebook; None for no limit).")


class NotebookView:
    """One analysis (or a compare page) shown inline: ``_repr_html_`` / ``_repr_mimebundle_``.

    Attributes: ``page`` (the standalone page, bytes, as ``export_html`` returns it), ``size``
    (its bytes), ``title`` (the page's title), ``width`` and ``height`` (CSS lengths of the
    iframe), ``document`` (the iframe's document: the loader holding the packed page).
    ``save(path)`` writes the page as a standalone HTML file.
    """

    def __init__(self, page: bytes, title: str, width: str = "100%",
                 height: str = f"{DEFAULT_HEIGHT}px"):
        self.page, self.title, self.width, self.height = page, title, width, height
        self.size = len(page)

    @functools.cached_property
    def document(self) -> str:
        """The iframe's document: the loader with the packed page (see the module)."""
        packed = base64.b64encode(gzip.compress(self.page, 6, mtime=0)).decode("ascii")
        return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                f"<title>{html.escape(self.title)}</title></head>"
                '<body style="margin:0;font:14px sans-serif">'
                f'<script type="text/plain" id="rlc-packed">{packed}</script>'
                f"<script>{_UNPACK}</script></body></html>")

    def html(self) -> str:
        """The ``<iframe>`` element (what the notebook shows)."""
        style = (f"width:{self.width};height:{self.height};border:1px solid #ddd;"
                 "box-sizing:border-box;display:block;resize:vertical;background:#fff")
        return (f'<iframe sandbox="allow-scripts" title="{_attribute(self.title)}" '
                f'style="{_attribute(style)}" data-rl-clarity="1" '
                f'srcdoc="{_attribute(self.document)}">{NOTICE}</iframe>')

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": self.html(), "text/plain": repr(self)}

    def save(self, path: str) -> str:
        """Write the page (a standalone HTML file, as ``rl-clarity export`` writes) to ``path``
        (a temporary name, then a rename: a failed write leaves nothing at ``path``)."""
        from .store import files

        files.write_atomic(path, self.page)
        return path

    def __repr__(self) -> str:
        return (f"<{self.title}: a {self.size / MIB:.1f} MiB page, "
                f"{len(self.document) / MIB:.1f} MiB packed in the notebook's HTML output>")


def show(logdir: str, run: str, step: int | None = None, *, height: int | str = DEFAULT_HEIGHT,
         width: int | str = "100%", max_size: int | None = DEFAULT_MAX_SIZE,
         **options) -> NotebookView:
    """The interface for the analysis of ``run`` at ``step``, displayed inline in a notebook.

    Make it the last expression of a cell (or pass it to ``IPython.display.display``)::

        import rlclarity_plugin
        rlclarity_plugin.show("runs/", "agentA")                         # latest step
        rlclarity_plugin.show("runs/", "agentA", 1000, compare=("agentA", 2000))
        rlclarity_plugin.show("runs/", "agentA", layers=["2b"], trajectories=[0, 1])

    Args:
        logdir, run, step: as ``export_html`` (step None: the latest analysis of the run).
        height, width: the iframe's size (pixels, or a CSS length such as ``"80vh"``); the
            interface scrolls inside it, and its lower edge can be dragged.
        max_size: refuse (``ExportTooLarge``) a page above this many bytes; None for no limit.
            The default, 16 MiB, is about 19 MiB in the notebook (the page compressed, in
            base64), which saves the whole ``.ipynb`` at every (auto)save.
        options: the export's selection, passed through: ``layers``, ``trajectories``,
            ``outputs``, ``subdiv_mults``, ``expand_mults``, ``full_resolution``, ``title`` and
            ``compare=(run_b, step_b)`` for the compare view.

    Raises:
        StoreError: no such run or step, or its analysis is incomplete or corrupt.
        ValueError: an unknown layer, output, trajectory or feature variant.
        ExportTooLarge: above ``max_size``; the message lists the biggest parts.
        These are raised from here with the export's message and without its internal
        traceback (a notebook shows one short error, never a broken page).
    """
    if "out" in options:
        raise TypeError("show() displays the page; export_html(logdir, run, step, out=PATH) "
                        "writes it to a file")
    width, height = _length(width), _length(height)
    from .export import ExportTooLarge, export_html

    failure = None
    try:
        result = export_html(logdir, run, step, None, max_size=max_size, **options)
    except ExportTooLarge as error:  # written for the command line and MLflow: say show()'s
        lines = [re.sub(r" \(MLflow [^)]*\)", "", line) for line in str(error).splitlines()
                 if not line.startswith("Drop some")]
        failure = ExportTooLarge("\n".join([*lines, _SELECTION_HINT]))
    except ValueError as error:  # StoreError and selection errors: the store's own message
        failure = error.with_traceback(None)
    if failure is not None:
        # IPython (every Jupyter host's Python kernel) shows this instead of a traceback
        failure._render_traceback_ = lambda: [f"{type(failure).__name__}: {failure}"]
        raise failure from None
    page = result.html
    match = re.search(rb"<title>(.*?)</title>", page[:4096], re.S)
    title = html.unescape(match.group(1).decode("utf-8")) if match else f"RL Clarity: {run}"
    return NotebookView(page, title, width, height)


def _length(value: int | float | str) -> str:
    """A CSS length: a number is pixels; a string must be one length (no other CSS)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value <= 0:
            raise ValueError(f"an iframe size must be positive, got {value}")
        return f"{value:g}px"
    text = str(value).strip()
    if not re.fullmatch(r"\d+(\.\d+)?(px|%|vh|vw|em|rem)", text):
        raise ValueError(f"an iframe size is a number of pixels or a CSS length such as "
                         f"'900px', '100%' or '80vh', got {value!r}")
    return text


def _attribute(text: str) -> str:
    """``text`` as a double-quoted attribute value: it cannot end the attribute or the tag."""
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace(">", "&gt;"))
