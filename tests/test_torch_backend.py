"""The torch backend held to the Keras backend and to independent references.

* the demo agent's weights ported to torch give the same logits and values (<= 1e-5), the same
  activations, IG, multi-path attribution and input gradients, and the same stored attribution
  through the analysis job (within the encoding's tolerance);
* Captum's ``IntegratedGradients`` on the head with a zero baseline (test-only) agrees with the
  backend's IG to 1e-4 relative for the rules both implement;
* cuts are exact or refused: a skip connection around a module, an output computed by a separate
  trunk and a module called twice are each caught with a clear message.
"""

import numpy as np
import pytest
import torch
from torch import nn

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.agents.keras_backend import multi_path_attribution
from rlclarity_plugin.agents.torch_backend import TorchSpec, resolve_device, torch_agent
from rlclarity_plugin.analysis.attribution import logit_output, value_output
from rlclarity_plugin.analysis.config import AttributionConfig
from rlclarity_plugin.analysis.nmf import AttributionNMF, NMFConfig


@pytest.fixture(scope="module")
def agents():
    return load_checkpoint("demo:coinrun"), load_checkpoint("demo:coinrun", backend="torch",
                                                            device="cpu")


@pytest.fixture(scope="module")
def frames():
    """12 real CoinRun frames (random actions) and 4 random-pixel frames."""
    from rlclarity_plugin.envs import make_env

    rng = np.random.default_rng(3)
    out = []
    with make_env("procgen", "coinrun", 4, seed=3, distribution_mode="easy") as env:
        for t in range(30):
            _, obs, _ = env.observe()
            if t % 10 == 9:
                out.append(obs.copy())
            env.act(rng.integers(0, 15, 4))
    out.append(rng.integers(0, 256, (4, 64, 64, 3), dtype=np.uint8))
    return np.concatenate(out)


def rel_l2(a, b):
    """Relative L2 error of ``a`` against ``b`` per item of the first axis."""
    a = np.asarray(a, np.float64).reshape(len(a), -1)
    b = np.asarray(b, np.float64).reshape(len(b), -1)
    return np.linalg.norm(a - b, axis=1) / np.maximum(np.linalg.norm(b, axis=1), 1e-12)


def test_the_port_computes_the_keras_function(agents, frames):
    keras_agent, torch_agent_ = agents
    assert torch_agent_.framework == "torch" and keras_agent.framework == "keras"
    kl, kv = keras_agent(frames)
    tl, tv = torch_agent_(frames)
    assert np.abs(kl - tl).max() <= 1e-5 and np.abs(kv - tv).max() <= 1e-5
    assert torch_agent_.network.layer_names == keras_agent.network.layer_names
    for name in keras_agent.network.layer_names:
        assert torch_agent_.network.layer_shape(name) == keras_agent.network.layer_shape(name)
        assert torch_agent_.network.layer_kind(name) == keras_agent.network.layer_kind(name)


@pytest.mark.parametrize("layer", ["1a", "2b", "4a"])
def test_activations_and_ig_agree_with_keras(agents, frames, layer):
    keras_agent, torch_agent_ = agents
    ka = keras_agent.network.activations(layer, frames)
    ta = torch_agent_.network.activations(layer, frames)
    assert rel_l2(ta, ka).max() <= 1e-5
    outputs = [value_output(), logit_output(7)]
    config = AttributionConfig()
    kig = keras_agent.network.integrated_gradients(layer, outputs, config)
    tig = torch_agent_.network.integrated_gradients(layer, outputs, config)
    k, t = kig(ka), tig(ka)
    for o in range(2):
        assert rel_l2(t[o], k[o]).max() <= 1e-4, (layer, o, rel_l2(t[o], k[o]).max())
    np.testing.assert_allclose(tig.delta(ka), kig.delta(ka), rtol=1e-4, atol=1e-5)
    # completeness, computed here from the head's outputs
    err = tig.completeness_error(ka, t)
    assert np.median(err) <= 0.05


