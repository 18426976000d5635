"""``rlclarity_plugin.show``: the interface inline in a notebook, with no server or extension.

Unit level: the output is one ``<iframe sandbox="allow-scripts" srcdoc=...>`` whose document is
exactly the export's page, whatever a run name or title holds; errors are the export's, raised
with no internal traceback. In the browser: a real Jupyter server (JupyterLab 4 and the
Notebook 7 UI it also serves) with the virtualenv's kernel, driven by Debian's Chromium: the
cells run, the interface renders inside the output's iframe and answers clicks and keys, the
error cell shows one short error, nothing is requested outside the server, and a saved output
shows the interface when the notebook is trusted and a notice when it is not.
"""

import base64
import gzip
import html.parser
import inspect
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import traceback
import urllib.request
from pathlib import Path

import nbformat
import pytest

import rlclarity_plugin
from rlclarity_plugin import notebook
from rlclarity_plugin.export import ExportTooLarge
from rlclarity_plugin.store.reader import StoreError
from tests.support.browser import needs_chromium

HOSTILE_RUN = 'x"&amp;<b>a</script><iframe>'  # one "/": a nested run (two directories)
HOSTILE_TITLE = 't"</iframe><script>alert(1)</script>&quot;'
LAYERS = ["2b", "4a"]  # a selection: all layers of the test analysis are about the default limit
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def logdir(analysed_logdir, tmp_path_factory):
    """The shared analysed logdir plus a copy of agentA under a hostile run name."""
    root = tmp_path_factory.mktemp("notebook") / "logs"
    shutil.copytree(analysed_logdir, root, symlinks=True)
    shutil.copytree(root / "agentA", root.joinpath(*HOSTILE_RUN.split("/")))
    return str(root)


