"""Recipe: a CleanRL-style PPO on procgen CoinRun, its checkpoints analysed while it trains.

    python examples/cleanrl_ppo_procgen.py --total-steps 1000000 --analyze-every 20 \
        [--logdir runs] [--tracking-uri http://127.0.0.1:5000]
    tensorboard --logdir runs        # the RL Clarity tab shows every analysed checkpoint

The network is the one of CleanRL's ``ppo_procgen.py`` (``network`` / ``actor`` / ``critic``;
the same module names, so ``agent.state_dict()`` has the keys the script's own ``Agent``
saves). The loop is an ordinary PPO written for this example (clipped objective, clipped value
loss, GAE, minibatch epochs), with CleanRL's hyperparameters for procgen as defaults.

The lines that matter are marked ``# rl-clarity``: every ``--analyze-every`` updates the loop
saves ``agent.state_dict()`` with ``torch.save`` (what a CleanRL script saves) and hands the path,
as ``cleanrl:ppo_procgen:PATH``, to a ``CheckpointAnalyzer``. A low-priority child process
analyses it into the TensorBoard logdir at the training step and, with ``--tracking-uri``,
logs the metrics, images and HTML export to the MLflow run; training does not wait. A
state dict does not record its environment: ``--env-kind procgen --env coinrun`` go with the
analysis options. All checkpoints are analysed on one probe set (the same frames), collected
here once, by the untrained agent.
"""

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, __file__.rsplit("/examples/", 1)[0])

