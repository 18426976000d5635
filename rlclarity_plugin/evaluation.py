"""Evaluation of agents: episodes on a fixed set of levels, and paired comparisons.

Conventions:

* **Which episodes.** ``N`` episodes on ``E`` parallel envs are the episodes ``(env i, episode
  number k)`` with ``k * E + i < N``: env ``i`` plays its first ``ceil((N - i) / E)`` episodes
  and then idles (its observations are no longer given to the policy). The set is fixed before
  anything is played, so short episodes are not over-represented, and two policies playing with
  the same env seed meet the same levels: procgen's level sequence of an env depends only on
  the env seed, never on the actions.
* **Common random numbers.** Sampled actions use the Gumbel-max trick with noise drawn from a
  generator seeded by ``(seed, env, episode number)``: step ``t`` of episode ``k`` of env ``i``
  gets the same noise for every policy. Two policies that agree on a state also agree on the
  sampled action there, so paired episodes part only where the policies differ (an agent
  compared with itself gives identical episodes, difference 0).
* **Success and failures.** Where the environment reports level completion (procgen's
  ``prev_level_complete``), an episode succeeds when it completed its level. A failed episode is
  ``timed out`` when it reached the environment's step limit (procgen: 1000) and ``died`` when
  it ended earlier; procgen does not expose the finer cause (CoinRun: a buzzsaw or an enemy),
  and environments that report no completion get return only.
* **Pairing.** :func:`compare_paired` pairs episode ``(i, k)`` of one policy with ``(i, k)`` of
  the other and checks that both played the same level seed; pairs whose seeds differ are left
  out and counted. The paired difference is the mean of per-pair ``edited - original`` with
  standard error ``std(d, ddof=1) / sqrt(n)`` (0 for one pair).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .envs import check_agent_fits_env, make_env
from .store.schema import Estimate

DIED, TIMED_OUT, NOT_COMPLETED = "died", "timed out", "not completed"
#: Default number of levels of a paired evaluation.
DEFAULT_EPISODES = 1000

__all__ = [
    "DEFAULT_EPISODES",
    "Episode",
    "EvaluationResult",
    "PairedComparison",
    "compare_paired",
    "episode_quota",
    "estimate",
    "evaluate",
    "evaluate_agents",
    "outcome_note",
    "play_episodes",
]


@dataclass(frozen=True)
class Episode:
    """One complete episode: env index, episode number of that env (0-based), the level seed
    (None where the env reports none), return, length (actions), success (None where the env
    does not report level completion) and, for a failed one, its cause."""

    env: int
    number: int
    level_seed: int | None
    episode_return: float
    length: int
    success: bool | None
    cause: str | None = None


@dataclass
class EvaluationResult:
    """The episodes one policy played (sorted by env, then episode number) and how."""

    policy: str
    episodes: list = field(default_factory=list)
    seed: int = 0
    greedy: bool = False
    reports_success: bool = False
    max_episode_steps: int | None = None
    env: str = ""

    @property
    def returns(self) -> list[float]:
        return [e.episode_return for e in self.episodes]

    @property
    def lengths(self) -> list[int]:
        return [e.length for e in self.episodes]

    @property
    def level_seeds(self) -> list:
        return [e.level_seed for e in self.episodes]

    @property
    def mean(self) -> float:
        return float(np.mean(self.returns)) if self.episodes else float("nan")

    @property
    def stderr(self) -> float:
        n = len(self.episodes)
        return float(np.std(self.returns, ddof=1) / math.sqrt(n)) if n > 1 else float("nan")

    @property
    def success_rate(self) -> float | None:
        """Fraction of episodes that completed their level (None: not reported)."""
        if not self.reports_success or not self.episodes:
            return None
        return float(np.mean(self.successes()))

    def successes(self) -> list[float]:
        """1.0 / 0.0 per episode: level completed or not (empty where not reported)."""
        return [float(e.success) for e in self.episodes] if self.reports_success else []

    def failures(self) -> dict[str, int]:
        """Failed episodes by cause (empty where success is not reported)."""
        out: dict[str, int] = {}
        for e in self.episodes:
            if e.success is False:
                out[e.cause] = out.get(e.cause, 0) + 1
        return out

    def to_json(self) -> dict:
        out = {"policy": self.policy, "episodes": len(self.episodes), "mean_return": self.mean,
               "stderr": self.stderr, "mean_length": float(np.mean(self.lengths))
               if self.episodes else float("nan")}
        if self.reports_success:
            out["success_rate"] = self.success_rate
            out["failures"] = self.failures()
        return out


def episode_quota(episodes: int, num_envs: int) -> np.ndarray:
    """``(E,)`` episodes each env plays: env ``i`` plays episodes ``k`` with ``k*E + i < N``."""
    if episodes < 1 or num_envs < 1:
        raise ValueError(f"episodes and num_envs must be at least 1, got {episodes} and "
                         f"{num_envs}")
    i = np.arange(num_envs)
    return np.maximum(0, -(-(episodes - i) // num_envs))


def _gumbel_actions(logits: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Argmax of ``logits + Gumbel noise`` made from ``uniforms`` in [0, 1): a sample from
    softmax(logits) (as :func:`~.envs.rollouts.choose_actions`)."""
    u = np.clip(uniforms, 1e-12, 1.0 - 1e-12)
    return np.argmax(logits - np.log(-np.log(u)), axis=-1).astype(np.int64)


