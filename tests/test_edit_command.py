"""``rl-clarity edit`` and paired evaluation (issue 19).

* the standard error and the episode set against formulas written here;
* paired evaluation on real procgen: the level each (env, episode) plays is the level a raw
  procgen env of the same seed plays there (read here from procgen itself), whatever the
  policy; an agent against itself gives difference exactly 0 with standard error 0;
* a blind agent (every direction of a layer projected out) on a fake environment written here,
  where success is known per level: the paired difference, its standard error and the failures
  by cause against a reference computed here from the levels and the agents' logits;
* the random control: non-negative, the same norms, seeded;
* the command end to end on the real analysed logdir: the edited checkpoint's kernel against the
  projection computed here from the stored NMF components, the results recorded in the
  manifest (read back by ``LogdirReader``, replaced not duplicated), the ``--analyze`` hook;
  bad inputs: exit 2, one line, nothing written.
"""

import json
import os
import shutil
import sys
import types

import numpy as np
import pytest

from rlclarity_plugin.envs.base import EpisodeEnd, VectorEnv
from rlclarity_plugin.evaluation import (
    compare_paired,
    episode_quota,
    estimate,
    evaluate_agents,
)

# --------------------------------------------------------------------------- formulas


def test_standard_error_is_the_sample_formula(rng):
    x = rng.normal(size=37)
    mean = x.sum() / len(x)
    se = np.sqrt(((x - mean) ** 2).sum() / (len(x) - 1)) / np.sqrt(len(x))
    e = estimate(x)
    assert e.mean == pytest.approx(mean, abs=1e-12) and e.stderr == pytest.approx(se, rel=1e-12)
    assert estimate([4.0]).stderr == 0.0 and estimate([1.0, 1.0]).stderr == 0.0
    with pytest.raises(ValueError):
        estimate([])


@pytest.mark.parametrize("n,e", [(16, 8), (10, 4), (3, 8), (1000, 64)])
def test_episode_set_is_fixed_in_advance(n, e):
    # episode k of env i is played iff k * E + i < N
    expected = [sum(1 for k in range(n) if k * e + i < n) for i in range(e)]
    assert episode_quota(n, e).tolist() == expected and sum(expected) == n


# --------------------------------------------------------------------------- real procgen

def _raw_level_sequences(seed, num_envs, episodes_per_env, **kwargs):
    """Level seeds each env of a raw procgen env plays, in order, with random actions."""
    from procgen import ProcgenGym3Env

    env = ProcgenGym3Env(num=num_envs, env_name="leaper", rand_seed=seed, **kwargs)
    seqs = [[] for _ in range(num_envs)]
    rng = np.random.default_rng(0)
    while min(len(s) for s in seqs) < episodes_per_env:
        env.act(rng.integers(0, 15, num_envs).astype(np.int32))
        _, _, first = env.observe()
        for i in np.flatnonzero(first):
            seqs[i].append(int(env.get_info()[i]["prev_level_seed"]))
    env.close()
    return seqs


def test_paired_evaluation_on_procgen(clear_agent):
    """leaper: short episodes, some levels completed even by untrained policies."""
    w = np.random.default_rng(3).normal(size=(3, 15))

    def colour_policy(obs):  # another policy: logits from the mean colour
        return obs.reshape(len(obs), -1, 3).mean(1) / 64.0 @ w

    kwargs = {"distribution_mode": "easy"}
    runs = evaluate_agents({"agent": clear_agent, "again": clear_agent, "colour": colour_policy},
                           12, num_envs=4, seed=11, env_kind="procgen", env_name="leaper",
                           env_kwargs=kwargs)
    reference = _raw_level_sequences(11, 4, 3, **kwargs)
    for r in runs.values():
        assert [(e.env, e.number) for e in r.episodes] == \
            [(i, k) for i in range(4) for k in range(3)]
        assert [e.level_seed for e in r.episodes] == [reference[e.env][e.number]
                                                      for e in r.episodes]
        assert r.reports_success and r.max_episode_steps == 1000
        for e in r.episodes:
            assert e.success == (e.episode_return > 0)  # leaper: reward 10 only on completion
            assert (e.cause is None) == e.success
            assert e.cause in (None, "died", "timed out")
            assert (e.cause == "timed out") == (e.length == 1000)
    same = compare_paired(runs["agent"], runs["again"])
    assert same.pairs == 12 and same.mismatched == same.unpaired == 0
    assert (same.success_delta.mean, same.success_delta.stderr) == (0.0, 0.0)
    assert (same.return_delta.mean, same.return_delta.stderr) == (0.0, 0.0)
    assert runs["agent"].episodes == runs["again"].episodes  # common random numbers
    other = compare_paired(runs["agent"], runs["colour"])
    assert other.pairs == 12
    d = np.array(runs["colour"].returns) - np.array(runs["agent"].returns)
    assert other.return_delta.mean == pytest.approx(d.mean())
    assert "does not expose the finer cause" in other.note


