"""Each backend runs without the other framework: a probe set collected on a machine with
TensorFlow and procgen, carried to one with only PyTorch (TensorFlow, Keras, procgen and mpi4py
cannot be imported there), is analysed on the torch backend and read back; a Keras analysis
imports no torch. Both run in child processes that block the other side's packages, so nothing
is mocked: ``sys.modules[name] = None`` for TensorFlow's side (any import of them fails), an
import finder for torch's (scipy's array-API helpers take even a ``None`` entry for an imported
torch)."""

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from rlclarity_plugin.envs.rollouts import ProbeSet
from rlclarity_plugin.store.reader import LogdirReader

pytestmark = pytest.mark.slow

KERAS_SIDE = ("tensorflow", "keras", "procgen", "gym3", "mpi4py")
TORCH_SIDE = ("torch", "captum", "stable_baselines3")
LAYERS = ("2b", "4a")

CHILD = textwrap.dedent("""
    import json, sys

    blocked = {blocked!r}
    if {finder!r}:  # as if not installed: imports fail, sys.modules holds no entry
        class Blocker:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in blocked:
                    raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
                return None

        sys.meta_path.insert(0, Blocker())
    else:
        for name in blocked:
            sys.modules[name] = None  # an import of it now raises ModuleNotFoundError

    import rlclarity_plugin.agents.checkpoint
    import rlclarity_plugin.analysis.job
    if {torch!r}:
        import rlclarity_plugin.agents.torch_backend
    from rlclarity_plugin.analysis.config import AnalysisConfig, FeatureConfig, NMFConfig
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.analysis.layers import LayerConfig
    from rlclarity_plugin.store.reader import LogdirReader

    config = AnalysisConfig(layers=LayerConfig(name_contains_one_of={layers!r}),
                            nmf=NMFConfig(features=3),
                            features=FeatureConfig(subdiv_mults=(1.0,), expand_mults=(2.0, 4.0)))
    options = {{"backend": "torch", "device": "cpu"}} if {torch!r} else {{"backend": "keras"}}
    summary = run_analysis("demo:coinrun", {logdir!r}, run="demo", probe_set={probe!r},
                           config=config, progress=False, load_options=options)
    reader = LogdirReader({logdir!r})
    manifest = reader.manifest("demo", summary["step"])
    frames, unit = reader.attribution("demo", summary["step"], "4a", 0, "v")
    loaded = sorted(m for m, mod in sys.modules.items()
                    if mod is not None and m.split(".")[0] in blocked)
    print("RESULT " + json.dumps({{"step": summary["step"], "loaded": loaded,
                                  "layers": [layer.name for layer in manifest.layers],
                                  "maps": list(frames.shape),
                                  "torch": "torch" in sys.modules and
                                           sys.modules["torch"] is not None}}))
""")


def _run_child(blocked, torch, logdir, probe, finder=False):
    code = CHILD.format(blocked=tuple(blocked), finder=finder, torch=torch, logdir=str(logdir),
                        probe=str(probe), layers=LAYERS)
    # a lone process (no launcher variables: world_comm() stays serial)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PMI_SIZE", "OMPI_COMM_WORLD_SIZE", "PMIX_RANK")}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


@pytest.fixture(scope="module")
def probe_set(tmp_path_factory):
    """Collected here, with the Keras demo agent in procgen (the "CPU machine")."""
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.envs.probe_config import ProbeConfig
    from rlclarity_plugin.envs.rollouts import collect_probe_set

    agent = load_checkpoint("demo:coinrun", backend="keras")
    probe = collect_probe_set(agent, ProbeConfig(traj_envs=2, traj_steps=12, obs_envs=4,
                                                 obs_per_env=4, obs_every=3, seed=1))
    return probe.save(str(tmp_path_factory.mktemp("probe") / "probe.npz"))


@pytest.fixture(scope="module")
def torch_only(probe_set, tmp_path_factory):
    logdir = tmp_path_factory.mktemp("torch_only") / "logs"
    return str(logdir), _run_child(KERAS_SIDE, True, logdir, probe_set)


@pytest.fixture(scope="module")
def keras_only(probe_set, tmp_path_factory):
    logdir = tmp_path_factory.mktemp("keras_only") / "logs"
    return str(logdir), _run_child(TORCH_SIDE, False, logdir, probe_set, finder=True)


def test_torch_analysis_without_tensorflow_procgen_or_mpi(torch_only, probe_set):
    logdir, result = torch_only
    assert result["torch"] and result["loaded"] == []
    assert result["layers"] == list(LAYERS) and result["maps"][0] == 12
    reader = LogdirReader(logdir)
    assert reader.runs() == ["demo"] and reader.steps("demo") == [result["step"]]
    m = reader.manifest("demo", result["step"])
    assert m.probe_set.trajectories == 2 and m.probe_set.steps == 12
    assert m.inputs["probe_set"]["id"] == ProbeSet.load(probe_set).probe_id
    series = reader.series("demo", result["step"])
    assert series["values"].shape == (2, 12) and series["logits"].shape == (2, 12, 15)
    assert np.isfinite(series["values"]).all()
    assert reader.components("demo", result["step"], "4a").shape[0] == 3


def test_keras_analysis_imports_no_torch(keras_only, torch_only):
    logdir, result = keras_only
    assert not result["torch"] and result["loaded"] == []
    assert result["layers"] == list(LAYERS)
    # both backends, one agent, one probe set: the same values and logits
    keras_series = LogdirReader(logdir).series("demo", result["step"])
    torch_series = LogdirReader(torch_only[0]).series("demo", torch_only[1]["step"])
    for name in ("values", "logits"):
        np.testing.assert_allclose(torch_series[name], keras_series[name], rtol=1e-3, atol=1e-3)
