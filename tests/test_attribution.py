"""Integrated gradients: quadrature, agreement with a per-point loop, completeness, layers."""

import numpy as np
import pytest
import tensorflow as tf

from rlclarity_plugin.agents.keras_backend import IntegratedGradients, input_gradients
from rlclarity_plugin.analysis.attribution import (
    RULES,
    AttributionConfig,
    group_output,
    logit_output,
    path_points,
    value_output,
)
from rlclarity_plugin.analysis.layers import LayerConfig, default_layer, select_layers


@pytest.mark.parametrize("rule", RULES)
def test_path_points(rule):
    alphas, weights = path_points(10, rule)
    assert len(alphas) == 10 and 0 < alphas.min() and alphas.max() <= 1
    assert weights.sum() == pytest.approx(1.0, abs=1e-6)
    # the rule integrates x**2 on [0, 1] (exactly 1/3) to within its O(1/n) error
    assert (weights * alphas ** 2).sum() == pytest.approx(1 / 3, abs=0.06)


def loop_ig(head, acts, alphas, weights, select):
    """IG written independently: one tape per path point, float64 accumulation."""
    total = np.zeros(acts.shape, np.float64)
    for alpha, w in zip(alphas, weights):
        x = tf.constant(alpha * acts)
        with tf.GradientTape() as tape:
            tape.watch(x)
            logits, value = head(x)
            score = tf.reduce_sum(select(logits, value))
        total += w * tape.gradient(score, x).numpy()
    return acts * total


@pytest.mark.parametrize("rule", RULES)
def test_batched_ig_equals_a_per_point_loop(clear_agent, rng, rule):
    encoder, head = clear_agent.network.cut("2b")
    x = rng.integers(0, 256, (5, 64, 64, 3), dtype=np.uint8)
    acts = encoder(x).numpy()
    outputs = [value_output(), logit_output(3), group_output(0, (6, 7, 8))]
    config = AttributionConfig(7, rule, memory_budget=2 << 20)  # forces several batches
    ig = IntegratedGradients(head, acts.shape[1:], 15, outputs, config)
    assert ig.batch_frames < len(x)
    got = ig(acts)
    alphas, weights = path_points(7, rule)
    selects = [lambda lo, v: v[:, 0], lambda lo, v: lo[:, 3],
               lambda lo, v: lo[:, 6] + lo[:, 7] + lo[:, 8]]
    for o, select in enumerate(selects):
        expected = loop_ig(head, acts, alphas, weights, select)
        np.testing.assert_allclose(got[o], expected, rtol=1e-4, atol=1e-6 * np.abs(expected).max())


def test_completeness_converges(clear_agent, rng):
    encoder, head = clear_agent.network.cut("3a")
    acts = encoder(rng.integers(0, 256, (6, 64, 64, 3), dtype=np.uint8)).numpy()
    errors = []
    for steps in (4, 64):
        ig = IntegratedGradients(head, acts.shape[1:], 15, [value_output()],
                                 AttributionConfig(steps))
        errors.append(np.median(ig.completeness_error(acts, ig(acts))))
    # F(a) - F(0) computed from the head directly matches the sum at many points
    assert errors[1] < 0.01 and errors[1] < errors[0]


def test_input_gradients_match_tape(clear_agent, rng):
    x = rng.integers(0, 256, (3, 64, 64, 3), dtype=np.uint8)
    got = input_gradients(clear_agent.network, x, 15, [value_output(), logit_output(0)])
    xf = tf.constant(x.astype(np.float32) / 255.0)
    with tf.GradientTape() as tape:
        tape.watch(xf)
        logits, value = clear_agent.network.cut("input")[1](xf)
        score = tf.reduce_sum(logits[:, 0])
    np.testing.assert_allclose(got[1], tape.gradient(score, xf).numpy(), rtol=1e-5, atol=1e-8)
    assert got.shape == (2, 3, 64, 64, 3)


def test_layer_selection(clear_agent):
    from rlclarity_plugin.agents.agent import Agent, AgentMetadata

    layers = select_layers(clear_agent.network)
    assert layers == ["1a", "2a", "2b", "3a", "4a"] and default_layer(layers) == "2b"
    with_input = select_layers(clear_agent.network, LayerConfig(include_input=True))
    assert with_input[0] == "input" and default_layer(with_input) == "2b"
    assert select_layers(clear_agent.network, LayerConfig(name_contains_one_of="2b")) == ["2b"]
    assert select_layers(clear_agent.network, LayerConfig(discard_first_n=2)) == ["2b", "3a", "4a"]
    impala = Agent.build(AgentMetadata("impala", (64, 64, 3), 15))
    assert select_layers(impala.network) == [f"b{i}_res{j}" for i in (1, 2, 3) for j in (1, 2)]
    nature = Agent.build(AgentMetadata("nature", (84, 84, 4), 6))
    assert select_layers(nature.network) == ["c1", "c2", "c3"]
    with pytest.raises(ValueError, match="no layer of the clear network fits"):
        select_layers(clear_agent.network, LayerConfig(name_contains_one_of=("zz",)))
