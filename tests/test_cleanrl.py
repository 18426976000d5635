"""CleanRL agents: a ppo_procgen-shaped network trained here for real on procgen coinrun and a
ppo_atari-shaped one (random init plus a few gradient steps on real Pong stacks) are saved with
``torch.save(agent.state_dict())`` and loaded through ``cleanrl:ARCH:PATH``; their outputs,
cuts, attributions and a small analysis are checked against references written in this file.

The reference networks below are written from the scripts' description (module names and
order, layer sizes, what the agent's methods do to the observations), independently of
:mod:`rlclarity_plugin.agents.cleanrl`: a state dict of theirs loading key for key is the check
that a CleanRL user's file loads.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from rlclarity_plugin.agents.checkpoint import load_checkpoint
from rlclarity_plugin.envs import make_env

PROCGEN = {"env_kind": "procgen", "env_name": "coinrun"}
ATARI = {"env_kind": "atari", "env_name": "pong"}
TOL = 1e-5


# ------------------------------------------------------------------ reference networks
class RefResidual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv0 = nn.Conv2d(c, c, 3, padding=1)
        self.conv1 = nn.Conv2d(c, c, 3, padding=1)

    def forward(self, x):
        y = self.conv0(torch.relu(x))
        return x + self.conv1(torch.relu(y))


class RefConvSequence(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)
        self.res_block0 = RefResidual(cout)
        self.res_block1 = RefResidual(cout)

    def forward(self, x):
        x = F.max_pool2d(self.conv(x), 3, stride=2, padding=1)
        return self.res_block1(self.res_block0(x))


class RefProcgenAgent(nn.Module):
    """ppo_procgen.py's Agent for 64x64x3 frames: ``network`` (three conv sequences, flatten,
    relu, linear 2048 -> 256, relu), ``actor``, ``critic``; NHWC in, permuted and /255."""

    def __init__(self, num_actions=15):
        super().__init__()
        self.network = nn.Sequential(RefConvSequence(3, 16), RefConvSequence(16, 32),
                                     RefConvSequence(32, 32), nn.Flatten(), nn.ReLU(),
                                     nn.Linear(32 * 8 * 8, 256), nn.ReLU())
        self.actor = nn.Linear(256, num_actions)
        self.critic = nn.Linear(256, 1)

    def prepare(self, obs):
        return torch.as_tensor(obs).float().permute(0, 3, 1, 2) / 255.0

    def outputs(self, obs):
        """The reference forward: logits (B, A) and values (B,) of uint8 NHWC frames."""
        hidden = self.network(self.prepare(obs))
        return self.actor(hidden), self.critic(hidden)[:, 0]


class RefAtariAgent(nn.Module):
    """ppo_atari.py's Agent: the Nature CNN in ``network``; stacks (B, 4, 84, 84), /255."""

    def __init__(self, num_actions=6):
        super().__init__()
        self.network = nn.Sequential(
            nn.Conv2d(4, 32, 8, stride=4), nn.ReLU(), nn.Conv2d(32, 64, 4, stride=2), nn.ReLU(),
            nn.Conv2d(64, 64, 3, stride=1), nn.ReLU(), nn.Flatten(), nn.Linear(3136, 512),
            nn.ReLU())
        self.actor = nn.Linear(512, num_actions)
        self.critic = nn.Linear(512, 1)

    def outputs(self, stacks_first):
        """Logits and values of channel-first uint8 stacks (B, 4, 84, 84), as CleanRL feeds
        them."""
        hidden = self.network(torch.as_tensor(stacks_first).float() / 255.0)
        return self.actor(hidden), self.critic(hidden)[:, 0]