def _cause(success, length: int, limit: int | None) -> str | None:
    if success is not False:
        return None
    if limit is None:
        return NOT_COMPLETED
    return TIMED_OUT if length >= limit else DIED


def play_episodes(env, logits_fn, episodes: int, *, seed: int = 0, greedy: bool = False,
                  policy: str = "", progress=None) -> EvaluationResult:
    """Play ``episodes`` episodes of ``env`` with the policy ``logits_fn(obs) -> (B, A)``.

    Algorithm:
        1. ``quota = episode_quota(episodes, E)``; every env starts a fresh episode (the env
           was just made: all firsts True), numbered 0.
        2. Each step: the observations of the envs still short of their quota go to
           ``logits_fn``; actions are the argmax (``greedy``) or a Gumbel-max sample with
           noise from the env's episode generator ``default_rng((seed, env, number))``; envs
           done with their quota take action 0 (they are stepped, nothing is recorded).
        3. Where an episode ended (``firsts``), the env's :meth:`~.envs.base.VectorEnv.
           episode_ends` gives its level seed and whether the level was completed; the episode
           is recorded with its return (sum of rewards), length (actions), success and cause.

    Returns:
        :class:`EvaluationResult` with exactly ``episodes`` episodes, sorted by (env, number).
    """
    E = env.num_envs
    quota = episode_quota(episodes, E)
    counts = np.zeros(E, int)
    ep_ret = np.zeros(E)
    ep_len = np.zeros(E, int)
    limit = getattr(env, "max_episode_steps", None)
    rngs = [np.random.default_rng((seed, i, 0)) for i in range(E)]
    out: list[Episode] = []
    reports = None
    while (counts < quota).any():
        _, obs, _ = env.observe()
        active = np.flatnonzero(counts < quota)
        actions = np.zeros(E, np.int64)
        logits = np.asarray(logits_fn(obs[active]), np.float64)
        if greedy:
            actions[active] = np.argmax(logits, axis=-1)
        else:
            u = np.stack([rngs[i].random(logits.shape[1]) for i in active])
            actions[active] = _gumbel_actions(logits, u)
        env.act(actions)
        reward, _, first = env.observe()
        ep_ret += reward
        ep_len += 1
        ended = np.flatnonzero(first)
        if not len(ended):
            continue
        ends = env.episode_ends()
        for i in ended:
            if counts[i] < quota[i]:
                end = ends[i]
                success = end.level_complete
                reports = success is not None if reports is None else reports
                out.append(Episode(int(i), int(counts[i]), end.level_seed, float(ep_ret[i]),
                                   int(ep_len[i]), success, _cause(success, int(ep_len[i]),
                                                                   limit)))
                counts[i] += 1
                rngs[i] = np.random.default_rng((seed, int(i), int(counts[i])))
                if progress is not None:
                    progress.update(1)
            ep_ret[i] = 0.0
            ep_len[i] = 0
    out.sort(key=lambda e: (e.env, e.number))
    return EvaluationResult(policy, out, seed=seed, greedy=greedy, reports_success=bool(reports),
                            max_episode_steps=limit,
                            env=f"{env.env_kind}:{env.env_name}")


