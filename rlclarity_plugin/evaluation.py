"""Mean episode return of an agent (and of a random policy on the same levels)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .envs import check_agent_fits_env, make_env
from .envs.rollouts import choose_actions


@dataclass
class EvaluationResult:
    """Returns of ``episodes`` complete episodes; ``level_seeds`` where the env reports them."""

    policy: str
    returns: list = field(default_factory=list)
    lengths: list = field(default_factory=list)
    level_seeds: list = field(default_factory=list)

    @property
    def mean(self) -> float:
        return float(np.mean(self.returns)) if self.returns else float("nan")

    @property
    def stderr(self) -> float:
        n = len(self.returns)
        return float(np.std(self.returns, ddof=1) / math.sqrt(n)) if n > 1 else float("nan")

    def to_json(self) -> dict:
        return {"policy": self.policy, "episodes": len(self.returns), "mean_return": self.mean,
                "stderr": self.stderr, "mean_length": float(np.mean(self.lengths))
                if self.lengths else float("nan")}


def run_episodes(env, policy, episodes: int, progress=None) -> EvaluationResult:
    """Run ``policy(obs) -> actions`` until each env finished its share of ``episodes``.

    Each env plays the same number of episodes (its first ``ceil(episodes / E)``), so short
    episodes are not over-represented and, with the same env seed, two policies meet the same
    level sequence. Only complete episodes are counted.
    """
    E = env.num_envs
    quota = -(-episodes // E)
    counts = np.zeros(E, int)
    ep_ret = np.zeros(E)
    ep_len = np.zeros(E, int)
    result = EvaluationResult(policy="")
    seeds = _level_seeds(env)
    episode_seed = list(seeds) if seeds is not None else [None] * E
    while (counts < quota).any():
        _, obs, _ = env.observe()
        env.act(policy(obs))
        reward, _, first = env.observe()
        ep_ret += reward
        ep_len += 1
        new_seeds = _level_seeds(env) if first.any() else None
        for i in np.flatnonzero(first):
            if counts[i] < quota:
                counts[i] += 1
                result.returns.append(float(ep_ret[i]))
                result.lengths.append(int(ep_len[i]))
                result.level_seeds.append(episode_seed[i])
                if progress is not None:
                    progress.update(1)
            ep_ret[i] = 0.0
            ep_len[i] = 0
            if new_seeds is not None:
                episode_seed[i] = new_seeds[i]
    return result


def _level_seeds(env):
    getter = getattr(env, "level_seeds", None)
    return getter() if getter is not None else None


def evaluate(agent, episodes: int = 200, num_envs: int = 64, seed: int = 0, greedy: bool = False,
             baseline: str | None = None, env_kwargs: dict | None = None,
             progress: bool = False) -> list[EvaluationResult]:
    """Mean return of ``agent`` over ``episodes`` episodes; with ``baseline="random"`` also a
    uniformly random policy on the same levels (same env seed, so the same level sequence)."""
    from tqdm import tqdm

    meta = agent.metadata
    kwargs = {**meta.env_kwargs, **(env_kwargs or {})}
    if baseline not in (None, "random"):
        raise ValueError(f"unknown baseline {baseline!r}; expected 'random'")
    rng = np.random.default_rng(seed)
    policies = [("agent", lambda obs: choose_actions(agent(obs)[0], rng, greedy))]
    if baseline == "random":
        policies.append(("random", lambda obs: rng.integers(0, meta.num_actions, len(obs))))
    results = []
    for name, policy in policies:
        with make_env(meta.env_kind, meta.env_name, num_envs, seed=seed, **kwargs) as env:
            check_agent_fits_env(agent, env)
            with tqdm(total=-(-episodes // num_envs) * num_envs, unit="episode", desc=name,
                      disable=not progress) as bar:
                result = run_episodes(env, policy, episodes, bar)
        result.policy = name
        results.append(result)
    return results