ANALYSIS = ["--layers", "network.1.res_block1", "network.2.res_block1", "--nmf-features", "4",
            "--subdiv-mults", "1", "--expand-mults", "2", "4"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--total-steps", type=int, default=1_000_000, help="environment steps")
    p.add_argument("--num-envs", type=int, default=64)
    p.add_argument("--num-steps", type=int, default=256, help="steps per env per rollout")
    p.add_argument("--num-minibatches", type=int, default=8)
    p.add_argument("--update-epochs", type=int, default=3)
    p.add_argument("--learning-rate", type=float, default=5e-4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--analyze-every", type=int, default=20, help="updates between analyses")
    p.add_argument("--logdir", default="runs", help="TensorBoard logdir for the analyses")
    p.add_argument("--run", default="cleanrl_ppo_procgen", help="run name (logdir and MLflow)")
    p.add_argument("--save-dir", default="cleanrl_checkpoints",
                   help="folder for the saved state dicts (agent_STEP.pt)")
    p.add_argument("--tracking-uri", default=None, help="MLflow tracking URI (default: none, "
                   "only the TensorBoard logdir gets the analyses)")
    p.add_argument("--probe-steps", type=int, default=128,
                   help="probe set size: 2 trajectories of this many steps and as many "
                        "sampled observations")
    p.add_argument("--analysis", nargs=argparse.REMAINDER, default=ANALYSIS,
                   help="rl-clarity analyze options (the rest of the line)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    import torch

    from mlflow_hooks import CheckpointAnalyzer
    from rlclarity_plugin.agents.cleanrl import ProcgenAgent, cleanrl_agent
    from rlclarity_plugin.envs import make_env
    from rlclarity_plugin.envs.probe_config import ProbeConfig
    from rlclarity_plugin.envs.rollouts import collect_probe_set

    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    gamma, lam, clip, ent_coef, vf_coef, max_grad_norm = 0.999, 0.95, 0.2, 0.01, 0.5, 0.5
    env = make_env("procgen", "coinrun", args.num_envs, seed=args.seed,
                   distribution_mode="easy")
    agent = ProcgenAgent(env.observation_shape, env.num_actions)  # ppo_procgen.py's Agent
    optimizer = torch.optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)
    os.makedirs(args.save_dir, exist_ok=True)

    mlflow = None
    if args.tracking_uri:
        import mlflow

        mlflow.set_tracking_uri(args.tracking_uri)
        mlflow.start_run(run_name=args.run)
        mlflow.log_params({k: v for k, v in vars(args).items() if k != "analysis"})
    environment = {"env_kind": "procgen", "env_name": "coinrun"}
    hook = CheckpointAnalyzer(args.logdir, run=args.run,                             # rl-clarity
                              analyze_args=["--env-kind", "procgen", "--env", "coinrun",
                                            *args.analysis])
    n = args.probe_steps                                                             # rl-clarity
    probe = collect_probe_set(cleanrl_agent(agent, "ppo_procgen", **environment),
                              ProbeConfig(traj_envs=2, traj_steps=n, obs_envs=4,
                                          obs_per_env=max(1, n // 4), obs_every=4,
                                          seed=args.seed))
    hook.probe_set = os.path.abspath(os.path.join(args.save_dir, "probe_set.npz"))
    probe.save(hook.probe_set)

    batch = args.num_envs * args.num_steps
    minibatch = batch // args.num_minibatches
    global_step, start = 0, time.time()
    _, next_obs, next_first = env.observe()
    for update in range(1, args.total_steps // batch + 1):
        obs = np.zeros((args.num_steps, *next_obs.shape), np.uint8)
        actions = torch.zeros(args.num_steps, args.num_envs, dtype=torch.long)
        logprobs, rewards, values, firsts = (torch.zeros(args.num_steps, args.num_envs)
                                            for _ in range(4))
        for step in range(args.num_steps):  # rollout
            global_step += args.num_envs
            obs[step] = next_obs
            firsts[step] = torch.as_tensor(next_first, dtype=torch.float32)
            with torch.no_grad():
                action, logprob, _, value = agent.get_action_and_value(
                    torch.as_tensor(next_obs, dtype=torch.float32))
            actions[step], logprobs[step], values[step] = action, logprob, value.flatten()
            env.act(action.numpy())
            reward, next_obs, next_first = env.observe()
            rewards[step] = torch.as_tensor(reward)

        with torch.no_grad():  # GAE, bootstrapped from the value of the next observation
            next_value = agent.get_value(torch.as_tensor(next_obs, dtype=torch.float32))
            next_alive = 1.0 - torch.as_tensor(next_first, dtype=torch.float32)
            advantages = torch.zeros_like(rewards)
            gae = torch.zeros(args.num_envs)
            for t in reversed(range(args.num_steps)):
                alive = next_alive if t == args.num_steps - 1 else 1.0 - firsts[t + 1]
                following = next_value.flatten() if t == args.num_steps - 1 else values[t + 1]
                delta = rewards[t] + gamma * following * alive - values[t]
                advantages[t] = gae = delta + gamma * lam * alive * gae
            returns = advantages + values

        b_obs = torch.as_tensor(obs.reshape(batch, *obs.shape[2:]), dtype=torch.float32)
        b_actions, b_logprobs = actions.reshape(-1), logprobs.reshape(-1)
        b_advantages, b_returns, b_values = (x.reshape(-1) for x in
                                             (advantages, returns, values))
        for _ in range(args.update_epochs):  # PPO epochs over shuffled minibatches
            for mb in np.array_split(rng.permutation(batch), batch // minibatch):
                _, newlogprob, entropy, newvalue = agent.get_action_and_value(
                    b_obs[mb], b_actions[mb])
                ratio = (newlogprob - b_logprobs[mb]).exp()
                adv = b_advantages[mb]
                adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                pg_loss = torch.max(-adv * ratio,
                                    -adv * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
                newvalue = newvalue.flatten()
                v_clipped = b_values[mb] + torch.clamp(newvalue - b_values[mb], -clip, clip)
                v_loss = 0.5 * torch.max((newvalue - b_returns[mb]) ** 2,
                                         (v_clipped - b_returns[mb]) ** 2).mean()
                loss = pg_loss - ent_coef * entropy.mean() + vf_coef * v_loss
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(agent.parameters(), max_grad_norm)
                optimizer.step()

        print(f"update {update}: step {global_step}, {global_step / (time.time() - start):.0f} "
              f"steps/s, loss {loss.item():.3f}", flush=True)
        if mlflow is not None:
            mlflow.log_metrics({"losses/value_loss": v_loss.item(),
                                "losses/policy_loss": pg_loss.item()}, step=global_step)
        if update % args.analyze_every == 0:
            path = os.path.abspath(os.path.join(args.save_dir, f"agent_{global_step}.pt"))
            torch.save(agent.state_dict(), path)                                     # rl-clarity
            hook.submit(f"cleanrl:ppo_procgen:{path}", global_step)                  # rl-clarity
    env.close()
    report = hook.close()                                                            # rl-clarity
    print(f"analysed steps {report.analysed}; skipped {report.skipped}; "
          f"failures {len(report.failures)}")
    for s, stage, message in report.failures:
        print(f"  step {s} {stage}: {message}")
    if mlflow is not None:
        mlflow.end_run()
    return 0 if not report.failures else 1


if __name__ == "__main__":
    sys.exit(main())
