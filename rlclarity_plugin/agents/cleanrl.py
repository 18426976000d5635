"""CleanRL agents on the torch backend: a user's ``agent.state_dict()`` file or the module itself.

CleanRL scripts keep the network in one class with three submodules: ``network`` (the trunk),
``actor`` (the logits) and ``critic`` (the value). Two of its scripts' architectures are built
here, module for module, so that a state dict saved by them loads key for key
(``load_state_dict(strict=True)``):

``ppo_procgen`` (``cleanrl/ppo_procgen.py``, the IMPALA CNN; frames ``(B, 64, 64, 3)`` uint8,
permuted to ``(B, 3, 64, 64)`` and divided by 255 inside the agent)::

    network.{i}.conv.{weight,bias}                    i = 0, 1, 2: (d, c, 3, 3), d = 16, 32, 32
    network.{i}.res_block{j}.conv{k}.{weight,bias}    j, k = 0, 1: (d, d, 3, 3)
    network.5.{weight,bias}                           Linear (256, 32 * 8 * 8) for 64x64 frames
    actor.{weight,bias}                               (A, 256)
    critic.{weight,bias}                              (1, 256)

Each ``ConvSequence`` is conv 3x3 (padding 1), max-pool 3/2 with padding 1 (a function call,
not a module), then two ``ResidualBlock`` s ``x + conv1(relu(conv0(relu(x))))``; ``network``
then has ``Flatten`` (3), ``ReLU`` (4), ``Linear`` (5), ``ReLU`` (6). 36 keys.

``ppo_atari`` (``cleanrl/ppo_atari.py``, the Nature CNN; stacks ``(B, 4, 84, 84)`` uint8 divided
by 255 inside the agent)::

    network.0.{weight,bias}    Conv 8x8 stride 4, (32, 4, 8, 8)      network.1  ReLU
    network.2.{weight,bias}    Conv 4x4 stride 2, (64, 32, 4, 4)     network.3  ReLU
    network.4.{weight,bias}    Conv 3x3 stride 1, (64, 64, 3, 3)     network.5  ReLU
    network.7.{weight,bias}    Linear (512, 3136)                    network.6  Flatten, .8 ReLU
    actor.{weight,bias} (A, 512)      critic.{weight,bias} (1, 512)                     12 keys

**Cut points** are named by module path under ``network``: ``network.0.conv``,
``network.0.res_block0``, ``network.0.res_block1``, ..., ``network.5`` (procgen);
``network.1``, ``network.3``, ``network.5`` (the ReLUs), ... (Atari). A ``ConvSequence``
(``network.0``) returns its last residual block's output tensor itself, so that cut is listed
once, as ``network.0.res_block1``. Convolutions inside a residual branch
(``network.0.res_block0.conv0``) are listed but refused when used: the skip connection
bypasses them. The default layer selection (kinds ``relu``/``residual``) picks the six
residual blocks (procgen) or the three convolutional ReLUs (Atari).

**Environments.** A state dict does not record the environment: ``env_kind`` and ``env_name``
are required (command line: ``--env-kind procgen --env coinrun``). The observation shape and
action count are read from the state dict (input channels, the flattened size, ``actor``'s
rows) and checked against the environment before anything runs. For ``ppo_procgen`` on procgen
the environment defaults to ``distribution_mode="easy"`` (the script's setting; override with
``env_kwargs`` or ``--env-option``); ``gamma`` defaults to the script's (0.999 procgen, 0.99
Atari), ``lam`` to 0.95.

**Atari preprocessing.** ``ppo_atari.py`` trains on gymnasium wrappers: no-op reset (30),
max-and-skip 4, *episodic life*, fire reset, *reward clipping* to its sign, resize to 84x84
and grey, ``FrameStack(4)`` giving ``(4, 84, 84)`` (first axis oldest to newest, filled with
the first frame after a reset). Probe sets here come from this project's ``atari`` kind
(:mod:`rlclarity_plugin.envs.atari_env`): the same no-op reset, frame skip with the max of the
last two frames, fire reset, minimal action set, no sticky actions, and 4 stacked 84x84 grey
frames filled the same way after a reset, but channel-last ``(84, 84, 4)`` (oldest to newest
too): the backend permutes it to ``(4, 84, 84)``, so the network sees the layout it was
trained on. What differs: episodes end only when the game does (no episodic life: the
frames after a lost life continue the stack instead of restarting it, and FIRE is pressed
for the agent only at the start of a game, not after every lost life); rewards are not
clipped (this changes the advantages and bookmarks the analysis computes, not the network's
input); grey comes from the ALE's own palette and is then area-resized, where CleanRL resizes
the RGB frame with OpenCV and converts it to grey (pixel values may differ by a few levels);
episodes are truncated at 108,000 frames (the ALE's 30-minute limit).
"""