def evaluate_agents(policies: dict, episodes: int = DEFAULT_EPISODES, *, num_envs: int = 64,
                    seed: int = 0, greedy: bool = False, env_kind: str | None = None,
                    env_name: str | None = None, env_kwargs: dict | None = None,
                    env_factory=None, progress: bool = False) -> dict[str, EvaluationResult]:
    """Each policy on the same ``episodes`` levels with the same action noise.

    Args:
        policies: name -> an :class:`~.agents.agent.Agent` (its logits are used) or a function
            ``obs (B, H, W, C) uint8 -> logits (B, A)``.
        env_kind, env_name, env_kwargs: the environment (default: the first agent's
            metadata, with ``env_kwargs`` overriding its options).
        env_factory: instead, a function ``() -> VectorEnv`` (a fresh env each call, made with
            the same seed: the tests' fake environments).

    Returns:
        name -> :class:`EvaluationResult`, each made with a fresh environment of seed ``seed``
        and the noise of :func:`play_episodes` seeded by ``seed``.
    """
    from tqdm import tqdm

    agents = [p for p in policies.values() if hasattr(p, "metadata")]
    if env_factory is None:
        if agents:
            meta = agents[0].metadata
            env_kind = env_kind or meta.env_kind
            env_name = env_name or meta.env_name
            kwargs = {**meta.env_kwargs, **(env_kwargs or {})}
        elif env_kind is None or env_name is None:
            raise ValueError("give env_kind and env_name (or env_factory) to evaluate "
                             "policies that are not agents")
        else:
            kwargs = dict(env_kwargs or {})

        def env_factory():
            return make_env(env_kind, env_name, num_envs, seed=seed, **kwargs)

    results = {}
    for name, policy in policies.items():
        logits_fn = (lambda obs, a=policy: a(obs)[0]) if hasattr(policy, "metadata") else policy
        with env_factory() as env:
            if hasattr(policy, "metadata"):
                check_agent_fits_env(policy, env)
            with tqdm(total=episodes, unit="episode", desc=name, disable=not progress) as bar:
                results[name] = play_episodes(env, logits_fn, episodes, seed=seed,
                                              greedy=greedy, policy=name, progress=bar)
    return results


def evaluate(agent, episodes: int = 200, num_envs: int = 64, seed: int = 0, greedy: bool = False,
             baseline: str | None = None, env_kwargs: dict | None = None,
             progress: bool = False) -> list[EvaluationResult]:
    """Mean return of ``agent`` over ``episodes`` episodes; with ``baseline="random"`` also a
    uniformly random policy on the same levels with the same noise (:func:`evaluate_agents`;
    the random policy's logits are all zero, so its Gumbel-max actions are uniform)."""
    if baseline not in (None, "random"):
        raise ValueError(f"unknown baseline {baseline!r}; expected 'random'")
    meta = agent.metadata
    results = evaluate_agents({"agent": agent}, episodes, num_envs=num_envs, seed=seed,
                              greedy=greedy, env_kwargs=env_kwargs, progress=progress)
    if baseline == "random":  # always sampled (greedy on zero logits would be action 0)
        results.update(evaluate_agents(
            {"random": lambda obs: np.zeros((len(obs), meta.num_actions))}, episodes,
            num_envs=num_envs, seed=seed, env_kind=meta.env_kind, env_name=meta.env_name,
            env_kwargs={**meta.env_kwargs, **(env_kwargs or {})}, progress=progress))
    return list(results.values())


# -- paired comparison -------------------------------------------------------------------------

def estimate(values) -> Estimate:
    """Mean and standard error ``std(ddof=1) / sqrt(n)`` of ``values`` (stderr 0 for n = 1)."""
    v = np.asarray(values, np.float64)
    if v.size == 0:
        raise ValueError("no values to estimate a mean from")
    se = float(np.std(v, ddof=1) / math.sqrt(v.size)) if v.size > 1 else 0.0
    return Estimate(float(v.mean()), se)


def outcome_note(result: EvaluationResult) -> str:
    """What success and the failure causes mean for the environment of ``result``."""
    if not result.reports_success:
        return (f"{result.env or 'this environment'} does not report level completion: "
                "return only (no success rate, no failure causes)")
    if result.max_episode_steps is None:
        return ("success: the level was completed; the environment does not say why a level "
                "was not completed")
    return (f"success: the level was completed; failures: 'died' = the episode ended before "
            f"the level was completed, 'timed out' = it reached the {result.max_episode_steps}"
            f"-step limit; {result.env.partition(':')[0] or 'the environment'} does not "
            "expose the finer cause (e.g. CoinRun's buzzsaw or enemy)")