class Markup(html.parser.HTMLParser):
    """Every tag, attribute and text of a fragment, as a browser's tokenizer sees them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.starts, self.ends, self.text = [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.ends.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_output_is_one_sandboxed_iframe_holding_the_page(logdir):
    view = rlclarity_plugin.show(logdir, HOSTILE_RUN, 1000, layers=LAYERS, title=HOSTILE_TITLE,
                                 height=700, width="90%")
    page = rlclarity_plugin.export_html(logdir, HOSTILE_RUN, 1000, layers=LAYERS,
                                        title=HOSTILE_TITLE).html
    assert view.page == page and view.size == len(page) and view.title == HOSTILE_TITLE
    out = view._repr_html_()
    bundle = view._repr_mimebundle_()
    assert bundle["text/html"] == out and HOSTILE_TITLE in bundle["text/plain"]
    # one element, nothing outside it
    markup = Markup(out)
    assert [tag for tag, _ in markup.starts] == ["iframe"] and markup.ends == ["iframe"]
    attrs = markup.starts[0][1]
    assert attrs["sandbox"] == "allow-scripts" and attrs["title"] == HOSTILE_TITLE
    assert "width:90%;height:700px;" in attrs["style"]
    assert "".join(markup.text) == notebook.NOTICE
    # no quote, tag or raw ampersand is left inside the attribute
    inside = out[out.index(' srcdoc="') + 9:out.rindex('">')]
    assert not set('"<>') & set(inside) and "&" not in inside.replace("&amp;", "").replace(
        "&quot;", "").replace("&lt;", "").replace("&gt;", "")
    # the iframe's document: the title, then the page exactly, gzip-compressed in base64
    document = Markup(attrs["srcdoc"])
    assert [tag for tag, _ in document.starts] == [
        "html", "head", "meta", "title", "body", "script", "script"]
    assert document.text[0] == HOSTILE_TITLE and document.starts[5][1]["id"] == "rlc-packed"
    assert gzip.decompress(base64.b64decode(document.text[1], validate=True)) == page
    # what a notebook file holds: about the page's size, not the 2.6 times of a raw srcdoc
    nb = nbformat.from_dict(notebook_json(["x"], [bundle]))
    assert len(out) < 1.3 * len(page) and len(nbformat.writes(nb).encode()) < 1.3 * len(page)
    for size in ("100px;background:red", "1e9px", "-5px", "", "calc(1px)"):
        with pytest.raises(ValueError, match="CSS length"):
            notebook.show(logdir, "agentA", 1000, height=size, layers=LAYERS)
    with pytest.raises(TypeError, match="export_html"):
        notebook.show(logdir, "agentA", out="x.html")


def test_save_writes_the_standalone_page(logdir, tmp_path):
    view = notebook.show(logdir, "agentA", 1000, layers=["4a"], compare=("agentA", 2000))
    assert view.title == "RL Clarity: agentA at step 1000 vs agentA at step 2000"
    assert Path(view.save(str(tmp_path / "page.html"))).read_bytes() == view.page


def short_error(expected, call):
    """``call`` raises ``expected`` with no frame of the export and no chained exception."""
    with pytest.raises(expected) as info:
        call()
    frames = traceback.extract_tb(info.value.__traceback__)
    assert frames[-1].filename == notebook.__file__ and frames[-1].name == "show"
    assert all("export" not in Path(f.filename).parts for f in frames), frames
    assert info.value.__suppress_context__ and info.value.__cause__ is None
    # what IPython shows instead of a traceback: one line
    assert info.value._render_traceback_() == [f"{type(info.value).__name__}: {info.value}"]
    return str(info.value)


def test_errors_are_the_exports_with_a_short_traceback(logdir):
    show = rlclarity_plugin.show
    message = short_error(StoreError, lambda: show(logdir, "agentA", 77))
    assert message == "run 'agentA' has no analysis at step 77 (steps: [1000, 2000])"
    assert "no complete analysis in run 'nope'" in short_error(
        StoreError, lambda: show(logdir, "nope"))
    assert "no complete analysis in run 'broken'" in short_error(
        StoreError, lambda: show(logdir, "broken"))
    assert "corrupt manifest.json" in short_error(StoreError, lambda: show(logdir, "corrupt"))
    assert "unknown layers ['9z']" in short_error(
        ValueError, lambda: show(logdir, "agentA", layers=["9z"]))
    assert "unknown" in short_error(
        ValueError, lambda: show(logdir, "agentA", compare=("agentA", 1000), layers=["9z"]))
    assert "no analysis at step 5" in short_error(
        StoreError, lambda: show(logdir, "agentA", compare=("agentA", 5)))
    # too big: the biggest parts and show()'s own arguments, not the command line's flags
    message = short_error(ExportTooLarge, lambda: show(logdir, "agentA", 1000, layers=["4a"],
                                                       max_size=100_000))
    assert "over the limit of 0.1 MiB" in message and "layer 4a" in message
    assert "layers=[...]" in message and "max_size" in message
    assert "--layers" not in message and "MLflow" not in message
    # a notebook's default is smaller than the export's
    default = inspect.signature(notebook.show).parameters["max_size"].default
    assert default == notebook.DEFAULT_MAX_SIZE == 16 * 2**20


def test_importing_the_package_imports_no_notebook_or_framework():
    code = ("import sys, rlclarity_plugin\n"
            "import rlclarity_plugin.notebook\n"
            "assert rlclarity_plugin.show is rlclarity_plugin.notebook.show\n"
            "heavy = ('IPython', 'ipykernel', 'tensorflow', 'keras', 'torch', 'numpy')\n"
            "print([m for m in heavy if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=REPO)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


# -- a real Jupyter server in Chromium --------------------------------------------------------

TOKEN = "rlc-notebook-test-token"
KERNEL = "rlc-test"


def notebook_json(cells, outputs=None) -> dict:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "rl-clarity test",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    for cell, out in zip(nb.cells, outputs or []):
        cell.outputs = [nbformat.v4.new_output("display_data", data=out)]
    return nb


class JupyterServer:
    """``jupyter lab`` on a free port with a token, a temporary root and Jupyter directories
    of its own (no user settings, workspaces or kernels), the virtualenv's Python as kernel."""

    def __init__(self, root: Path, home: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.data_dir = home / "data"
        spec = self.data_dir / "kernels" / KERNEL
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "rl-clarity test", "language": "python"}))
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
               "JUPYTER_DATA_DIR": str(self.data_dir), "JUPYTER_PATH": str(self.data_dir),
               "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython"),
               "JUPYTER_PLATFORM_DIRS": "1", "PYTHONPATH": str(REPO),
               "TF_CPP_MIN_LOG_LEVEL": "3"}
        self.log = open(home / "server.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={self.port}", "--port-retries=0", f"--IdentityProvider.token={TOKEN}",
             f"--ServerApp.root_dir={root}", "--ServerApp.terminals_enabled=False",
             "--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
             "--LabApp.extension_manager=readonly",
             *(["--allow-root"] if os.geteuid() == 0 else [])],
            cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.wait_ready(home / "server.log")

    def wait_ready(self, log: Path, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited:\n{log.read_text(errors='replace')}")
            try:
                request = urllib.request.Request(f"{self.base}/api/status",
                                                 headers={"Authorization": f"token {TOKEN}"})
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"jupyter lab not ready:\n{log.read_text(errors='replace')}")
            time.sleep(0.25)

    def url(self, path: str) -> str:
        return f"{self.base}/{path}?token={TOKEN}"

    def stop(self):
        """SIGTERM to the server's process group (the server shuts its kernels down)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="module")
def jupyter(tmp_path_factory):
    root = tmp_path_factory.mktemp("jupyter-root")
    server = JupyterServer(root, tmp_path_factory.mktemp("jupyter-home"))
    server.root = root
    yield server
    server.stop()


# JupyterLab reopens the tabs of its workspace: each test page has a workspace of its own
# (lab/workspaces/NAME/tree/PATH), so that it shows one notebook

def watched_page(browser, server):
    """A page that records problems (uncaught errors, dialogs) and aborts any request that would
    leave the Jupyter server (recorded too). Errors of the host's own bundles are not ours
    (Notebook 7.6.5 throws one while loading any notebook): only the others are recorded."""
    page = browser.new_page(viewport={"width": 1500, "height": 1100})
    page.problems, page.outside = [], []
    host = server.base + "/static/"
    page.on("pageerror", lambda e: host in (e.stack or "") or page.problems.append(
        f"pageerror {e} {e.stack}"))
    page.on("dialog", lambda d: (page.problems.append("dialog " + d.message), d.dismiss()))
    local = (server.base + "/", f"ws://127.0.0.1:{server.port}/", "data:", "blob:", "about:")

    def route(r):
        if r.request.url.startswith(local):
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda r: r.url.startswith(local) or page.outside.append(r.url))
    return page


def frame_of(page, index: int):
    """The Playwright frame of the ``index``-th output iframe once its first frame is drawn."""
    iframes = page.locator("iframe[data-rl-clarity]")
    iframes.nth(index).wait_for(timeout=180000)
    # Chromium does not draw frames for an iframe of another origin out of the viewport
    iframes.nth(index).scroll_into_view_if_needed()
    iframes.nth(index).content_frame.locator("body[data-first-frame-ms]").wait_for(
        timeout=120000)
    return iframes.nth(index).element_handle().content_frame()


def run_all(page):
    """Run every cell in order: Shift+Enter in the first cell's editor, then in each next one
    (the notebook selects the next cell after each run)."""
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    cells.first.wait_for(timeout=120000)
    # a cell run before the notebook has its kernel (the toolbar's "No Kernel") does nothing
    page.locator(".jp-KernelName", has_text="rl-clarity test").wait_for(timeout=120000)
    page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').wait_for(
        timeout=120000)
    page.locator(".jp-Notebook .jp-CodeCell .cm-content").first.click()
    for _ in range(cells.count()):
        page.keyboard.press("Shift+Enter")


def exercise(page, frame):
    """The interface rendered: attribution drawn, legend and trajectories there, no error
    banner; the arrow key steps the frame, a legend click opens the feature popup."""
    tid = lambda name: frame.locator(f'[data-testid="{name}"]')
    assert frame.locator('[data-testid^="legend-disc-"]').count() >= 4
    assert tid("traj-0").count() == 1 and tid("traj-1").count() == 1
    assert tid("error").count() == 0
    canvas = tid("attr-canvas-0-pos")
    assert canvas.evaluate("c => c.width * c.height") > 0
    label = tid("frame-label")
    before = int(label.inner_text().split(":")[1])
    label.click()
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(
        "b => Number(document.querySelector('[data-testid=frame-label] b').textContent) === b",
        arg=before + 1)
    tid("legend-0").click()
    tid("popup-image").wait_for()
    assert tid("popup-image").evaluate("img => img.naturalWidth") > 0
    tid("popup-close").click()


CELLS = [
    "import rlclarity_plugin\n"
    "rlclarity_plugin.show({logdir!r}, {run!r}, 1000, layers={layers!r}, title={title!r})",
    "rlclarity_plugin.show({logdir!r}, 'agentA', 1000, compare=('agentA', 2000), "
    "layers=['4a'], height=800)",
    "rlclarity_plugin.show({logdir!r}, 'corrupt')",
]


def run_notebook_in(browser, jupyter, logdir, name: str, path: str):
    cells = [c.format(logdir=logdir, run=HOSTILE_RUN, layers=LAYERS, title=HOSTILE_TITLE)
             for c in CELLS]
    (jupyter.root / name).write_text(json.dumps(notebook_json(cells)))
    page = watched_page(browser, jupyter)
    page.goto(jupyter.url(path + name))
    run_all(page)
    frame = frame_of(page, 0)
    exercise(page, frame)
    assert HOSTILE_TITLE == frame.evaluate("document.title")
    # the compare view
    compare = frame_of(page, 1)
    compare.locator('[data-testid="compare-status"]').wait_for(timeout=60000)
    for side in ("a", "b"):
        compare.locator(f'[data-testid="pane-{side}"] [data-testid="attr-canvas-0-pos"]'
                        ).wait_for()
    assert compare.locator('[data-testid="error"]').count() == 0
    # the failing cell: one error with the store's message, no frame of the export
    error = page.locator(".jp-Notebook .jp-CodeCell").nth(2).locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    error.wait_for(timeout=120000)
    text = error.inner_text().strip()
    assert "Error: run 'corrupt'" in text and "corrupt manifest.json" in text, text
    assert len(text.splitlines()) == 1 and "Traceback" not in text, text
    assert page.locator("iframe[data-rl-clarity]").count() == 2
    assert page.problems == [] and page.outside == []
    page.close()


@pytest.mark.slow
@needs_chromium
def test_jupyterlab_runs_the_cells_and_shows_the_interface(browser, jupyter, logdir):
    run_notebook_in(browser, jupyter, logdir, "lab.ipynb", "lab/workspaces/run/tree/")


@pytest.mark.slow
@needs_chromium
def test_notebook7_runs_the_cells_and_shows_the_interface(browser, jupyter, logdir):
    run_notebook_in(browser, jupyter, logdir, "nb7.ipynb", "notebooks/")


@pytest.mark.slow
@needs_chromium
def test_saved_output_shows_when_trusted_and_a_notice_when_not(browser, jupyter, logdir):
    """A notebook saved with the output: signed (trusted) it shows the interface with no kernel
    run; unsigned (from elsewhere) its HTML is sanitised and the notice is what remains."""
    from nbformat.sign import NotebookNotary

    view = notebook.show(logdir, "agentA", 1000, layers=["4a"])
    nb = notebook_json(["rlclarity_plugin.show(...)"], [view._repr_mimebundle_()])
    # trust is per content (a notebook's digest in the server's database): another source
    other = notebook_json(["rlclarity_plugin.show(...)  # elsewhere"], [view._repr_mimebundle_()])
    (jupyter.root / "untrusted.ipynb").write_text(json.dumps(other))
    NotebookNotary(data_dir=str(jupyter.data_dir)).sign(nb)
    (jupyter.root / "trusted.ipynb").write_text(json.dumps(nb))
    page = watched_page(browser, jupyter)
    page.goto(jupyter.url("lab/workspaces/trusted/tree/trusted.ipynb"))
    exercise(page, frame_of(page, 0))
    assert page.problems == [] and page.outside == []
    page.close()
    page = watched_page(browser, jupyter)
    page.goto(jupyter.url("lab/workspaces/untrusted/tree/untrusted.ipynb"))
    output = page.locator('.jp-Notebook .jp-OutputArea-output[data-mime-type="text/html"]')
    output.wait_for(timeout=120000)
    assert output.locator("iframe").count() == 0
    assert output.inner_text().strip() == notebook.NOTICE
    assert "jp-mod-trusted" not in output.get_attribute("class")
    assert page.problems == [] and page.outside == []
    page.close()