from __future__ import annotations

import io
from copy import deepcopy as copy_module

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ..store import files
from .torch_architectures import ResidualBlock  # the same block (conv0, conv1) as IMPALA's
from .torch_backend import TorchSpec, torch_agent

ARCHITECTURES = ("ppo_procgen", "ppo_atari")
DEFAULT_GAMMA = {"ppo_procgen": 0.999, "ppo_atari": 0.99, None: 0.999}
PROCGEN_DEPTHS = (16, 32, 32)
PROCGEN_HIDDEN = 256
ATARI_HIDDEN = 512
ENV_HINT = ("pass the environment it was trained on: --env-kind and --env on the command line "
            "(e.g. --env-kind procgen --env coinrun), env_kind= and env_name= in Python")


# -------------------------------------------------------------------------------- the networks
class ConvSequence(nn.Module):
    """Conv 3x3 to ``out_channels``, max-pool 3/2 (padding 1), two residual blocks:
    ``(B, c, h, w) -> (B, out_channels, (h + 1) // 2, (w + 1) // 2)``."""

    def __init__(self, input_shape: tuple, out_channels: int):
        super().__init__()
        self._input_shape = tuple(input_shape)   # (c, h, w)
        self._out_channels = int(out_channels)
        self.conv = nn.Conv2d(self._input_shape[0], self._out_channels, 3, padding=1)
        self.res_block0 = ResidualBlock(self._out_channels)
        self.res_block1 = ResidualBlock(self._out_channels)

    def get_output_shape(self) -> tuple:
        _, h, w = self._input_shape
        return (self._out_channels, (h + 1) // 2, (w + 1) // 2)

    def forward(self, x):
        x = F.max_pool2d(self.conv(x), kernel_size=3, stride=2, padding=1)
        return self.res_block1(self.res_block0(x))


class _CleanRLAgent(nn.Module):
    """``network`` / ``actor`` / ``critic`` with CleanRL's ``get_value`` and
    ``get_action_and_value``; subclasses say how raw observations become ``network``'s
    input (:meth:`prepare`)."""

    network: nn.Sequential
    actor: nn.Linear
    critic: nn.Linear

    def prepare(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def get_value(self, x: torch.Tensor) -> torch.Tensor:
        """Values ``(B, 1)`` of raw observations."""
        return self.critic(self.network(self.prepare(x)))

    def get_action_and_value(self, x: torch.Tensor, action: torch.Tensor | None = None):
        """``(action (B,), log-probability (B,), entropy (B,), value (B, 1))``; the action is
        sampled from the logits unless given."""
        hidden = self.network(self.prepare(x))
        dist = torch.distributions.Categorical(logits=self.actor(hidden))
        if action is None:
            action = dist.sample()
        return action, dist.log_prob(action), dist.entropy(), self.critic(hidden)


class ProcgenAgent(_CleanRLAgent):
    """The network of CleanRL's ``ppo_procgen.py``. Raw observations: ``(B, H, W, C)`` uint8
    or float in 0..255 (permuted and divided by 255 here); ``network`` takes
    ``(B, C, H, W)`` in [0, 1] and gives ``(B, 256)``."""

    def __init__(self, observation_shape: tuple = (64, 64, 3), num_actions: int = 15):
        super().__init__()
        h, w, c = observation_shape
        shape = (c, h, w)
        layers: list[nn.Module] = []
        for depth in PROCGEN_DEPTHS:
            seq = ConvSequence(shape, depth)
            shape = seq.get_output_shape()
            layers.append(seq)
        layers += [nn.Flatten(), nn.ReLU(), nn.Linear(int(np.prod(shape)), PROCGEN_HIDDEN),
                   nn.ReLU()]
        self.network = nn.Sequential(*layers)
        self.actor = nn.Linear(PROCGEN_HIDDEN, num_actions)
        self.critic = nn.Linear(PROCGEN_HIDDEN, 1)

    def prepare(self, x):
        return x.permute(0, 3, 1, 2) / 255.0


class AtariAgent(_CleanRLAgent):
    """The network of CleanRL's ``ppo_atari.py`` (Nature CNN). Raw observations: stacks
    ``(B, 4, 84, 84)`` in 0..255 (divided by 255 here); ``network`` gives ``(B, 512)``."""

    def __init__(self, frames: int = 4, num_actions: int = 6, side: int = 84):
        super().__init__()
        out = _nature_side(side)
        self.network = nn.Sequential(
            nn.Conv2d(frames, 32, 8, stride=4), nn.ReLU(),
            nn.Conv2d(32, 64, 4, stride=2), nn.ReLU(),
            nn.Conv2d(64, 64, 3, stride=1), nn.ReLU(),
            nn.Flatten(), nn.Linear(64 * out * out, ATARI_HIDDEN), nn.ReLU())
        self.actor = nn.Linear(ATARI_HIDDEN, num_actions)
        self.critic = nn.Linear(ATARI_HIDDEN, 1)

    def prepare(self, x):
        return x / 255.0


def _nature_side(side: int) -> int:
    for size, stride in ((8, 4), (4, 2), (3, 1)):
        side = (side - size) // stride + 1
    return side


def _procgen_flat(h: int, w: int) -> int:
    for _ in PROCGEN_DEPTHS:
        h, w = (h + 1) // 2, (w + 1) // 2
    return PROCGEN_DEPTHS[-1] * h * w


def build_cleanrl_module(architecture: str, observation_shape: tuple,
                         num_actions: int) -> _CleanRLAgent:
    """A freshly initialised CleanRL network for environment frames ``(H, W, C)``."""
    _check_architecture(architecture)
    h, w, c = (int(d) for d in observation_shape)
    if architecture == "ppo_procgen":
        return ProcgenAgent((h, w, c), num_actions)
    if h != w:
        raise ValueError(f"ppo_atari takes square frame stacks; got {h}x{w}")
    return AtariAgent(c, num_actions, h)


def _check_architecture(architecture) -> None:
    if architecture not in ARCHITECTURES:
        raise ValueError(f"unknown CleanRL architecture {architecture!r}; expected one of "
                         f"{', '.join(ARCHITECTURES)} (the script the agent was trained with)")


# -------------------------------------------------------------------------------- the agent
def cleanrl_spec() -> TorchSpec:
    """CleanRL's convention: ``logits = actor(network(x))``, ``value = critic(network(x))`` with
    ``x`` the channel-last uint8 frames permuted to ``(B, C, H, W)`` and divided by 255. The
    same for both scripts: the ``atari`` kind's ``(84, 84, 4)`` stacks become ``(4, 84, 84)``."""
    return TorchSpec.from_heads("network", "actor", "critic", channels_first=True,
                                input_scale=1.0 / 255.0)


def _env_facts(env_kind: str, env_name: str, env_kwargs: dict) -> tuple:
    """``(observation_shape, num_actions, action_combos)`` of one environment, made and
    closed (it also validates the kind, name and options)."""
    from ..envs import make_env

    with make_env(env_kind, env_name, 1, **env_kwargs) as env:
        return tuple(env.observation_shape), int(env.num_actions), env.action_combos


def _env_kwargs(architecture, env_kind: str, env_kwargs: dict | None) -> dict:
    kwargs = dict(env_kwargs or {})
    if architecture == "ppo_procgen" and env_kind == "procgen":
        kwargs.setdefault("distribution_mode", "easy")  # ppo_procgen.py trains on easy levels
    return kwargs


def _require_env(env_kind, env_name, what: str) -> None:
    if not env_kind or not env_name:
        raise ValueError(f"{what}: CleanRL state dicts do not record their environment; "
                         + ENV_HINT)


def cleanrl_agent(module: nn.Module, architecture: str | None = None, *, env_kind: str,
                  env_name: str, env_kwargs: dict | None = None, device: str = "auto",
                  training_step: int = 0, gamma: float | None = None, lam: float = 0.95):
    """An :class:`~.agent.Agent` around a CleanRL-style module (the object in your script).

    ``module`` needs submodules ``network``, ``actor`` and ``critic`` with
    ``actor(network(x))`` the logits ``(B, A)`` and ``critic(network(x))`` the value
    ``(B, 1)``, where ``x`` is the environment's uint8 ``(B, H, W, C)`` frames permuted to
    ``(B, C, H, W)`` and divided by 255 (what ``ppo_procgen.py`` does inside its methods, and
    what ``ppo_atari.py``'s ``(B, 4, 84, 84)`` stacks are). ``architecture`` (``ppo_procgen``,
    ``ppo_atari`` or None for any such module) names the agent and sets the defaults (procgen
    ``distribution_mode="easy"``; ``gamma`` 0.999 / 0.99). The environment (one is made and
    closed) gives the observation shape, action count and action names. Cut points are module
    paths (``network.0.res_block1``, ``network.3``).

    The agent holds a deep copy, a snapshot of the weights now: the module in your training
    loop keeps its device, mode and trainable parameters, and later updates do not show in the
    agent (call this again, or save a state dict, for a later checkpoint).
    """
    if architecture is not None:
        _check_architecture(architecture)
    missing = [n for n in ("network", "actor", "critic")
               if not isinstance(getattr(module, n, None), nn.Module)]
    if not isinstance(module, nn.Module) or missing:
        have = ([n for n, _ in module.named_children()] if isinstance(module, nn.Module)
                else [])
        raise ValueError(f"expected a CleanRL-style torch.nn.Module with submodules network, "
                         f"actor and critic; {type(module).__name__} lacks "
                         f"{', '.join(missing) or 'nn.Module'}"
                         + (f" (it has: {', '.join(have)})" if have else ""))
    _require_env(env_kind, env_name, f"cleanrl_agent({type(module).__name__})")
    kwargs = _env_kwargs(architecture, env_kind, env_kwargs)
    facts = _env_facts(env_kind, env_name, kwargs)
    return _agent(copy_module(module), architecture, env_kind, env_name, kwargs, facts,
                  device=device, training_step=training_step, gamma=gamma, lam=lam)


def _agent(module, architecture, env_kind, env_name, kwargs, facts, *, device, training_step,
           gamma, lam):
    observation_shape, num_actions, combos = facts
    actor_out = getattr(module.actor, "out_features", None)
    if actor_out is not None and actor_out != num_actions:
        raise ValueError(f"the module's actor gives {actor_out} logits but {env_kind}:"
                         f"{env_name} has {num_actions} actions; {ENV_HINT}")
    name = f"cleanrl_{architecture}" if architecture else "cleanrl"
    return torch_agent(module, cleanrl_spec(), observation_shape=observation_shape,
                       num_actions=num_actions, env_kind=env_kind, env_name=env_name,
                       env_kwargs=kwargs, action_combos=combos,
                       gamma=DEFAULT_GAMMA[architecture] if gamma is None else gamma, lam=lam,
                       training_step=training_step, architecture=name, device=device)


# -------------------------------------------------------------------------------- state dicts
def _shape(t) -> tuple:
    return tuple(int(d) for d in t.shape)


def _listing(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


def _read_state_dict(path: str) -> dict:
    """The tensors of a ``torch.save(agent.state_dict())`` file; ``ValueError`` (one line)
    for anything else."""
    from . import sb3

    if not files.exists(path):
        raise FileNotFoundError(f"no CleanRL checkpoint at {path!r}: expected the file "
                                "torch.save(agent.state_dict(), PATH) wrote")
    if sb3.is_sb3_checkpoint(path):
        raise ValueError(f"{path!r} is a Stable-Baselines3 model (a .zip with data and "
                         f"policy.pth), not a CleanRL state dict: load it as sb3:{path}")
    data = files.read(path)
    if not data.startswith((b"PK\x03\x04", b"\x80")):  # torch.save: a zip, or a legacy pickle
        raise ValueError(f"cannot read CleanRL checkpoint {path!r}: expected a "
                         f"torch.save(agent.state_dict()) file (a zip archive or a pickle), "
                         f"found a file of {len(data)} bytes that is neither"
                         + (" (empty)" if not data else ""))
    try:
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as e:  # pickle, zip and torch errors alike: not a state dict file
        first = (str(e).strip().splitlines() or ["no details"])[0][:160]
        hint = ("a whole pickled module or other object (torch.save(agent)?): save "
                "agent.state_dict() instead" if "weights_only" in str(e) or
                "global" in str(e).lower() else f"{type(e).__name__}: {first}")
        raise ValueError(f"cannot read CleanRL checkpoint {path!r}: expected a "
                         f"torch.save(agent.state_dict()) file, found a file of {len(data)} "
                         f"bytes torch.load cannot read as one ({hint})") from e
    if not isinstance(state, dict) or not state:
        raise ValueError(f"CleanRL checkpoint {path!r}: expected a state dict (parameter name "
                         f"-> tensor), found {type(state).__name__}"
                         + (" (empty)" if isinstance(state, dict) else ""))
    bad = [str(k) for k, v in state.items() if not isinstance(v, torch.Tensor)]
    if bad:
        nested = [k for k in bad if isinstance(state[k], dict)]
        raise ValueError(f"CleanRL checkpoint {path!r}: expected a state dict of tensors, found "
                         f"non-tensor entries {_listing(bad)}"
                         + (f"; is the state dict under {nested[0]!r}? save "
                            "agent.state_dict() itself" if nested else ""))
    return state


def _guess(state: dict, architecture: str) -> str:
    """What a state dict with unexpected keys looks like, as a hint."""
    keys = set(state)
    for arch in ARCHITECTURES:
        if arch != architecture and _key_shapes(arch, state).keys() <= keys:
            return f"; it looks like a {arch} agent: load it as cleanrl:{arch}:PATH"
    if any(k.startswith(("features_extractor.", "pi_features_extractor.", "mlp_extractor.",
                         "action_net.")) for k in keys):
        return "; it looks like a Stable-Baselines3 policy: load the model's .zip as sb3:PATH"
    return ""


def _key_shapes(architecture: str, state: dict) -> dict:
    """Expected key -> shape, sizes of the first layer, hidden layer and actor taken from
    ``state`` where present (so that only what must agree is compared)."""

    def dim(key, axis, default):
        t = state.get(key)
        return int(t.shape[axis]) if isinstance(t, torch.Tensor) and t.dim() > axis else default

    if architecture == "ppo_procgen":
        c, cin, out = dim("network.0.conv.weight", 1, 3), None, {}
        for i, d in enumerate(PROCGEN_DEPTHS):
            cin = c if i == 0 else PROCGEN_DEPTHS[i - 1]
            out[f"network.{i}.conv.weight"] = (d, cin, 3, 3)
            out[f"network.{i}.conv.bias"] = (d,)
            for j in (0, 1):
                for k in (0, 1):
                    out[f"network.{i}.res_block{j}.conv{k}.weight"] = (d, d, 3, 3)
                    out[f"network.{i}.res_block{j}.conv{k}.bias"] = (d,)
        linear, hidden = "network.5", PROCGEN_HIDDEN
        out[f"{linear}.weight"] = (hidden, dim(f"{linear}.weight", 1, 2048))
    else:
        c, out = dim("network.0.weight", 1, 4), {}
        for key, shape in (("network.0", (32, c, 8, 8)), ("network.2", (64, 32, 4, 4)),
                           ("network.4", (64, 64, 3, 3))):
            out[f"{key}.weight"], out[f"{key}.bias"] = shape, shape[:1]
        linear, hidden = "network.7", ATARI_HIDDEN
        out[f"{linear}.weight"] = (hidden, dim(f"{linear}.weight", 1, 3136))
    out[f"{linear}.bias"] = (hidden,)
    actions = dim("actor.weight", 0, 1)
    out.update({"actor.weight": (actions, hidden), "actor.bias": (actions,),
                "critic.weight": (1, hidden), "critic.bias": (1,)})
    return out


def _check_keys(architecture: str, state: dict, path: str) -> None:
    expected = _key_shapes(architecture, state)
    missing = [k for k in expected if k not in state]
    unexpected = sorted(k for k in state if k not in expected)
    misshaped = [f"{k} {_shape(state[k])} (expected {expected[k]})" for k in expected
                 if k in state and _shape(state[k]) != expected[k]]
    if missing or unexpected:
        misshaped = []  # shapes of another network's keys say nothing more
    if missing or unexpected or misshaped:
        found = "; ".join(part for part in (
            f"missing {len(missing)}: {_listing(missing)}" if missing else "",
            f"unexpected {len(unexpected)}: {_listing(unexpected)}" if unexpected else "",
            f"wrong shape: {_listing(misshaped, 3)}" if misshaped else "") if part)
        raise ValueError(f"CleanRL checkpoint {path!r} does not hold a {architecture} agent: "
                         f"expected the {len(expected)} keys of {architecture}.py's Agent "
                         f"(network.*, actor.*, critic.*), found {len(state)} keys; {found}"
                         + _guess(state, architecture))


def _check_fits_env(architecture: str, state: dict, path: str, env: str, shape: tuple,
                    num_actions: int) -> None:
    """The state dict's input channels, flattened size and action count against the env's."""
    h, w, c = shape
    if architecture == "ppo_procgen":
        channels = int(state["network.0.conv.weight"].shape[1])
        flat, want = int(state["network.5.weight"].shape[1]), _procgen_flat(h, w)
        layer = "network.5"
    else:
        channels = int(state["network.0.weight"].shape[1])
        side = _nature_side(h) if h == w else 0
        flat, want = int(state["network.7.weight"].shape[1]), 64 * side * side
        layer = "network.7"
    actions = int(state["actor.weight"].shape[0])
    where = f"CleanRL checkpoint {path!r} ({architecture})"
    if channels != c:
        extra = (f" (--env-option frame_stack={channels})" if architecture == "ppo_atari"
                 and env.startswith("atari:") else "")
        raise ValueError(f"{where} takes {channels}-channel frames but {env} gives frames of "
                         f"shape {shape}; {ENV_HINT}{extra}")
    if flat != want:
        raise ValueError(f"{where}: its Linear {layer} takes {flat} features but {env}'s "
                         f"{h}x{w} frames give {want}: the frames it was trained on had "
                         f"another size; {ENV_HINT}")
    if actions != num_actions:
        raise ValueError(f"{where} has {actions} actions (actor.weight rows) but {env} has "
                         f"{num_actions}; {ENV_HINT}")


def load_cleanrl_checkpoint(spec: str, *, device: str = "auto", env_kind: str | None = None,
                            env_name: str | None = None, env_kwargs: dict | None = None,
                            training_step: int = 0, gamma: float | None = None,
                            lam: float = 0.95):
    """Load ``ARCH:PATH`` (``cleanrl:`` stripped by the dispatcher): a
    ``torch.save(agent.state_dict(), PATH)`` file of CleanRL's ``ARCH.py`` (``ppo_procgen`` or
    ``ppo_atari``) into that script's network, as an :class:`~.agent.Agent` on the torch
    backend.

    ``env_kind`` and ``env_name`` are required (a state dict does not record them); ``PATH`` may
    be local or a URL the store's file layer reads. Raises ``FileNotFoundError`` for a missing
    file and ``ValueError`` (one line naming the file, what was expected and what was found)
    for an unknown ``ARCH``, a file that is not a state dict (an SB3 .zip, a pickled module,
    noise), keys or shapes of another network, or an environment the network does not fit.
    """
    arch, sep, path = str(spec).partition(":")
    if not sep or not path:
        raise ValueError(f"'cleanrl:{spec}': expected cleanrl:ARCH:PATH with ARCH one of "
                         f"{', '.join(ARCHITECTURES)} (e.g. cleanrl:ppo_procgen:agent.pt)")
    if arch not in ARCHITECTURES:
        raise ValueError(f"'cleanrl:{spec}': unknown CleanRL architecture {arch!r}; expected "
                         f"one of {', '.join(ARCHITECTURES)} (the script that saved {path!r})")
    state = _read_state_dict(path)
    _require_env(env_kind, env_name, f"CleanRL checkpoint {path!r}")
    _check_keys(arch, state, path)
    kwargs = _env_kwargs(arch, env_kind, env_kwargs)
    facts = _env_facts(env_kind, env_name, kwargs)
    shape, num_actions, _ = facts
    _check_fits_env(arch, state, path, f"{env_kind}:{env_name}", shape, num_actions)
    module = build_cleanrl_module(arch, shape, num_actions)
    module.load_state_dict(state, strict=True)
    return _agent(module, arch, env_kind, env_name, kwargs, facts, device=device,
                  training_step=training_step, gamma=gamma, lam=lam)


__all__ = ["ARCHITECTURES", "AtariAgent", "ConvSequence", "ProcgenAgent", "ResidualBlock",
           "build_cleanrl_module", "cleanrl_agent", "cleanrl_spec", "load_cleanrl_checkpoint"]
