"""Model editing (issue 19): projecting feature directions out through the next layer's kernel.

* the projection maths against independent references written here (the explicit formula,
  Gram-Schmidt), and the kernel projection against convolutions / dense layers computed here in
  numpy on projected inputs (not with the code under test);
* on tiny randomly initialised agents of both backends: the edited network's next-layer
  activations equal the original next layer applied to the projected activations (computed here
  with the framework's own layer / functional ops), its outputs equal the original head from
  them, the edit is recorded and survives saving; layers read by a skip connection or by
  something that is not linear are refused with one line.
"""

import numpy as np
import pytest
import torch
from torch import nn

from rlclarity_plugin.analysis.editing import (
    check_projection,
    max_abs_error,
    project_activations,
    project_kernel,
    projection,
)

# ------------------------------------------------------------------------- references (test)


def gram_schmidt(vectors):
    """Orthonormal basis (rows) of the span of ``vectors`` (rows), classical Gram-Schmidt."""
    basis = []
    for v in np.asarray(vectors, np.float64):
        w = v - sum((v @ b) * b for b in basis)
        if np.linalg.norm(w) > 1e-9:
            basis.append(w / np.linalg.norm(w))
    return np.array(basis)


def reference_projection(directions):
    q = gram_schmidt(np.atleast_2d(directions))
    return np.eye(q.shape[1]) - q.T @ q


def conv_hwio(x, k):
    """VALID cross-correlation, stride 1: x (N, H, W, C), k (kh, kw, C, D) -> (N, H', W', D)."""
    kh, kw = k.shape[:2]
    n, h, w, _ = x.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, k.shape[3]))
    for i in range(kh):
        for j in range(kw):
            out += x[:, i:i + h - kh + 1, j:j + w - kw + 1, :] @ k[i, j]
    return out


def rel(a, b):
    return max_abs_error(a, b) / max(float(np.abs(b).max()), 1e-12)


# ------------------------------------------------------------------------- pure maths

def test_one_direction_is_the_explicit_formula(rng):
    v = rng.random(7)
    p = projection(v)
    assert p.dtype == np.float64 and p.shape == (7, 7)
    np.testing.assert_allclose(p, np.eye(7) - np.outer(v, v) / (v @ v), atol=1e-14)
    np.testing.assert_allclose(p @ v, 0, atol=1e-13)
    w = rng.normal(size=7)
    w -= (w @ v) / (v @ v) * v  # orthogonal to v
    np.testing.assert_allclose(p @ w, w, atol=1e-13)
    np.testing.assert_allclose(p @ p, p, atol=1e-13)
    np.testing.assert_array_equal(p, p.T)


def test_several_directions_project_out_their_span(rng):
    v = rng.random((3, 9))
    p = projection(v)
    np.testing.assert_allclose(p, reference_projection(v), atol=1e-12)
    np.testing.assert_allclose(v @ p, 0, atol=1e-12)
    # dependent directions span the same subspace: the same projection
    dependent = np.vstack([v, v[0] + 2 * v[1]])
    np.testing.assert_allclose(projection(dependent), p, atol=1e-10)
    assert np.trace(p) == pytest.approx(6)  # rank C - K


def test_bad_directions_and_matrices_are_refused(rng):
    with pytest.raises(ValueError, match="are zero"):
        projection(np.array([[1.0, 0, 0], [0, 0, 0]]))
    with pytest.raises(ValueError, match="NaN or infinity"):
        projection(np.array([1.0, np.nan]))
    with pytest.raises(ValueError, match=r"\(C,\) or \(K, C\)"):
        projection(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="not an orthogonal projection"):
        check_projection(np.eye(3) * 0.5)
    with pytest.raises(ValueError, match="square"):
        check_projection(np.ones((2, 3)))


