"""Recipe: your own PPO loop (plain TensorFlow 2 + a Keras model), analysed at every checkpoint.

    python examples/custom_ppo_loop.py --updates 20 --analyze-every 5 \
        [--tracking-uri sqlite:///mlflow.db] [--logdir runs]

The three lines that matter are marked ``# rl-clarity``: wrap the Keras model as an Agent, hand it
to ``analyze_checkpoint`` with the training step (it returns at once; a low-priority child process
analyses it, writes it to the TensorBoard logdir at that step and logs it to the active MLflow
run), and call ``finish_analyses`` at the end. Everything else is an ordinary, small PPO
(clipped objective, GAE, one minibatch per update) written for this example.
"""

import argparse
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/examples/", 1)[0])


def build_model(num_actions: int):
    import keras

    obs = keras.Input((64, 64, 3), name="obs")
    x = keras.layers.Conv2D(16, 5, strides=2, padding="same", activation="relu", name="c1")(obs)
    x = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="c2")(x)
    x = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="c3")(x)
    h = keras.layers.Dense(128, activation="relu", name="fc")(keras.layers.Flatten()(x))
    return keras.Model(obs, [keras.layers.Dense(num_actions, name="pi")(h),
                             keras.layers.Dense(1, name="v")(h)])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--updates", type=int, default=20)
    p.add_argument("--num-envs", type=int, default=16)
    p.add_argument("--num-steps", type=int, default=64)
    p.add_argument("--analyze-every", type=int, default=5, help="updates between analyses")
    p.add_argument("--logdir", default="runs")
    p.add_argument("--run", default="custom_ppo")
    p.add_argument("--tracking-uri", default=None, help="MLflow tracking URI (default: none, "
                   "only the TensorBoard logdir gets the analyses)")
    p.add_argument("--analysis", nargs=argparse.REMAINDER, default=[
        "--traj-envs", "2", "--traj-steps", "64", "--obs-envs", "8", "--obs-per-env", "8",
        "--obs-every", "4", "--layers", "c2", "--nmf-features", "4", "--subdiv-mults", "1",
        "--expand-mults", "2"], help="rl-clarity analyze options (the rest of the line)")
    args = p.parse_args(argv)

    import tensorflow as tf

    from mlflow_hooks import analyze_checkpoint, finish_analyses  # rl-clarity
    from rlclarity_plugin.agents.adapter import wrap_keras_model
    from rlclarity_plugin.envs import make_env

    mlflow = None
    if args.tracking_uri:
        import mlflow

        mlflow.set_tracking_uri(args.tracking_uri)
        mlflow.start_run(run_name=args.run)
    env = make_env("procgen", "coinrun", args.num_envs, seed=0, distribution_mode="easy")
    model = build_model(env.num_actions)
    opt = tf.keras.optimizers.Adam(5e-4)
    rng = np.random.default_rng(0)
    gamma, lam, clip = 0.999, 0.95, 0.2

    @tf.function
    def update(obs, actions, old_logp, adv, returns):
        with tf.GradientTape() as tape:
            logits, v = model(tf.cast(obs, tf.float32) / 255.0)
            logp_all = tf.nn.log_softmax(logits)
            logp = tf.gather(logp_all, actions, batch_dims=1)
            ratio = tf.exp(logp - old_logp)
            pg = -tf.reduce_mean(tf.minimum(ratio * adv, tf.clip_by_value(
                ratio, 1 - clip, 1 + clip) * adv))
            vf = tf.reduce_mean(tf.square(v[:, 0] - returns))
            ent = -tf.reduce_mean(tf.reduce_sum(tf.exp(logp_all) * logp_all, -1))
            loss = pg + 0.5 * vf - 0.01 * ent
        opt.apply_gradients(zip(tape.gradient(loss, model.trainable_variables),
                                model.trainable_variables))

    step = 0
    for u in range(1, args.updates + 1):
        buf = {k: [] for k in ("obs", "act", "logp", "val", "rew", "first")}
        rew, obs, first = env.observe()
        for _ in range(args.num_steps):
            logits, v = model(obs.astype(np.float32) / 255.0)
            logits = logits.numpy().astype(np.float64)
            probs = np.exp(logits - logits.max(1, keepdims=True))
            probs /= probs.sum(1, keepdims=True)
            act = np.array([rng.choice(len(pr), p=pr) for pr in probs])
            buf["obs"].append(obs)
            buf["act"].append(act)
            buf["logp"].append(np.log(probs[np.arange(len(act)), act]))
            buf["val"].append(v.numpy()[:, 0])
            buf["first"].append(first)
            env.act(act)
            rew, obs, first = env.observe()
            buf["rew"].append(rew)
            step += args.num_envs
        # GAE(lambda) over the rollout, bootstrapped from the value of the next observation
        last_v = model(obs.astype(np.float32) / 255.0)[1].numpy()[:, 0]
        vals = np.array(buf["val"] + [last_v])
        firsts = np.array(buf["first"] + [first], dtype=np.float32)
        adv = np.zeros((args.num_steps, args.num_envs), np.float32)
        gae = 0.0
        for t in reversed(range(args.num_steps)):
            alive = 1.0 - firsts[t + 1]
            delta = buf["rew"][t] + gamma * vals[t + 1] * alive - vals[t]
            gae = delta + gamma * lam * alive * gae
            adv[t] = gae
        returns = adv + vals[:-1]
        flat = lambda x: np.asarray(x).reshape(args.num_steps * args.num_envs, *np.shape(x)[2:])
        norm_adv = (adv - adv.mean()) / (adv.std() + 1e-8)
        update(flat(buf["obs"]), flat(buf["act"]).astype(np.int32),
               flat(buf["logp"]).astype(np.float32), flat(norm_adv), flat(returns))

        if u % args.analyze_every == 0:
            agent = wrap_keras_model(model, env_name="coinrun", training_step=step,  # rl-clarity
                                     action_combos=env.action_combos, gamma=gamma, lam=lam)
            analyze_checkpoint(agent, step, logdir=args.logdir, run=args.run,       # rl-clarity
                               config=args.analysis)
    env.close()
    reports = finish_analyses()                                                    # rl-clarity
    for r in reports:
        print(f"analysed steps {r.analysed}; skipped {r.skipped}; failures {len(r.failures)}")
        for s, stage, message in r.failures:
            print(f"  step {s} {stage}: {message}")
    if mlflow is not None:
        mlflow.end_run()
    return 0 if all(not r.failures for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