def test_mismatched_pairs_are_left_out_and_said():
    from rlclarity_plugin.evaluation import Episode, EvaluationResult

    a = EvaluationResult("a", [Episode(0, k, 10 + k, 1.0, 5, True) for k in range(3)],
                         reports_success=True)
    b = EvaluationResult("b", [Episode(0, 0, 10, 0.0, 5, False, "died"),
                               Episode(0, 1, 99, 0.0, 5, False, "died")], reports_success=True)
    p = compare_paired(a, b)
    assert (p.pairs, p.mismatched, p.unpaired) == (1, 1, 1)
    assert "2 of 3 episodes left out" in p.note and p.regressions == (10,)
    c = EvaluationResult("c", [Episode(0, 0, 77, 0.0, 5, False, "died")], reports_success=True)
    with pytest.raises(ValueError, match="share no episode on the same level"):
        compare_paired(a, c)


# --------------------------------------------------------------------------- a fake game

ACTIONS, LIMIT = 3, 3


def level_picture(level):
    """A level's picture: one random colour plus noise."""
    rng = np.random.default_rng(level)
    colour = rng.integers(20, 236, (1, 1, 3))
    return np.clip(colour + rng.integers(-20, 20, (16, 16, 3)), 0, 255).astype(np.uint8)


class FakeLevels(VectorEnv):
    """Env ``i`` plays levels ``default_rng((seed, i)).integers(10**6)`` in turn. Picking action
    ``level % 3`` completes the level (reward 10); a wrong action on an odd level kills (the
    episode ends), on an even level nothing happens until the 3-step limit."""

    env_kind, env_name, max_episode_steps = "fake", "levels", LIMIT

    def __init__(self, num_envs, seed):
        self.num_envs, self.observation_shape, self.num_actions = num_envs, (16, 16, 3), ACTIONS
        self._rngs = [np.random.default_rng((seed, i)) for i in range(num_envs)]
        self._level = [int(r.integers(10**6)) for r in self._rngs]
        self._t = np.zeros(num_envs, int)
        self._reward = np.zeros(num_envs, np.float32)
        self._first = np.ones(num_envs, bool)
        self._ends = [EpisodeEnd()] * num_envs

    def observe(self):
        return (self._reward.copy(), np.stack([level_picture(v) for v in self._level]),
                self._first.copy())

    def act(self, actions):
        for i, a in enumerate(actions):
            level = self._level[i]
            self._t[i] += 1
            won = int(a) == level % ACTIONS
            done = won or level % 2 == 1 or self._t[i] >= LIMIT
            self._reward[i], self._first[i] = (10.0 if won else 0.0), done
            if done:
                self._ends[i] = EpisodeEnd(level, won)
                self._level[i] = int(self._rngs[i].integers(10**6))
                self._t[i] = 0

    def episode_ends(self):
        return list(self._ends)