def test_projected_conv_kernels_equal_convolutions_of_projected_inputs(rng):
    x = rng.normal(size=(2, 6, 7, 5))
    k = rng.normal(size=(3, 2, 5, 4)).astype(np.float32)
    v = rng.random((2, 5))
    p_ref = reference_projection(v)
    expected = conv_hwio(x @ p_ref, k.astype(np.float64))
    keras_k = project_kernel(k, projection(v), "keras_conv")
    assert keras_k.dtype == np.float32 and keras_k.shape == k.shape
    assert rel(conv_hwio(x, keras_k.astype(np.float64)), expected) < 1e-6
    torch_k = project_kernel(k.transpose(3, 2, 0, 1), projection(v), "torch_conv")
    assert torch_k.shape == (4, 5, 3, 2)
    assert rel(conv_hwio(x, torch_k.transpose(2, 3, 1, 0).astype(np.float64)), expected) < 1e-6
    # the one-direction edit of the article: zeroing a one-hot channel
    onehot = np.eye(5)[2]
    np.testing.assert_allclose(project_kernel(k, projection(onehot), "keras_conv")[:, :, 2], 0,
                               atol=1e-7)


@pytest.mark.parametrize("flatten", ["hwc", "chw"])
def test_projected_dense_kernels_act_at_every_flattened_position(rng, flatten):
    n, h, w, c, d = 3, 2, 3, 4, 5
    x = rng.normal(size=(n, h, w, c))
    v = rng.random(c)
    p_ref = reference_projection(v)

    def flat(a):
        return a.reshape(n, -1) if flatten == "hwc" else a.transpose(0, 3, 1, 2).reshape(n, -1)

    kernel = rng.normal(size=(h * w * c, d))
    expected = flat(x @ p_ref) @ kernel
    p = projection(v)
    keras_k = project_kernel(kernel, p, "keras_dense", flatten)
    assert rel(flat(x) @ keras_k, expected) < 1e-10
    torch_k = project_kernel(kernel.T, p, "torch_dense", flatten)
    assert rel(flat(x) @ torch_k.T, expected) < 1e-10
    # the reference activation edit, on flattened activations
    np.testing.assert_allclose(project_activations(flat(x), p, flatten), flat(x @ p_ref),
                               atol=1e-12)


def test_activation_edit_and_kernel_errors(rng):
    a = rng.random((2, 3, 3, 4)).astype(np.float32)
    v = rng.random(4)
    out = project_activations(a, projection(v))
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, a @ reference_projection(v), atol=1e-6)
    np.testing.assert_allclose(out @ v, 0, atol=1e-5)
    with pytest.raises(ValueError, match="3 input channels; the projection is over 4"):
        project_kernel(np.zeros((3, 3, 3, 2), np.float32), projection(v), "keras_conv")
    with pytest.raises(ValueError, match="unknown kernel layout"):
        project_kernel(np.zeros((2, 4)), projection(v), "jax_conv")
    with pytest.raises(ValueError, match="not a multiple"):
        project_kernel(np.zeros((10, 2)), projection(v), "keras_dense")
    with pytest.raises(ValueError, match="shapes differ"):
        max_abs_error(np.zeros(2), np.zeros(3))


# ------------------------------------------------------------------------- Keras agents

@pytest.fixture(scope="module")
def keras_clear():
    keras = pytest.importorskip("keras")
    from rlclarity_plugin.agents.agent import Agent, AgentMetadata

    keras.utils.set_random_seed(5)
    return Agent.build(AgentMetadata("clear", (16, 16, 3), 5))


@pytest.fixture(scope="module")
def obs():
    return np.random.default_rng(1).integers(0, 256, (6, 16, 16, 3), dtype=np.uint8)