@dataclass(frozen=True)
class PairedComparison:
    """Two policies on the same levels, episode by episode (see the module docstring).

    ``pairs``: episodes compared; ``mismatched``: pairs left out because their level seeds
    differ; ``unpaired``: episodes of one policy with no counterpart. ``*_delta``: mean and
    standard error of per-pair ``edited - original``. ``failures``: ``(cause, original,
    edited)`` counts. ``regressions``: level seeds (or ``(env, number)`` where the env reports
    none) that the original completes and the edited policy fails.
    """

    original: str
    edited: str
    pairs: int
    mismatched: int
    unpaired: int
    return_original: Estimate
    return_edited: Estimate
    return_delta: Estimate
    success_original: Estimate | None
    success_edited: Estimate | None
    success_delta: Estimate | None
    failures: tuple
    regressions: tuple
    note: str

    def to_json(self) -> dict:
        import dataclasses

        out = dataclasses.asdict(self)
        out["failures"] = [list(f) for f in self.failures]
        out["regressions"] = list(self.regressions)
        return out


def compare_paired(original: EvaluationResult, edited: EvaluationResult) -> PairedComparison:
    """Pair the episodes of ``edited`` with those of ``original`` and compare them.

    Algorithm:
        1. Episodes are keyed ``(env, number)``; keys in only one of the results are
           ``unpaired``; a pair whose two level seeds differ is ``mismatched`` and left out.
        2. Over the ``n`` remaining pairs: returns ``r_o``, ``r_e`` and ``d = r_e - r_o``;
           where both report success, ``s_o``, ``s_e`` in {0, 1} and ``s_e - s_o``: each as
           :func:`estimate` (mean, ``std(ddof=1) / sqrt(n)``).
        3. Failures by cause of each side; regressions: pairs with ``s_o = 1, s_e = 0``.

    Raises ``ValueError`` when no pair remains (the results did not play the same levels).
    """
    theirs = {(e.env, e.number): e for e in edited.episodes}
    pairs, mismatched, unpaired = [], 0, 0
    for a in original.episodes:
        b = theirs.pop((a.env, a.number), None)
        if b is None:
            unpaired += 1
        elif a.level_seed != b.level_seed:
            mismatched += 1
        else:
            pairs.append((a, b))
    unpaired += len(theirs)
    if not pairs:
        raise ValueError(f"{original.policy!r} and {edited.policy!r} share no episode on the "
                         f"same level ({mismatched} with other level seeds, {unpaired} "
                         "unpaired): evaluate both with the same seed, env count and levels")
    r_o = np.array([a.episode_return for a, _ in pairs])
    r_e = np.array([b.episode_return for _, b in pairs])
    notes = [outcome_note(original)]
    if mismatched or unpaired:
        notes.append(f"{mismatched + unpaired} of {len(original.episodes)} episodes left out "
                     f"({mismatched} on other level seeds, {unpaired} without a counterpart)")
    if original.episodes and original.episodes[0].level_seed is None:
        notes.append("pairs not verified by level seed (the environment reports none)")
    s = [None, None, None]
    failures, regressions = (), ()
    if original.reports_success and edited.reports_success:
        s_o = np.array([float(a.success) for a, _ in pairs])
        s_e = np.array([float(b.success) for _, b in pairs])
        s = [estimate(s_o), estimate(s_e), estimate(s_e - s_o)]
        counts: dict[str, list[int]] = {}
        for side, episodes in ((0, [a for a, _ in pairs]), (1, [b for _, b in pairs])):
            for e in episodes:
                if e.success is False:
                    counts.setdefault(e.cause, [0, 0])[side] += 1
        order = {DIED: 0, TIMED_OUT: 1}
        failures = tuple((c, o, n) for c, (o, n) in sorted(
            counts.items(), key=lambda kv: (order.get(kv[0], 2), kv[0])))
        regressions = tuple(a.level_seed if a.level_seed is not None else (a.env, a.number)
                            for a, b in pairs if a.success and not b.success)
    return PairedComparison(original.policy, edited.policy, len(pairs), mismatched, unpaired,
                            estimate(r_o), estimate(r_e), estimate(r_e - r_o), *s,
                            failures, regressions, "; ".join(notes))