def test_input_gradients_and_multi_path_agree_with_keras(agents, frames):
    keras_agent, torch_agent_ = agents
    outputs = [value_output()]
    g_k = keras_agent.network.input_gradients(frames[:6], outputs)
    g_t = torch_agent_.network.input_gradients(frames[:6], outputs)
    assert rel_l2(g_t[0], g_k[0]).max() <= 1e-4
    acts = keras_agent.network.activations("4a", frames)
    ig = keras_agent.network.integrated_gradients("4a", outputs, AttributionConfig(8))
    nmf = AttributionNMF(NMFConfig(features=4)).fit(ig(acts)[0])
    _, head = keras_agent.network.cut("4a")
    k = multi_path_attribution(head, acts[:5], 15, outputs, nmf, 5, 8, seed=2)
    t = torch_agent_.network.multi_path("4a", outputs, 4, 8, 1 << 30)(acts[:5], nmf, 5, 2)
    assert rel_l2(t[0], k[0]).max() <= 1e-4


class _Head(nn.Module):
    """The head after a cut as a module of the activations, for Captum."""

    def __init__(self, network, layer, output):
        super().__init__()
        self.network, self.cut, self.output = network, network._cut(layer), output

    def forward(self, acts):
        logits, value = self.network._head(self.cut, acts)
        return value if self.output == "v" else logits[:, self.output]


@pytest.mark.parametrize(("rule", "method"), [("right", "riemann_right"),
                                              ("midpoint", "riemann_middle")])
def test_ig_agrees_with_captum(agents, frames, rule, method):
    from captum.attr import IntegratedGradients as CaptumIG

    _, torch_agent_ = agents
    net = torch_agent_.network
    acts = net.activations("2b", frames[:6])
    ours = net.integrated_gradients("2b", [value_output(), logit_output(3)],
                                    AttributionConfig(16, rule))(acts)
    for o, output in enumerate(["v", 3]):
        ref = CaptumIG(_Head(net, "2b", output)).attribute(
            torch.as_tensor(acts), baselines=0.0, n_steps=16, method=method)
        assert rel_l2(ours[o], ref.detach().numpy()).max() <= 1e-4


def test_the_analysis_job_stores_the_same_attribution_on_both_backends(tmp_path, agents):
    from rlclarity_plugin.analysis.config import AnalysisConfig
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.analysis.layers import LayerConfig
    from rlclarity_plugin.envs.probe_config import ProbeConfig
    from rlclarity_plugin.envs.rollouts import collect_probe_set
    from rlclarity_plugin.store.reader import LogdirReader

    keras_agent, _ = agents
    probe_config = ProbeConfig(traj_envs=2, traj_steps=12, obs_envs=4, obs_per_env=8,
                               obs_every=4, seed=4)
    probe = collect_probe_set(keras_agent, probe_config)
    probe_path = str(tmp_path / "probe.npz")
    probe.save(probe_path)
    config = AnalysisConfig(probe=probe_config, layers=LayerConfig(("2b",)),
                            nmf=NMFConfig(features=4))
    logdir = str(tmp_path / "logs")
    for backend in ("keras", "torch"):
        run_analysis("demo:coinrun", logdir, run=backend, step=1, probe_set=probe_path,
                     config=config, progress=False,
                     load_options={"backend": backend, "device": "cpu"})
    reader = LogdirReader(logdir)
    k_comps, t_comps = reader.components("keras", 1, "2b"), reader.components("torch", 1, "2b")
    np.testing.assert_allclose(t_comps, k_comps, rtol=1e-3, atol=1e-4)
    for e in range(2):
        k_maps, k_unit = reader.attribution("keras", 1, "2b", e, "v")
        t_maps, t_unit = reader.attribution("torch", 1, "2b", e, "v")
        # each is within 0.75 % of its own IG (the codec's bound) and the IGs agree to 1e-4
        assert rel_l2(t_maps, k_maps).max() <= 0.016
        np.testing.assert_allclose(t_unit.delta, k_unit.delta, rtol=1e-4, atol=1e-5)
    series_k, series_t = reader.series("keras", 1), reader.series("torch", 1)
    np.testing.assert_allclose(series_t["values"], series_k["values"], atol=1e-5)


# ---------------------------------------------------------------------------- cut checks

class _Skip(nn.Module):
    """``x + inner(x)``: a cut at ``inner`` is bypassed by the skip connection."""

    def __init__(self):
        super().__init__()
        self.inner = nn.Sequential(nn.Conv2d(4, 4, 3, padding=1), nn.ReLU())

    def forward(self, x):
        return x + self.inner(x)