def test_keras_edit_is_the_next_conv_on_projected_activations(keras_clear, obs, tmp_path):
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.agents.edit import check_edit, edit_agent, save_edited

    rng = np.random.default_rng(2)
    directions = rng.random((2, 32))
    before = {k: v.copy() for k, v in keras_clear.get_weights().items()}
    edited = edit_agent(keras_clear, "2b", directions, features=[1, 3],
                        source={"run": "agentA", "step": 0})
    record = edited.metadata.edits[-1]
    assert record["site"]["consumer"] == "3a" and record["site"]["between"] == ["2b_pool"]
    assert record["features"] == [1, 3] and np.shape(record["directions"]) == (2, 32)
    # independent reference: the original layer 3a on the projected 2b_pool activations
    a = keras_clear.network.activations("2b_pool", obs).astype(np.float64)
    a_p = (a @ reference_projection(directions)).astype(np.float32)
    expected = np.asarray(keras_clear.network._link("3a").layer(a_p))
    assert rel(edited.network.activations("3a", obs), expected) < 1e-5
    errors = check_edit(keras_clear, edited, obs)
    assert errors["next_layer"] <= 1e-5 * errors["next_layer_scale"]
    assert errors["logits"] < 1e-5 and errors["value"] < 1e-5
    # the original is untouched; the edit changed only 3a's kernel
    after = keras_clear.get_weights()
    assert all(np.array_equal(before[k], after[k]) for k in before)
    changed = [k for k, v in edited.get_weights().items() if not np.array_equal(v, before[k])]
    assert changed == ["3a/kernel"]
    # saved natively with the edit in metadata.json, and loads back as the same function
    path = save_edited(edited, str(tmp_path / "ckpt-edited"))
    loaded = load_checkpoint(path)
    assert loaded.metadata.edits == edited.metadata.edits
    np.testing.assert_array_equal(loaded(obs)[0], edited(obs)[0])
    assert keras_clear.metadata.to_json().get("edits") is None  # unedited metadata unchanged


def test_keras_edit_through_flatten_to_a_dense_layer(keras_clear, obs):
    from rlclarity_plugin.agents.edit import check_edit, edit_agent

    edited = edit_agent(keras_clear, "4a", np.random.default_rng(3).random(32))
    site = edited.metadata.edits[-1]["site"]
    assert (site["consumer"], site["layout"], site["flatten"]) == ("dense", "keras_dense", "hwc")
    errors = check_edit(keras_clear, edited, obs)
    assert errors["next_layer"] <= 1e-5 * errors["next_layer_scale"]
    assert errors["logits"] < 1e-5 and errors["value"] < 1e-5


def test_keras_skip_connections_and_heads_are_refused():
    pytest.importorskip("keras")
    from rlclarity_plugin.agents.agent import Agent, AgentMetadata
    from rlclarity_plugin.agents.edit import edit_agent, edit_site

    impala = Agent.build(AgentMetadata("impala", (16, 16, 3), 5,
                                       arch_kwargs={"depths": [4, 4, 4], "emb_size": 8}))
    for layer in ("b1_pool", "b1_conv", "b2_res1"):
        with pytest.raises(ValueError, match="more than one consumer") as e:
            edit_site(impala, layer)
        assert "\n" not in str(e.value) and "skip connection" in str(e.value)
    with pytest.raises(ValueError, match="two consumers, the heads"):
        edit_site(impala, "dense")
    with pytest.raises(ValueError, match="input cannot be edited"):
        edit_site(impala, "input")
    with pytest.raises(ValueError, match="has 4 channels"):
        edit_agent(impala, "b3_res2", np.ones(5))  # b3_res2 -> flatten -> relu -> dense: fine
    assert edit_site(impala, "b3_res2").consumer == "dense"


# ------------------------------------------------------------------------- torch agents

@pytest.fixture(scope="module")
def torch_clear():
    from rlclarity_plugin.agents.agent import Agent, AgentMetadata
    from rlclarity_plugin.agents.torch_architectures import build_builtin
    from rlclarity_plugin.agents.torch_backend import torch_agent

    torch.manual_seed(0)
    net, spec = build_builtin("clear", (16, 16, 3), 5)
    agent = torch_agent(net, spec, observation_shape=(16, 16, 3), num_actions=5,
                        architecture="clear", device="cpu")
    return Agent(agent.network, AgentMetadata("clear", (16, 16, 3), 5))


