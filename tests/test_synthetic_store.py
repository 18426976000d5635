"""The synthetic store (tests/support/synthetic.py) against stores written by the real job: the
same files, the same fields and types, pictures of the same sizes, the same event-file tags and
probe-set arrays; only the numbers differ. Run on the real job (TensorFlow), so not in the fast
tier."""

import gzip
import io
import json
import os
import re

import numpy as np
import pytest
from PIL import Image

from tests.conftest import run_analyze
from tests.support import store
from tests.support.synthetic import analysis_config, write_analysis

HEX = re.compile(r"[0-9a-f]{16,64}")
# fields whose values are numbers of the analysis, compared by type only (offsets: and length)
NUMBERS = {"bookmarks", "n_iter", "bytes"}


def skeleton(value, key=None):
    """``value`` (parsed JSON) with every float replaced by "float", hashes by "HEX", the
    fields of ``NUMBERS`` by their type and byte offsets by their count: what must be equal
    between a real and a synthetic store."""
    if key in NUMBERS:
        return type(value).__name__
    if key == "offsets":
        return ["int"] * len(value)
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(v) for v in value]
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return HEX.sub("HEX", value)
    return value


def tree(run_dir, step) -> list:
    """The files of the analysis at ``step`` in a run folder (its asset folder, its event file,
    the probe sets), relative, hashes replaced."""
    out = []
    for dirpath, _, names in os.walk(run_dir):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), run_dir)
            parts = rel.split(os.sep)
            if rel.startswith(f"events.out.tfevents.{step:016d}.") or \
                    parts[:3] in (["plugins", "rl_clarity", str(step)],
                                  ["plugins", "rl_clarity", "probe_sets"]):
                out.append(HEX.sub("HEX", rel))
    return sorted(out)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def compare_analyses(real_logdir, real_run, syn_logdir, syn_run, step):
    real_dir, syn_dir = (os.path.join(d, r) for d, r in ((real_logdir, real_run),
                                                          (syn_logdir, syn_run)))
    assert tree(syn_dir, step) == tree(real_dir, step)
    real_step = os.path.join(real_dir, "plugins", "rl_clarity", str(step))
    syn_step = os.path.join(syn_dir, "plugins", "rl_clarity", str(step))
    real_inputs = json.loads(read(os.path.join(real_step, "inputs.json")))
    syn_inputs = json.loads(read(os.path.join(syn_step, "inputs.json")))
    # the same options record but the checkpoint's digest and the probe set's id
    for inputs in (real_inputs, syn_inputs):
        inputs["checkpoint"].pop("weights_sha256")
        inputs["probe_set"] = {k: HEX.sub("HEX", str(v)) if k == "id" else v
                               for k, v in inputs["probe_set"].items()}
    assert syn_inputs == real_inputs
    checked = 0
    for dirpath, _, names in os.walk(real_step):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), real_step)
            a, b = read(os.path.join(real_step, rel)), read(os.path.join(syn_step, rel))
            if rel.endswith(".json"):
                ja, jb = json.loads(a), json.loads(b)
                if rel == "manifest.json":
                    for m in (ja, jb):
                        m["inputs"]["checkpoint"].pop("weights_sha256")
                        if m["probe_set"]["path"]:  # absolute path of a reused probe set
                            m["probe_set"]["path"] = os.path.basename(m["probe_set"]["path"])
                    assert syn_run == jb["run"]
                    jb["run"] = ja["run"]
                    for kind in ("high", "low"):
                        E, T = jb["probe_set"]["trajectories"], jb["probe_set"]["steps"]
                        assert jb["bookmarks"][kind] and all(
                            0 <= e < E and 0 <= t < T for e, t in jb["bookmarks"][kind])
                assert skeleton(jb) == skeleton(ja), rel
            elif rel.endswith(".webp"):
                ia, ib = Image.open(io.BytesIO(a)), Image.open(io.BytesIO(b))
                assert (ib.size, ib.mode) == (ia.size, ia.mode), rel
            elif rel.endswith(".gz"):
                assert len(gzip.decompress(b)) == len(gzip.decompress(a)), rel
            elif rel.endswith(".bin"):  # full-resolution frames: a WebP each, back to back
                index = json.loads(read(os.path.join(syn_step, rel[:-4] + ".json")))
                o = index["offsets"]
                frame = Image.open(io.BytesIO(b[o[0]:o[1]]))
                assert list(frame.size[::-1]) + [3] == index["shape"], rel
                assert o[-1] == len(b)
            else:
                raise AssertionError(f"unexpected file {rel}")
            checked += 1
    assert checked > 20
    # the event file: the same tags, dtypes, shapes and summary metadata
    real_series = store.event_series(real_logdir, real_run, step)
    syn_series = store.event_series(syn_logdir, syn_run, step)
    assert sorted(syn_series) == sorted(real_series)
    for tag, value in real_series.items():
        assert (syn_series[tag].dtype, syn_series[tag].shape) == (value.dtype, value.shape), tag
    # the probe set: the same arrays and metadata fields
    probes = []
    for d in (real_dir, syn_dir):
        folder = os.path.join(d, "plugins", "rl_clarity", "probe_sets")
        if os.path.isdir(folder):
            (name,) = os.listdir(folder)
            with np.load(os.path.join(folder, name)) as z:
                probes.append({k: z[k] for k in z.files})
    if probes:
        (pa, pb) = probes
        assert sorted(pb) == sorted(pa)
        for key in pa:
            if key == "metadata" or key.startswith("full_"):
                continue
            assert (pb[key].dtype, pb[key].shape) == (pa[key].dtype, pa[key].shape), key
        ma, mb = (json.loads(bytes(p["metadata"]).decode()) for p in probes)
        assert skeleton(mb) == skeleton(ma)


def test_procgen_combos_are_the_agents():
    from rlclarity_plugin.agents.original import PROCGEN_ACTION_COMBOS
    from tests.support import synthetic

    assert synthetic.PROCGEN_ACTION_COMBOS == PROCGEN_ACTION_COMBOS


@pytest.mark.parametrize("run,step", [("agentA", 1000), ("agentA", 2000),
                                      ("nested/agentB", 1000)])
def test_the_shared_logdir_is_the_real_jobs_but_for_the_numbers(real_analysed_logdir,
                                                                analysed_logdir, run, step):
    compare_analyses(real_analysed_logdir, run, analysed_logdir, run, step)


def test_other_options_and_full_resolution(real_analysed_logdir, tmp_path):
    """Another configuration (no input layer, the value only, one layer, other variants) with
    human-scale frames: the real job and the factory write the same store."""
    args = ["--traj-envs", "1", "--traj-steps", "8", "--obs-envs", "2", "--obs-per-env", "8",
            "--obs-every", "2", "--layers", "4a", "--nmf-features", "2", "--subdiv-mults",
            "1", "--expand-mults", "2", "3", "--bookmarks", "3", "--no-progress",
            "--full-resolution"]
    ckpt = os.path.join(os.path.dirname(real_analysed_logdir), "ckpt-1000")
    run_analyze(ckpt, "--logdir", str(tmp_path / "real"), "--run", "r", "--step", "5", *args)
    from tests.support.synthetic import CLEAR_LAYERS

    write_analysis(str(tmp_path / "syn"), "r", 5, analysis_config(*args),
                   layers=tuple(x for x in CLEAR_LAYERS if x.name == "4a"))
    compare_analyses(str(tmp_path / "real"), "r", str(tmp_path / "syn"), "r", 5)