@pytest.fixture(scope="module")
def tiny_torch_agent():
    import torch
    from torch import nn

    from rlclarity_plugin.agents.torch_backend import TorchSpec, torch_agent

    class Tiny(nn.Module):
        def __init__(self):
            super().__init__()
            self.cnn = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2), nn.ReLU(), nn.Flatten())
            self.linear = nn.Sequential(nn.Linear(4 * 7 * 7, 6), nn.ReLU())
            self.pi = nn.Linear(6, ACTIONS)
            self.vf = nn.Linear(6, 1)

        def forward(self, x):
            h = self.linear(self.cnn(x))
            return self.pi(h), self.vf(h)

    torch.manual_seed(4)
    module = Tiny()
    with torch.no_grad():  # hidden unit c: the mean of colour c (its logit); units 3-5 random
        conv, dense = module.cnn[0], module.linear[0]
        conv.weight[:3] = 0
        conv.bias[:3] = 0
        for c in range(3):
            conv.weight[c, c, 1, 1] = 1.0
        dense.weight[:3] = 0
        dense.bias[:3] = torch.tensor([0.1, 0.5, 0.2])
        for c in range(3):
            dense.weight[c, c * 49:(c + 1) * 49] = 1.0 / 49  # chw flatten: channel c's block
        module.pi.weight[:] = 0
        module.pi.weight[:, :3] = 10 * torch.eye(3)
    return module, torch_agent(module, TorchSpec(outputs=lambda m, x: m(x)),
                               observation_shape=(16, 16, 3), num_actions=ACTIONS,
                               device="cpu")


def test_a_blind_agent_against_a_reference_on_known_levels(tiny_torch_agent):
    import torch

    from rlclarity_plugin.agents.edit import edit_agent

    module, agent = tiny_torch_agent
    blind = edit_agent(agent, "cnn.1", np.eye(4))  # every direction of the layer: P = 0
    with torch.no_grad():  # the reference: the head on zero input, by hand
        blind_logits = module.pi(torch.relu(module.linear[0].bias)).numpy()
    n, num_envs, seed = 40, 6, 5
    runs = evaluate_agents({"original": agent, "blind": blind}, n, num_envs=num_envs, seed=seed,
                           greedy=True, env_factory=lambda: FakeLevels(num_envs, seed))
    # reference: which levels each (env, episode) plays, and how each agent does on them
    gens = [np.random.default_rng((seed, i)) for i in range(num_envs)]
    levels = {}
    for k in range(n):
        for i in range(num_envs):
            levels[(i, k)] = int(gens[i].integers(10**6))
    played = sorted((i, k) for i in range(num_envs) for k in range(n) if k * num_envs + i < n)
    lv = np.array([levels[p] for p in played])
    pictures = np.stack([level_picture(v) for v in lv])
    original_action = agent(pictures)[0].argmax(-1)
    assert len(set(original_action.tolist())) > 1  # the original sees the levels
    ok_o = original_action == lv % ACTIONS
    ok_b = np.full(len(lv), int(blind_logits.argmax())) == lv % ACTIONS
    d = ok_b.astype(float) - ok_o.astype(float)
    assert (d < 0).any() and (d > 0).any()  # levels lost and levels won by the blind agent
    p = compare_paired(runs["original"], runs["blind"])
    assert p.pairs == n and [e.level_seed for e in runs["blind"].episodes] == lv.tolist()
    assert p.success_original.mean == pytest.approx(ok_o.mean())
    assert p.success_edited.mean == pytest.approx(ok_b.mean())
    assert p.success_delta.mean == pytest.approx(d.mean())
    assert p.success_delta.stderr == pytest.approx(d.std(ddof=1) / np.sqrt(n))
    assert p.return_delta.mean == pytest.approx(10 * d.mean())

    def causes(ok):
        return {"died": int(np.sum(~ok & (lv % 2 == 1))),
                "timed out": int(np.sum(~ok & (lv % 2 == 0)))}

    co, cb = causes(ok_o), causes(ok_b)
    assert {c: (o, e) for c, o, e in p.failures} == {c: (co[c], cb[c]) for c in co
                                                      if co[c] or cb[c]}
    assert sorted(p.regressions) == sorted(lv[ok_o & ~ok_b].tolist())
    lengths = np.where(ok_b, 1, np.where(lv % 2 == 1, 1, LIMIT))
    assert runs["blind"].lengths == lengths.tolist()


def test_random_control_directions():
    from rlclarity_plugin.edits import random_directions

    v = np.abs(np.random.default_rng(0).normal(size=(2, 32))) * [[3.0], [0.5]]
    w = random_directions(v, [0, 1, 3])
    assert w.shape == v.shape and (w >= 0).all()
    np.testing.assert_allclose(np.linalg.norm(w, axis=1), np.linalg.norm(v, axis=1), rtol=1e-12)
    np.testing.assert_array_equal(w, random_directions(v, [0, 1, 3]))
    assert not np.allclose(w, random_directions(v, [1, 1, 3]))
    cos = (w * v).sum(1) / np.linalg.norm(w, axis=1) / np.linalg.norm(v, axis=1)
    assert (cos < 0.99).all()  # not the edited direction again


