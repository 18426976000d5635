"""PPO (clipped surrogate, clipped value loss, GAE) in TensorFlow 2, with the original defaults.

A readable single-file trainer in the spirit of CleanRL and of Baselines' ``ppo2`` as the
original ``rl_clarity.train`` called it: 64 envs x 256 steps, 8 minibatches, 3 epochs, Adam
5e-4 (epsilon 1e-5), entropy 0.01, value coefficient 0.5, clip 0.2, gradient norm 0.5, gamma
0.999, lambda 0.95. Checkpoints are native folders ``<logdir>/checkpoints/ckpt-<env steps>``
with the optimizer state beside them, so ``--resume`` continues exactly where it stopped;
episode returns and losses go to TensorBoard scalars in ``logdir``.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import os
import time

import numpy as np
import tensorflow as tf

from ..agents.agent import Agent, AgentMetadata
from ..agents.checkpoint import (
    list_checkpoints,
    load_checkpoint,
    load_trainer_state,
    save_checkpoint,
)
from ..analysis.advantages import compute_gae
from ..envs import check_agent_fits_env, make_env
from .config import PPOConfig

log = logging.getLogger(__name__)


class PPOTrainer:
    """Collects rollouts and updates an :class:`Agent` with PPO."""

    def __init__(self, config: PPOConfig, logdir: str, resume: bool = True, env=None):
        """``env``: an already built :class:`~..envs.base.VectorEnv` to train on instead of
        the one ``config`` names (its ``num_envs`` must equal ``config.num_envs``)."""
        self.config = config
        self.logdir = logdir
        self.ckpt_dir = os.path.join(logdir, "checkpoints")
        if env is None:
            env = make_env(config.env_kind, config.env_name, config.num_envs, seed=config.seed,
                           **config.env_kwargs)
        elif env.num_envs != config.num_envs:
            raise ValueError(f"env has {env.num_envs} envs, config.num_envs is {config.num_envs}")
        self.env = env
        self.step = 0
        self.update = 0
        self.rng = np.random.default_rng(config.seed)
        self.optimizer = tf.keras.optimizers.Adam(config.learning_rate, epsilon=1e-5)
        existing = list_checkpoints(self.ckpt_dir) if resume else []
        if existing:
            step, path = existing[-1]
            self.agent = load_checkpoint(path)
            check_agent_fits_env(self.agent, self.env)
            self._restore(load_trainer_state(path))
            log.info("resumed from %s at step %d", path, self.step)
        else:
            tf.keras.utils.set_random_seed(config.seed)
            meta = AgentMetadata(
                architecture=config.architecture, observation_shape=self.env.observation_shape,
                num_actions=self.env.num_actions, env_kind=self.env.env_kind,
                env_name=self.env.env_name, env_kwargs=dict(self.env.env_kwargs),
                action_combos=self.env.action_combos, gamma=config.gamma, lam=config.lam)
            self.agent = Agent.build(meta)
        self.variables = self.agent.model.trainable_variables
        self.optimizer.build(self.variables)
        if existing:
            self._restore_optimizer(load_trainer_state(existing[-1][1]))
        self.writer = tf.summary.create_file_writer(logdir)
        self.episode_returns = collections.deque(maxlen=100)
        self.episode_lengths = collections.deque(maxlen=100)
        self._train_step = self._make_train_step()

    # --- state -----------------------------------------------------------------------------
    def _trainer_state(self) -> dict[str, np.ndarray]:
        state = {"step": np.int64(self.step), "update": np.int64(self.update)}
        for i, v in enumerate(self.optimizer.variables):
            state[f"optimizer/{i:04d}"] = np.asarray(v.numpy())
        state["rng"] = np.frombuffer(
            repr(self.rng.bit_generator.state).encode(), dtype=np.uint8)
        return state

    def _restore(self, state: dict | None) -> None:
        if state is None:
            self.step = int(self.agent.metadata.training_step)
            return
        self.step = int(state["step"])
        self.update = int(state["update"])
        if "rng" in state:
            import ast

            self.rng.bit_generator.state = ast.literal_eval(bytes(state["rng"]).decode())

    def _restore_optimizer(self, state: dict | None) -> None:
        if state is None:
            return
        opt_vars = self.optimizer.variables
        keys = sorted(k for k in state if k.startswith("optimizer/"))
        if len(keys) != len(opt_vars):
            raise ValueError(f"trainer state has {len(keys)} optimizer variables, the optimizer "
                             f"has {len(opt_vars)}")
        for k, v in zip(keys, opt_vars):
            v.assign(state[k])

    def save(self) -> str:
        self.agent.metadata = self.agent.metadata.replace(training_step=int(self.step))
        path = os.path.join(self.ckpt_dir, f"ckpt-{self.step:09d}")
        return save_checkpoint(self.agent, path, trainer_state=self._trainer_state())

    # --- PPO -------------------------------------------------------------------------------
    def _make_train_step(self):
        c = self.config
        model = self.agent.model
        variables = self.variables
        optimizer = self.optimizer

        @tf.function
        def train_step(obs, actions, old_logp, old_values, returns, advantages):
            adv = ((advantages - tf.reduce_mean(advantages))
                   / (tf.math.reduce_std(advantages) + 1e-8))
            with tf.GradientTape() as tape:
                logits, values = model(obs, training=True)
                values = values[:, 0]
                logp_all = tf.nn.log_softmax(logits)
                logp = tf.gather(logp_all, actions, batch_dims=1)
                ratio = tf.exp(logp - old_logp)
                pg_loss = tf.reduce_mean(tf.maximum(
                    -adv * ratio,
                    -adv * tf.clip_by_value(ratio, 1 - c.clip_range, 1 + c.clip_range)))
                v_clipped = old_values + tf.clip_by_value(values - old_values, -c.clip_range,
                                                          c.clip_range)
                vf_loss = 0.5 * tf.reduce_mean(tf.maximum(tf.square(values - returns),
                                                          tf.square(v_clipped - returns)))
                entropy = tf.reduce_mean(-tf.reduce_sum(tf.exp(logp_all) * logp_all, axis=-1))
                loss = pg_loss - c.entropy_coeff * entropy + c.vf_coeff * vf_loss
            grads = tape.gradient(loss, variables)
            grads, grad_norm = tf.clip_by_global_norm(grads, c.max_grad_norm)
            optimizer.apply_gradients(zip(grads, variables))
            approx_kl = 0.5 * tf.reduce_mean(tf.square(logp - old_logp))
            clipfrac = tf.reduce_mean(tf.cast(tf.abs(ratio - 1.0) > c.clip_range, tf.float32))
            return tf.stack([pg_loss, vf_loss, entropy, approx_kl, clipfrac, grad_norm])

        return train_step

    def sample_actions(self, logits: np.ndarray) -> np.ndarray:
        """Gumbel-max sampling from the policy with the trainer's seeded generator."""
        gumbel = -np.log(-np.log(self.rng.uniform(1e-12, 1.0, size=logits.shape)))
        return np.argmax(logits + gumbel, axis=-1).astype(np.int32)

    def collect(self):
        """One rollout of ``num_steps`` x ``num_envs``; returns a dict of flat arrays."""
        c = self.config
        E, T = c.num_envs, c.num_steps
        obs_buf = np.zeros((T, E) + tuple(self.env.observation_shape), np.uint8)
        act_buf = np.zeros((T, E), np.int32)
        rew_buf = np.zeros((T, E), np.float32)
        done_buf = np.zeros((T, E), bool)
        val_buf = np.zeros((T, E), np.float32)
        logp_buf = np.zeros((T, E), np.float32)
        _, obs, _ = self.env.observe()
        for t in range(T):
            logits, values = self.agent.forward(obs)
            logits, values = logits.numpy(), values.numpy()
            actions = self.sample_actions(logits)
            shifted = logits - logits.max(-1, keepdims=True)
            logp_all = shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))
            obs_buf[t], act_buf[t], val_buf[t] = obs, actions, values
            logp_buf[t] = logp_all[np.arange(E), actions]
            self.env.act(actions)
            reward, obs, first = self.env.observe()
            rew_buf[t], done_buf[t] = reward, first
            self._track_episodes(reward, first)
        _, last_values = self.agent.forward(obs)
        # rollouts are (T, E); GAE takes (E, T)
        adv = compute_gae(val_buf.T, rew_buf.T, done_buf.T, c.gamma, c.lam,
                          last_values=last_values.numpy().reshape(E)).T
        ret = adv + val_buf
        self.step += E * T
        flat = lambda a: a.reshape((E * T,) + a.shape[2:])
        return {"obs": flat(obs_buf), "actions": flat(act_buf), "logp": flat(logp_buf),
                "values": flat(val_buf), "returns": flat(ret), "advantages": flat(adv)}

    def _track_episodes(self, reward, first):
        if not hasattr(self, "_ep_ret"):
            self._ep_ret = np.zeros(self.config.num_envs, np.float64)
            self._ep_len = np.zeros(self.config.num_envs, np.int64)
        self._ep_ret += reward
        self._ep_len += 1
        for i in np.flatnonzero(first):
            self.episode_returns.append(float(self._ep_ret[i]))
            self.episode_lengths.append(int(self._ep_len[i]))
            self._ep_ret[i] = 0.0
            self._ep_len[i] = 0

    def update_policy(self, batch) -> np.ndarray:
        """``ppo_epochs`` passes of shuffled minibatches; returns mean loss statistics."""
        c = self.config
        n = c.batch_size
        mb = n // c.num_minibatches
        stats = []
        tensors = {k: tf.convert_to_tensor(v) for k, v in batch.items()}
        for _ in range(c.ppo_epochs):
            order = self.rng.permutation(n)
            for start in range(0, n, mb):
                idx = tf.convert_to_tensor(order[start:start + mb])
                g = {k: tf.gather(v, idx) for k, v in tensors.items()}
                stats.append(self._train_step(g["obs"], g["actions"], g["logp"], g["values"],
                                              g["returns"], g["advantages"]).numpy())
        self.update += 1
        return np.mean(stats, axis=0)

    def train(self, progress: bool = True, on_checkpoint=None) -> str:
        """Train until ``total_timesteps``; returns the path of the last checkpoint.

        ``on_checkpoint(path, step)`` is called after each checkpoint is written.
        """
        from tqdm import tqdm

        c = self.config
        bar = tqdm(total=c.total_timesteps, initial=min(self.step, c.total_timesteps),
                   unit="step", disable=not progress, dynamic_ncols=True)
        last_path = None
        try:
            while self.step < c.total_timesteps:
                t0 = time.perf_counter()
                batch = self.collect()
                t1 = time.perf_counter()
                pg, vf, ent, kl, clipfrac, gnorm = self.update_policy(batch)
                t2 = time.perf_counter()
                fps = c.batch_size / (t2 - t0)
                with self.writer.as_default(step=self.step):
                    if self.episode_returns:
                        tf.summary.scalar("episode/return", np.mean(self.episode_returns))
                        tf.summary.scalar("episode/length", np.mean(self.episode_lengths))
                    for name, value in (("loss/policy", pg), ("loss/value", vf),
                                        ("loss/entropy", ent), ("loss/approx_kl", kl),
                                        ("loss/clip_fraction", clipfrac),
                                        ("loss/grad_norm", gnorm), ("perf/steps_per_second", fps),
                                        ("perf/rollout_seconds", t1 - t0),
                                        ("perf/update_seconds", t2 - t1)):
                        tf.summary.scalar(name, value)
                self.writer.flush()
                bar.update(c.batch_size)
                ret = np.mean(self.episode_returns) if self.episode_returns else float("nan")
                bar.set_postfix(ret=f"{ret:.2f}", ent=f"{ent:.2f}", fps=f"{fps:.0f}")
                if self.update % c.save_interval == 0 or self.step >= c.total_timesteps:
                    last_path = self.save()
                    if on_checkpoint is not None:
                        on_checkpoint(last_path, self.step)
        finally:
            bar.close()
            self.writer.flush()
        if last_path is None:
            last_path = self.save()
        return last_path

    def close(self):
        self.env.close()
        self.writer.close()


def train(config: PPOConfig, logdir: str, resume: bool = True, progress: bool = True,
          on_checkpoint=None) -> str:
    """Train an agent with PPO into ``logdir``; returns the last checkpoint's path."""
    trainer = PPOTrainer(config, logdir, resume=resume)
    try:
        return trainer.train(progress=progress, on_checkpoint=on_checkpoint)
    finally:
        trainer.close()


def config_from_dict(d: dict) -> PPOConfig:
    known = {f.name for f in dataclasses.fields(PPOConfig)}
    return PPOConfig(**{k: v for k, v in d.items() if k in known})