def test_torch_edit_is_the_next_conv_on_projected_activations(torch_clear, obs, tmp_path):
    import torch.nn.functional as F

    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.agents.edit import check_edit, edit_agent, save_edited

    directions = np.random.default_rng(4).random(32)
    edited = edit_agent(torch_clear, "2b", directions)
    site = edited.metadata.edits[-1]["site"]
    assert site["consumer"] == "trunk.3a.0" and site["weight"] == "trunk.3a.0.weight"
    assert "trunk.2b_pool" in site["between"] and site["layout"] == "torch_conv"
    # independent reference: torch's conv2d + ReLU with the original weights on projected acts
    a = torch_clear.network.activations("2b_pool", obs).astype(np.float64)
    a_p = torch.as_tensor((a @ reference_projection(directions)).astype(np.float32))
    conv = torch_clear.model.trunk[5][0]  # 3a's Conv2d
    with torch.no_grad():
        expected = F.relu(F.conv2d(a_p.permute(0, 3, 1, 2), conv.weight, conv.bias, padding=2))
    expected = expected.permute(0, 2, 3, 1).numpy()
    assert rel(edited.network.activations("3a", obs), expected) < 1e-5
    errors = check_edit(torch_clear, edited, obs)
    assert errors["next_layer"] <= 1e-5 * errors["next_layer_scale"]
    assert errors["logits"] < 1e-5 and errors["value"] < 1e-5
    # saved as a native checkpoint (Keras-named weights) that loads on the torch backend
    path = save_edited(edited, str(tmp_path / "edited"))
    loaded = load_checkpoint(path, backend="torch", device="cpu")
    assert loaded.metadata.edits == edited.metadata.edits
    np.testing.assert_allclose(loaded(obs)[0], edited(obs)[0], atol=1e-6)


class _NatureLike(nn.Module):
    """SB3's NatureCNN shape in miniature: conv, ReLU, ``nn.Flatten`` of NCHW (order chw),
    Linear, ReLU; two linear heads."""

    def __init__(self):
        super().__init__()
        self.cnn = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2), nn.ReLU(), nn.Flatten())
        self.linear = nn.Sequential(nn.Linear(4 * 7 * 7, 6), nn.ReLU())
        self.pi = nn.Linear(6, 5)
        self.vf = nn.Linear(6, 1)

    def forward(self, x):
        h = self.linear(self.cnn(x))
        return self.pi(h), self.vf(h)


def test_torch_edit_through_a_channel_first_flatten(obs):
    from rlclarity_plugin.agents.edit import check_edit, edit_agent
    from rlclarity_plugin.agents.torch_backend import TorchSpec, torch_agent

    torch.manual_seed(1)
    module = _NatureLike()
    agent = torch_agent(module, TorchSpec(outputs=lambda m, x: m(x)),
                        observation_shape=(16, 16, 3), num_actions=5, device="cpu")
    directions = np.random.default_rng(5).random((2, 4))
    edited = edit_agent(agent, "cnn.1", directions)
    site = edited.metadata.edits[-1]["site"]
    assert (site["consumer"], site["flatten"], site["between"]) == \
        ("linear.0", "chw", ["cnn.2"])
    # independent reference: the whole head by hand from the projected ReLU activations
    a = agent.network.activations("cnn.1", obs).astype(np.float64)  # (B, 7, 7, 4)
    x = torch.as_tensor((a @ reference_projection(directions)).astype(np.float32))
    with torch.no_grad():
        h = module.linear(x.permute(0, 3, 1, 2).flatten(1))
        logits, value = module.pi(h), module.vf(h)[:, 0]
    got_logits, got_values = edited(obs)
    assert rel(got_logits, logits.numpy()) < 1e-5 and rel(got_values, value.numpy()) < 1e-5
    errors = check_edit(agent, edited, obs)
    assert errors["next_layer"] <= 1e-5 * errors["next_layer_scale"]


@pytest.fixture(scope="module")
def cleanrl_procgen():
    from rlclarity_plugin.agents.cleanrl import ProcgenAgent, cleanrl_spec
    from rlclarity_plugin.agents.torch_backend import torch_agent

    torch.manual_seed(2)
    module = ProcgenAgent((16, 16, 3), 5)
    return module, torch_agent(module, cleanrl_spec(), observation_shape=(16, 16, 3),
                               num_actions=5, architecture="cleanrl_ppo_procgen", device="cpu")