def test_merge_replaces_same_key_and_keeps_others():
    from rlclarity_plugin.edits import merge_edit_results
    from rlclarity_plugin.store.schema import EditResult, Estimate

    def result(label, seed, value, features=(1,)):
        e = Estimate(value, 0.0)
        return EditResult(label, "features", "2b", features, 8, seed, e, e, e)

    old = (result("f1", 0, 1.0), result("f2", 0, 2.0, (2,)), result("f1", 1, 3.0))
    merged = merge_edit_results(old, (result("f1", 0, 9.0), result("f3", 0, 4.0, (3,))))
    assert [(r.label, r.seed, r.return_delta.mean) for r in merged] == \
        [("f1", 0, 9.0), ("f2", 0, 2.0), ("f1", 1, 3.0), ("f3", 0, 4.0)]


# --------------------------------------------------------------------------- the command

@pytest.fixture
def edit_logdir(real_analysed_logdir, tmp_path):
    """A private copy of the real analysed logdir (the command writes into it) and the
    checkpoints beside the shared one."""
    logdir = tmp_path / "logs"
    shutil.copytree(real_analysed_logdir, logdir)
    root = os.path.dirname(real_analysed_logdir)
    return str(logdir), os.path.join(root, "ckpt-1000"), os.path.join(root, "ckpt-2000")


# an evaluation seed whose two CoinRun episodes are short for this near-uniform agent (155 and
# 233 steps; most seeds have one that runs to the 1000-step limit): only the test's time
# depends on it
SHORT_SEED = 24


def _cli(capsys, *argv):
    from rlclarity_plugin.cli import main

    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _tree(*folders):
    return {os.path.join(d, f): os.path.getmtime(os.path.join(d, f))
            for folder in folders for d, _, names in os.walk(folder) for f in names}


def test_edit_command_end_to_end(edit_logdir, tmp_path, capsys, monkeypatch):
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.store.reader import LogdirReader

    logdir, ckpt, _ = edit_logdir
    out_path = str(tmp_path / "edited")
    code, out, err = _cli(capsys, "edit", ckpt, "--logdir", logdir, "--run", "agentA",
                          "--step", 1000, "--layer", "2b", "--features", 1, "-o", out_path,
                          "--evaluate", 2, "--num-envs", 2, "--seed", SHORT_SEED, "--controls",
                          "--no-progress")
    assert code == 0, err
    for label in ("original", "f1", "random(f1)", "f0", "f2", "f3"):
        assert label in out
    assert "does not expose the finer cause" in out
    # the edited checkpoint: 3a's kernel projected with the stored component of feature 1
    nmf = json.loads(open(os.path.join(logdir, "agentA", "plugins", "rl_clarity", "1000",
                                        "nmf", "2b.json")).read())
    v = np.asarray(nmf["components"], np.float64)[1]
    p = np.eye(len(v)) - np.outer(v, v) / (v @ v)
    original, edited = load_checkpoint(ckpt), load_checkpoint(out_path)
    k = original.get_weights()["3a/kernel"].astype(np.float64)
    np.testing.assert_allclose(edited.get_weights()["3a/kernel"],
                               np.einsum("ce,hwed->hwcd", p, k), atol=1e-6)
    assert edited.metadata.edits[-1]["features"] == [1]
    assert [n for n, w in edited.get_weights().items()
            if not np.array_equal(w, original.get_weights()[n])] == ["3a/kernel"]
    # the results, in the manifest as every reader reads it
    edits = LogdirReader(logdir).manifest("agentA", 1000).edits
    by_label = {r.label: r for r in edits}
    assert sorted(by_label) == ["f0", "f1", "f2", "f3", "random(f1)"]
    f1 = by_label["f1"]
    assert (f1.kind, f1.features, f1.episodes, f1.seed) == ("features", (1,), 2, SHORT_SEED)
    assert f1.checkpoint == out_path and by_label["f0"].checkpoint is None
    assert f1.success_original is not None and f1.check_next_layer <= 1e-3 * f1.check_scale
    assert by_label["random(f1)"].kind == "random" and by_label["random(f1)"].features == ()
    assert f1.return_original == by_label["f3"].return_original  # one original evaluation

    # again, with --analyze (the hook of edit_analysis, faked here): f1 replaced, run recorded
    calls = []

    def analyze_edit(original_checkpoint, edited_checkpoint, logdir, run, step,
                     edited_run=None, failing_levels=None, config=None, progress=False, *,
                     load_options=None, comm=None):
        calls.append((original_checkpoint, edited_checkpoint, run, step,
                      list(failing_levels)))
        return {"run": f"{run}.edit-2b-f1"}

    fake = types.ModuleType("rlclarity_plugin.edit_analysis")
    fake.analyze_edit = analyze_edit
    monkeypatch.setitem(sys.modules, "rlclarity_plugin.edit_analysis", fake)
    code, out, err = _cli(capsys, "edit", ckpt, "--logdir", logdir, "--run", "agentA",
                          "--step", 1000, "--layer", "2b", "--features", 1, "-o", out_path,
                          "--evaluate", 2, "--num-envs", 2, "--seed", SHORT_SEED, "--analyze",
                          "--json")
    assert code == 0, err
    report = json.loads(out)
    assert calls == [(ckpt, out_path, "agentA", 1000, report["regressions"]["f1"])]
    edits = LogdirReader(logdir).manifest("agentA", 1000).edits
    assert sorted(r.label for r in edits) == ["f0", "f1", "f2", "f3", "random(f1)"]
    assert next(r for r in edits if r.label == "f1").run == "agentA.edit-2b-f1"