class _TwoTrunks(nn.Module):
    """A policy trunk with a skip block and a shared ReLU module called twice, and a separate
    value trunk (like SB3's ``share_features_extractor=False``)."""

    def __init__(self):
        super().__init__()
        self.pi = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.ReLU(), _Skip())
        self.act = nn.ReLU()
        self.pi_conv = nn.Conv2d(4, 4, 3, stride=2, padding=1)
        self.vf = nn.Sequential(nn.Conv2d(3, 4, 5, stride=4, padding=2), nn.ReLU())
        self.logits = nn.Linear(4 * 4 * 4, 5)
        self.value = nn.Linear(4 * 4 * 4, 1)

    def forward(self, x):
        h = self.act(self.pi_conv(self.act(self.pi(x))))
        return self.logits(h.flatten(1)), self.value(self.vf(x).flatten(1))


@pytest.fixture(scope="module")
def two_trunks():
    torch.manual_seed(0)
    spec = TorchSpec(outputs=lambda m, x: m(x), trunk=("pi", "pi_conv", "vf"))
    return torch_agent(_TwoTrunks(), spec, observation_shape=(16, 16, 3), num_actions=5,
                       device="cpu")


def test_cuts_are_exact_or_refused_with_a_reason(two_trunks):
    net = two_trunks.network
    names = net.layer_names
    assert names[0] == "input"
    assert "act" not in names  # called twice: no single cut point
    assert {"pi.1", "pi.2", "pi.2.inner.1", "vf.1"} <= set(names)  # a container
    assert "pi.2.inner" not in names  # passing on its last child's output is listed once
    net.check_cut("pi.1", ("logits",))
    with pytest.raises(ValueError, match="bypasses it"):
        net.check_cut("pi.2.inner.1", ("logits",))
    with pytest.raises(ValueError, match="cannot be attributed for the value"):
        net.check_cut("pi.1", ("value",))
    with pytest.raises(ValueError, match="cannot be attributed for the logits"):
        net.check_cut("vf.1", ("logits",))
    net.check_cut("vf.1", ("value",))
    # exact where accepted: the head of the trunk is the model, to float rounding
    obs = np.random.default_rng(0).integers(0, 256, (3, 16, 16, 3), dtype=np.uint8)
    logits, values = net.forward(obs)
    acts = net.activations("vf.1", obs)
    ig = net.integrated_gradients("vf.1", [value_output()], AttributionConfig())
    np.testing.assert_allclose(ig.scores(acts)[:, 0], values, rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="cannot be attributed for the logits"):
        net.integrated_gradients("vf.1", [logit_output(0)], AttributionConfig())


def test_bad_models_and_devices_get_one_clear_line():
    spec = TorchSpec(outputs=lambda m, x: m(x), trunk="")
    with pytest.raises(ValueError, match=r"logits have shape \(5,\).*expected \(7,\)"):
        torch_agent(_TwoTrunks(), spec, observation_shape=(16, 16, 3), num_actions=7,
                    device="cpu")
    with pytest.raises(ValueError, match="does not run on observations of shape"):
        torch_agent(_TwoTrunks(), spec, observation_shape=(20, 20, 5), num_actions=5,
                    device="cpu")
    with pytest.raises(ValueError, match=r"expected a torch\.nn\.Module"):
        torch_agent(object(), spec, observation_shape=(16, 16, 3), num_actions=5)
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="no CUDA device"):
            resolve_device("cuda")
    with pytest.raises(ValueError, match="unknown backend"):
        load_checkpoint("demo:coinrun", backend="jax")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device here")
def test_cuda_agrees_with_cpu(frames):
    cpu = load_checkpoint("demo:coinrun", backend="torch", device="cpu")
    gpu = load_checkpoint("demo:coinrun", backend="torch", device="cuda")
    acts = cpu.network.activations("2b", frames)
    config = AttributionConfig()
    a = cpu.network.integrated_gradients("2b", [value_output()], config)(acts)
    b = gpu.network.integrated_gradients("2b", [value_output()], config)(acts)
    assert rel_l2(b[0], a[0]).max() <= 1e-3