# ------------------------------------------------------------------ a minimal PPO, for real
def ppo_train(model, outputs, env, updates, num_steps, seed=0, epochs=1, minibatches=2):
    """Clipped PPO with GAE on a VectorEnv (gym3 semantics). Returns every frame seen
    (uint8, (N,) + observation shape) and the per-update losses."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    opt = torch.optim.Adam(model.parameters(), lr=5e-4, eps=1e-5)
    gamma, lam, clip = 0.999, 0.95, 0.2
    seen, losses = [], []
    _, obs, first = env.observe()
    for _ in range(updates):
        buf = {k: [] for k in ("obs", "act", "logp", "val", "rew", "first")}
        for _ in range(num_steps):
            with torch.no_grad():
                logits, value = outputs(obs)
                dist = torch.distributions.Categorical(logits=logits)
                act = dist.sample()
            buf["obs"].append(obs.copy())
            buf["act"].append(act)
            buf["logp"].append(dist.log_prob(act))
            buf["val"].append(value)
            buf["first"].append(torch.as_tensor(first, dtype=torch.float32))
            env.act(act.numpy())
            rew, obs, first = env.observe()
            buf["rew"].append(torch.as_tensor(rew))
        with torch.no_grad():
            last = outputs(obs)[1]
        vals = torch.stack([*buf["val"], last])
        firsts = torch.stack([*buf["first"], torch.as_tensor(first, dtype=torch.float32)])
        adv = torch.zeros(num_steps, env.num_envs)
        gae = torch.zeros(env.num_envs)
        for t in reversed(range(num_steps)):
            alive = 1.0 - firsts[t + 1]
            delta = buf["rew"][t] + gamma * vals[t + 1] * alive - vals[t]
            gae = delta + gamma * lam * alive * gae
            adv[t] = gae
        returns = (adv + vals[:-1]).reshape(-1)
        b_obs = np.concatenate(buf["obs"])
        b_act, b_logp = torch.cat(buf["act"]), torch.cat(buf["logp"])
        b_adv = adv.reshape(-1)
        seen.append(b_obs)
        for _ in range(epochs):
            order = rng.permutation(len(b_obs))
            for mb in np.array_split(order, minibatches):
                logits, value = outputs(b_obs[mb])
                dist = torch.distributions.Categorical(logits=logits)
                ratio = torch.exp(dist.log_prob(b_act[mb]) - b_logp[mb])
                a = (b_adv[mb] - b_adv[mb].mean()) / (b_adv[mb].std() + 1e-8)
                pg = -torch.min(ratio * a, torch.clamp(ratio, 1 - clip, 1 + clip) * a).mean()
                loss = pg + 0.5 * ((value - returns[mb]) ** 2).mean() \
                    - 0.01 * dist.entropy().mean()
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 0.5)
                opt.step()
                losses.append(float(loss.detach()))
    return np.concatenate(seen), losses


@pytest.fixture(scope="module")
def procgen_trained(tmp_path_factory):
    """A ppo_procgen-shaped agent trained by PPO for 256 coinrun steps (4 envs x 32 steps x 2
    updates, 4 gradient steps), its state dict saved; returns (module, path, frames seen)."""
    torch.manual_seed(0)
    model = RefProcgenAgent()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    with make_env("procgen", "coinrun", 4, seed=0, distribution_mode="easy") as env:
        frames, losses = ppo_train(model, model.outputs, env, updates=2, num_steps=32)
    assert len(frames) == 256 and np.all(np.isfinite(losses))
    changed = [k for k, v in model.state_dict().items() if not torch.equal(v, before[k])]
    assert len(changed) == len(before)  # every parameter was trained
    path = str(tmp_path_factory.mktemp("cleanrl") / "ppo_procgen_agent.pt")
    torch.save(model.state_dict(), path)
    return model.eval(), path, frames


@pytest.fixture(scope="module")
def procgen_loaded(procgen_trained):
    return load_checkpoint("cleanrl:ppo_procgen:" + procgen_trained[1], device="cpu",
                           **PROCGEN)


def test_trained_procgen_agent_loads_exactly(procgen_trained, procgen_loaded):
    model, path, frames = procgen_trained
    agent = procgen_loaded
    assert agent.framework == "torch"
    assert agent.metadata.observation_shape == (64, 64, 3) and agent.metadata.num_actions == 15
    assert agent.metadata.env_kind == "procgen" and agent.metadata.env_name == "coinrun"
    assert agent.metadata.env_kwargs == {"distribution_mode": "easy"}  # ppo_procgen.py's
    assert len(agent.metadata.action_combos) == 15
    assert set(agent.get_weights()) == set(model.state_dict())  # key for key
    pick = frames[np.random.default_rng(1).choice(len(frames), 48, replace=False)]
    logits, values = agent(pick)
    with torch.no_grad():
        ref_logits, ref_values = model.outputs(pick)
    np.testing.assert_allclose(logits, ref_logits.numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(values, ref_values.numpy(), rtol=TOL, atol=TOL)
    assert np.ptp(values) > 0 and np.ptp(logits, axis=1).max() > 0


def test_the_module_object_itself_gives_the_same_agent(procgen_trained):
    """cleanrl_agent on the script's own module (a snapshot: the module stays trainable)."""
    from rlclarity_plugin.agents.cleanrl import cleanrl_agent

    model, _, frames = procgen_trained
    agent = cleanrl_agent(model, None, **PROCGEN)
    assert all(p.requires_grad for p in model.parameters())
    assert "network.0.res_block1" in agent.network.layer_names
    with torch.no_grad():
        ref_logits, ref_values = model.outputs(frames[:16])
    logits, values = agent(frames[:16])
    np.testing.assert_allclose(logits, ref_logits.numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(values, ref_values.numpy(), rtol=TOL, atol=TOL)
    with pytest.raises(ValueError, match=r"submodules network, actor and critic.*lacks critic"):
        cleanrl_agent(nn.ModuleDict({"network": nn.Identity(), "actor": nn.Identity()}),
                      **PROCGEN)


def test_cuts_inside_a_residual_branch_are_refused(procgen_loaded):
    net = procgen_loaded.network
    with pytest.raises(ValueError, match="bypasses it"):
        net.check_cut("network.0.res_block0.conv0")
    net.check_cut("network.0.res_block1")
    assert net.layer_shape("network.0.res_block1") == (32, 32, 16)
    assert net.layer_kind("network.0.res_block1") == "residual"


def test_integrated_gradients_are_complete(procgen_trained, procgen_loaded):
    """IG at network.1.res_block1 adds up to F(a) - F(0), both computed here with torch from
    the trained module: the trunk up to the cut, then the head after it."""
    from rlclarity_plugin.analysis.attribution import logit_output, value_output
    from rlclarity_plugin.analysis.config import AttributionConfig

    model, _, frames = procgen_trained
    net = procgen_loaded.network
    layer = "network.1.res_block1"
    obs = frames[np.random.default_rng(2).choice(len(frames), 12, replace=False)]
    acts = net.activations(layer, obs)  # channel-last
    with torch.no_grad():
        ref_acts = model.network[1](model.network[0](model.prepare(obs)))
    np.testing.assert_allclose(acts, ref_acts.permute(0, 2, 3, 1).numpy(), rtol=TOL, atol=TOL)

    def head(a):  # the trained module after the cut; a: (B, C, h, w)
        hidden = model.network[2:](a)
        return torch.cat([model.critic(hidden), model.actor(hidden)[:, 3:4]], 1).T  # (O, B)

    with torch.no_grad():
        delta = (head(ref_acts) - head(torch.zeros_like(ref_acts[:1]))).numpy()
    outputs = [value_output(), logit_output(3)]
    ig = net.integrated_gradients(layer, outputs, AttributionConfig(integrate_steps=128))
    attrs = ig(acts)
    assert attrs.shape == (2, 12, 16, 16, 32)
    totals = attrs.reshape(2, 12, -1).astype(np.float64).sum(-1)
    scale = np.maximum(np.abs(delta), 0.1 * np.abs(delta).max(axis=1, keepdims=True))
    err = np.abs(totals - delta) / scale
    assert err.max() < 0.02, err


def test_a_small_analysis_into_a_logdir(procgen_trained, tmp_path):
    from rlclarity_plugin.analysis.config import AnalysisConfig, FeatureConfig, NMFConfig
    from rlclarity_plugin.analysis.job import run_analysis
    from rlclarity_plugin.analysis.layers import LayerConfig
    from rlclarity_plugin.envs.probe_config import ProbeConfig
    from rlclarity_plugin.store.reader import LogdirReader

    small = AnalysisConfig(
        probe=ProbeConfig(traj_envs=2, traj_steps=16, obs_envs=4, obs_per_env=4, obs_every=2),
        layers=LayerConfig(name_contains_one_of=("network.1.res_block1",)),
        nmf=NMFConfig(features=3),
        features=FeatureConfig(subdiv_mults=(1.0,), expand_mults=(2.0,), subdiv_default=1.0,
                               expand_default=2.0))
    logdir = str(tmp_path / "logs")
    summary = run_analysis("cleanrl:ppo_procgen:" + procgen_trained[1], logdir, run="cleanrl",
                           step=512, config=small, progress=False,
                           load_options={"device": "cpu", **PROCGEN})
    assert summary["layers"] == ["network.1.res_block1"]
    reader = LogdirReader(logdir)
    assert reader.steps("cleanrl") == [512]
    manifest = reader.manifest("cleanrl", 512)
    layer = manifest.layer("network.1.res_block1")
    assert layer.shape == (16, 16, 32) and layer.features == 3
    maps, _ = reader.attribution("cleanrl", 512, "network.1.res_block1", 0, "v")
    assert maps.shape[:3] == (16, 16, 16) and np.isfinite(maps).all()
    series = reader.series("cleanrl", 512)
    # the stored values are the trained module's own on the probe set's frames
    frames = reader.frames("cleanrl", 512, 0)
    assert len(frames) == 16 and np.isfinite(series["values"]).all()


# ------------------------------------------------------------------ Atari
@pytest.fixture(scope="module")
def atari_stepped(tmp_path_factory):
    """A ppo_atari-shaped agent: random init, then 2 PPO gradient steps on 64 real Pong
    stacks (2 envs x 32 steps; far too little to learn anything, enough to move every
    weight). Our stacks are (84, 84, 4) channel-last; CleanRL's are (4, 84, 84)."""
    pytest.importorskip("ale_py")
    torch.manual_seed(1)
    model = RefAtariAgent()
    before = {k: v.clone() for k, v in model.state_dict().items()}

    def outputs(obs):  # channel-last stacks from our env -> CleanRL's channel-first
        return model.outputs(np.ascontiguousarray(np.asarray(obs).transpose(0, 3, 1, 2)))

    with make_env("atari", "pong", 2, seed=0) as env:
        frames, losses = ppo_train(model, outputs, env, updates=1, num_steps=32)
    assert np.all(np.isfinite(losses)) and frames.shape == (64, 84, 84, 4)
    assert all(not torch.equal(v, before[k]) for k, v in model.state_dict().items())
    path = str(tmp_path_factory.mktemp("cleanrl_atari") / "ppo_atari_agent.pt")
    torch.save(model.state_dict(), path)
    return model.eval(), path, frames


def test_atari_agent_loads_exactly(atari_stepped):
    model, path, frames = atari_stepped
    agent = load_checkpoint("cleanrl:ppo_atari:" + path, device="cpu", **ATARI)
    assert agent.metadata.observation_shape == (84, 84, 4) and agent.metadata.num_actions == 6
    assert agent.metadata.gamma == 0.99  # ppo_atari.py's
    logits, values = agent(frames)
    with torch.no_grad():
        ref_logits, ref_values = model.outputs(frames.transpose(0, 3, 1, 2))
    np.testing.assert_allclose(logits, ref_logits.numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(values, ref_values.numpy(), rtol=TOL, atol=TOL)
    from rlclarity_plugin.analysis.layers import select_layers

    assert select_layers(agent.network) == ["network.1", "network.3", "network.5"]
    assert agent.network.layer_shape("network.3") == (9, 9, 64)


# ------------------------------------------------------------------ bad inputs
def _one_line(call, exc=ValueError):
    with pytest.raises(exc) as e:
        call()
    text = str(e.value)
    assert "\n" not in text, text
    return text


def test_bad_inputs_get_one_clear_line(procgen_trained, tmp_path):
    import zipfile

    good = procgen_trained[1]
    load = lambda spec, **kw: load_checkpoint(spec, device="cpu", **kw)

    text = _one_line(lambda: load("cleanrl:ppo_impala:" + good, **PROCGEN))
    assert "unknown CleanRL architecture 'ppo_impala'" in text and "ppo_procgen" in text
    text = _one_line(lambda: load("cleanrl:" + good))
    assert "expected cleanrl:ARCH:PATH" in text
    text = _one_line(lambda: load("cleanrl:ppo_procgen:" + str(tmp_path / "nope.pt"),
                                  **PROCGEN), FileNotFoundError)
    assert "nope.pt" in text
    text = _one_line(lambda: load("cleanrl:ppo_procgen:" + good))  # no environment
    assert "do not record their environment" in text and "--env-kind" in text
    assert "ppo_procgen_agent.pt" in text

    noise = tmp_path / "noise.pt"
    noise.write_bytes(np.random.default_rng(0).integers(0, 256, 4096, np.uint8).tobytes())
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{noise}", **PROCGEN))
    assert "noise.pt" in text and "torch.save(agent.state_dict())" in text and "4096" in text

    sb3 = tmp_path / "sb3_model.zip"  # an SB3 model's layout: data + policy.pth
    with zipfile.ZipFile(sb3, "w") as z:
        z.writestr("data", "{}")
        z.writestr("policy.pth", b"")
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{sb3}", **PROCGEN))
    assert "sb3_model.zip" in text and "Stable-Baselines3" in text and "sb3:" in text

    policy = tmp_path / "sb3_policy.pth"  # an SB3 policy's own state dict
    torch.save({"features_extractor.cnn.0.weight": torch.zeros(32, 3, 8, 8),
                "action_net.weight": torch.zeros(15, 512)}, policy)
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{policy}", **PROCGEN))
    assert "sb3_policy.pth" in text and "does not hold a ppo_procgen agent" in text
    assert "missing 36" in text and "Stable-Baselines3 policy" in text

    whole = tmp_path / "whole_module.pt"
    torch.save(procgen_trained[0], whole)
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{whole}", **PROCGEN))
    assert "whole_module.pt" in text and "save agent.state_dict() instead" in text

    text = _one_line(lambda: load("cleanrl:ppo_atari:" + good, **ATARI))
    assert "does not hold a ppo_atari agent" in text and "load it as cleanrl:ppo_procgen" in text

    state = torch.load(good, weights_only=True)
    state["network.1.conv.weight"] = state["network.1.conv.weight"][:, :8]
    misshaped = tmp_path / "wrong_shape.pt"
    torch.save(state, misshaped)
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{misshaped}", **PROCGEN))
    assert "wrong_shape.pt" in text and "does not hold a ppo_procgen agent" in text
    assert "wrong shape: network.1.conv.weight (32, 8, 3, 3) (expected (32, 16, 3, 3))" in text

    state = torch.load(good, weights_only=True)
    state["network.5.weight"] = state["network.5.weight"][:, :512]  # trained on 32x32 frames
    small = tmp_path / "small_frames.pt"
    torch.save(state, small)
    text = _one_line(lambda: load(f"cleanrl:ppo_procgen:{small}", **PROCGEN))
    assert "small_frames.pt" in text and "takes 512 features" in text and "give 2048" in text

    # the command line says it in one line (exit 2) and writes nothing
    import os
    import subprocess
    import sys

    logdir = tmp_path / "logs"
    out = subprocess.run([sys.executable, "-m", "rlclarity_plugin.cli", "analyze",
                          "cleanrl:ppo_procgen:" + good, "--logdir", str(logdir),
                          "--no-progress"], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    lines = [line for line in out.stderr.splitlines() if line.startswith("rl-clarity")]
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert len(lines) == 1 and "--env-kind" in lines[0] and "ppo_procgen_agent.pt" in lines[0]
    assert not logdir.exists()

    pytest.importorskip("ale_py")
    text = _one_line(lambda: load("cleanrl:ppo_procgen:" + good, **ATARI))
    assert "takes 3-channel frames but atari:pong gives frames of shape (84, 84, 4)" in text