def test_torch_skip_connections_are_refused_and_cleanrl_edits_save(cleanrl_procgen, obs,
                                                                   tmp_path):
    from rlclarity_plugin.agents.cleanrl import ProcgenAgent
    from rlclarity_plugin.agents.edit import (
        check_edit,
        edit_agent,
        edit_site,
        read_edits,
        save_edited,
    )

    _, agent = cleanrl_procgen
    for layer in ("network.0.conv", "network.0.res_block0"):
        with pytest.raises(ValueError, match="more than one path") as e:
            edit_site(agent, layer)
        assert "\n" not in str(e.value) and "res_block" in str(e.value)
    edited = edit_agent(agent, "network.2.res_block1", np.random.default_rng(6).random(32))
    site = edited.metadata.edits[-1]["site"]
    assert (site["consumer"], site["flatten"]) == ("network.5", "chw")
    errors = check_edit(agent, edited, obs)
    assert errors["next_layer"] <= 1e-5 * errors["next_layer_scale"]
    assert errors["logits"] < 1e-5 and errors["value"] < 1e-5
    # saved as the state dict cleanrl:ppo_procgen:PATH loads, the edit in a sidecar
    path = save_edited(edited, str(tmp_path / "agent.pt"))
    fresh = ProcgenAgent((16, 16, 3), 5)
    fresh.load_state_dict(torch.load(path, weights_only=True), strict=True)
    with torch.no_grad():
        x = torch.as_tensor(obs).float()
        logits = fresh.actor(fresh.network(fresh.prepare(x))).numpy()
    np.testing.assert_allclose(logits, edited(obs)[0], atol=1e-5)
    assert read_edits(f"cleanrl:ppo_procgen:{path}") == edited.metadata.edits


def test_sb3_edit_saves_into_a_copy_of_the_zip(tmp_path):
    sb3 = pytest.importorskip("stable_baselines3")
    gym = pytest.importorskip("gymnasium")
    from rlclarity_plugin.agents.edit import check_edit, edit_agent, read_edits, save_edited
    from rlclarity_plugin.agents.sb3 import _spec
    from rlclarity_plugin.agents.torch_backend import torch_agent

    class Frames(gym.Env):
        observation_space = gym.spaces.Box(0, 255, (44, 44, 1), np.uint8)
        action_space = gym.spaces.Discrete(3)

        def reset(self, *, seed=None, options=None):
            return np.zeros((44, 44, 1), np.uint8), {}

        def step(self, action):
            return np.zeros((44, 44, 1), np.uint8), 0.0, True, False, {}

    model = sb3.PPO("CnnPolicy", Frames(), n_steps=8, batch_size=8, seed=0, device="cpu",
                    policy_kwargs={"features_extractor_kwargs": {"features_dim": 8}})
    original = str(tmp_path / "model.zip")
    model.save(original)
    policy = model.policy
    agent = torch_agent(policy, _spec(policy), observation_shape=(44, 44, 1), num_actions=3,
                        architecture="sb3", device="cpu")
    frames = np.random.default_rng(7).integers(0, 256, (4, 44, 44, 1), dtype=np.uint8)
    edited = edit_agent(agent, "cnn.5", np.random.default_rng(8).random(64))
    site = edited.metadata.edits[-1]["site"]
    assert (site["consumer"], site["flatten"]) == ("features_extractor.linear.0", "chw")
    errors = check_edit(agent, edited, frames)
    assert errors["logits"] < 1e-5 and errors["value"] < 1e-5
    path = save_edited(edited, str(tmp_path / "edited.zip"), source_checkpoint=original)
    reloaded = sb3.PPO.load(path, device="cpu")
    with torch.no_grad():
        obs = torch.as_tensor(frames).permute(0, 3, 1, 2).float()
        logits = reloaded.policy.action_net(
            reloaded.policy.mlp_extractor.forward_actor(reloaded.policy.extract_features(obs)))
    np.testing.assert_allclose(logits.numpy(), edited(frames)[0], atol=1e-5)
    assert read_edits(f"sb3:{path}") == edited.metadata.edits