@pytest.mark.parametrize("args,message", [
    (["--layer", "9z", "--features", "1"], "layer '9z' was not analysed"),
    (["--layer", "input", "--features", "1"], "has no NMF features"),
    (["--layer", "2b", "--features", "7"], "feature 7 is not one of layer 2b's 4 NMF"),
    (["--layer", "2b", "--features", "x"], "--features: features must be feature indices"),
    (["--features", "1"], "--layer: give the layer"),
    (["--layer", "2b"], "--features: give the features to edit"),
    (["--layer", "2b", "--features", "1", "--analyze", "--evaluate", "0"],
     "--analyze needs --evaluate"),
    (["--layer", "2b", "--features", "1", "--run", "nosuch"], "no RL Clarity analysis"),
    (["--layer", "2b", "--features", "1", "--step", "5"], "has no analysis at step 5"),
    (["--layer", "2b", "--features", "1", "--step", "1000", "CKPT2"],
     "is not the agent analysed in run"),
])
def test_bad_inputs_exit_2_with_one_line_and_write_nothing(edit_logdir, capsys, args, message):
    logdir, ckpt, ckpt2 = edit_logdir
    if "CKPT2" in args:
        args = [a for a in args if a != "CKPT2"]
        ckpt = ckpt2
    base = ["--run", "agentA"] if "--run" not in args else []
    before = _tree(logdir, os.path.dirname(ckpt))
    code, out, err = _cli(capsys, "edit", ckpt, "--logdir", logdir, *base, "--evaluate", 2,
                          "--num-envs", 2, "--no-progress", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert _tree(logdir, os.path.dirname(ckpt)) == before


def test_a_missing_probe_set_exits_2_with_one_line_and_writes_nothing(edit_logdir, tmp_path,
                                                                       capsys):
    """The edit is checked on the analysis' probe set: with no copy of it anywhere (its recorded
    path, the run's probe_sets folder, any run's), the command says where it looked and that it
    should be put back, and writes neither the checkpoint nor the manifest."""
    logdir, ckpt, _ = edit_logdir
    removed = [d for d, _, _ in os.walk(logdir) if os.path.basename(d) == "probe_sets"]
    assert removed
    for d in removed:
        shutil.rmtree(d)
    out_path = str(tmp_path / "edited")
    before = _tree(logdir, os.path.dirname(ckpt))
    code, out, err = _cli(capsys, "edit", ckpt, "--logdir", logdir, "--run", "agentA",
                          "--step", 1000, "--layer", "2b", "--features", 1, "-o", out_path,
                          "--evaluate", 2, "--num-envs", 2, "--no-progress")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "the probe set" in err and "put it back there" in err, err
    assert _tree(logdir, os.path.dirname(ckpt)) == before and not os.path.exists(out_path)
