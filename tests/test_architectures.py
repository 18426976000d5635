"""The three architectures: structure, layer names and shapes, and the exact layer cut."""

import numpy as np
import pytest

from rlclarity_plugin.agents.agent import Agent, AgentMetadata
from rlclarity_plugin.agents.architectures import AgentNetwork

# Shapes from the original's architecture definitions (reference section 1.5 and 3.3).
EXPECTED = {
    "clear": ((64, 64, 3), {"1a": (64, 64, 16), "2a": (32, 32, 32), "2b": (32, 32, 32),
                            "3a": (16, 16, 32), "4a": (8, 8, 32), "dense": (256,),
                            "dense_1": (512,)}),
    "impala": ((64, 64, 3), {"b1_res1": (32, 32, 16), "b1_res2": (32, 32, 16),
                             "b2_res1": (16, 16, 32), "b2_res2": (16, 16, 32),
                             "b3_res1": (8, 8, 32), "b3_res2": (8, 8, 32), "dense": (256,)}),
    "nature": ((84, 84, 4), {"c1": (20, 20, 32), "c2": (9, 9, 64), "c3": (7, 7, 64),
                             "fc1": (512,)}),
}


@pytest.mark.parametrize("arch", sorted(EXPECTED))
def test_layer_shapes_and_heads(arch):
    obs_shape, shapes = EXPECTED[arch]
    net = AgentNetwork(arch, obs_shape, 15)
    for name, shape in shapes.items():
        assert net.layer_shape(name) == shape, name
    assert net.layer_names[0] == "input"
    names = [layer.name for layer in net.model.layers]
    assert "policy_logits" in names and "value" in names
    logits, value = net.model(np.zeros((2,) + obs_shape, np.uint8))
    assert tuple(logits.shape) == (2, 15) and tuple(value.shape) == (2, 1)


def test_clear_parameter_count():
    # 7x7x3x16 + 3 x 5x5 convs + 5x5x16x32 + dense 512x256 + 256x512 (+ biases) before heads.
    convs = (7 * 7 * 3 * 16 + 16) + (5 * 5 * 16 * 32 + 32) + 3 * (5 * 5 * 32 * 32 + 32)
    dense = (512 * 256 + 256) + (256 * 512 + 512)
    heads = (512 * 15 + 15) + (512 + 1)
    net = AgentNetwork("clear", (64, 64, 3), 15)
    assert net.model.count_params() == convs + dense + heads


@pytest.mark.parametrize("arch", sorted(EXPECTED))
def test_cut_equals_whole_model(arch, rng):
    obs_shape, _ = EXPECTED[arch]
    agent = Agent.build(AgentMetadata(arch, obs_shape, 15))
    x = rng.integers(0, 256, (3,) + obs_shape, dtype=np.uint8)
    logits, value = (t.numpy() for t in agent.model(x))
    for name in agent.network.layer_names:
        encoder, head = agent.network.cut(name)
        acts = encoder(x)
        assert tuple(acts.shape[1:]) == agent.network.layer_shape(name)
        cut_logits, cut_value = (t.numpy() for t in head(acts))
        np.testing.assert_allclose(cut_logits, logits, rtol=0, atol=1e-6, err_msg=name)
        np.testing.assert_allclose(cut_value, value, rtol=0, atol=1e-6, err_msg=name)


def test_impala_cut_points_are_on_the_residual_stream():
    net = AgentNetwork("impala", (64, 64, 3), 15)
    selectable = [n for n in net.layer_names if net.layer_kind(n) == "residual"]
    assert selectable == [f"b{i}_res{j}" for i in (1, 2, 3) for j in (1, 2)]
    # Scaling the activations at a residual cut scales everything downstream of it: the head
    # sees only the cut tensor (no bypass), which is what makes IG there complete.
    encoder, head = net.cut("b2_res1")
    assert len(head.inputs) == 1


def test_forward_batches_and_checks_observations(clear_agent, rng):
    x = rng.integers(0, 256, (5, 64, 64, 3), dtype=np.uint8)
    logits, values = clear_agent(x, batch_size=2)
    full_logits, full_values = clear_agent(x)
    assert logits.shape == (5, 15) and values.shape == (5,)
    np.testing.assert_allclose(logits, full_logits, atol=1e-6)
    with pytest.raises(ValueError, match="expects"):
        clear_agent(np.zeros((2, 84, 84, 4), np.uint8))
    with pytest.raises(ValueError, match="uint8"):
        clear_agent(np.zeros((2, 64, 64, 3), np.float32))


def test_unknown_architecture():
    with pytest.raises(ValueError, match="unknown architecture"):
        AgentNetwork("resnet", (64, 64, 3), 15)
