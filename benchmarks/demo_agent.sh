#!/usr/bin/env bash
# How the shipped demo agent (demo:coinrun) was made and measured.
#
#   1. train (the exact command; resumable, so it may be stopped and re-run):
#        rl-clarity train --logdir TRAIN_DIR --env coinrun --distribution-mode easy \
#            --num-levels 1000000 --start-level 0 --arch clear --timesteps 2000000 \
#            --save-interval 5 --seed 1
#   2. ship + measure (this script): copies the last checkpoint of TRAIN_DIR with its optimizer
#      state and training curve into rlclarity_plugin/demo_agents/coinrun/, then evaluates it
#      and a random policy on the same 512 episodes of held-out levels (1,000,000-1,099,999;
#      training used 0-999,999), sampled actions, and writes EVALUATION.json / EVALUATION.md.
#
#   usage: bash benchmarks/demo_agent.sh TRAIN_DIR
set -euo pipefail
train_dir=${1:?usage: demo_agent.sh TRAIN_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$here/.venv/bin}
dest=$here/rlclarity_plugin/demo_agents/coinrun
last=$(ls -d "$train_dir"/checkpoints/ckpt-* | sort | tail -n 1)
rm -rf "$dest" && mkdir -p "$dest/train"
cp "$last"/metadata.json "$last"/weights.npz "$last"/trainer_state.npz "$dest"/
cp "$train_dir"/events.out.tfevents.* "$dest/train/"
eval_cmd=("$bin/rl-clarity" evaluate demo:coinrun --episodes "${EPISODES:-512}" --num-envs 64 --seed 0
          --baseline random --start-level 1000000 --num-levels 100000 --json --no-progress)
"${eval_cmd[@]}" > "$dest/EVALUATION.json"
"$bin/python" - "$dest" "$last" <<'PY'
import json, sys
dest, last = sys.argv[1], sys.argv[2]
report = json.load(open(f"{dest}/EVALUATION.json"))
meta = json.load(open(f"{dest}/metadata.json"))
first = report["env_kwargs"]["start_level"]
last_level = first + report["env_kwargs"]["num_levels"] - 1
def failures(r):
    return ", ".join(f"{n} {cause}" for cause, n in r.get("failures", {}).items()) or "-"
rows = "\n".join(f"| {r['policy']} | {r['episodes']} | {r['mean_return']:.2f} | "
                 f"{r['stderr']:.2f} | {100 * r['success_rate']:.1f} % | {failures(r)} | "
                 f"{r['mean_length']:.0f} |" for r in report["results"])
open(f"{dest}/EVALUATION.md", "w").write(f"""# demo:coinrun

A `clear` agent trained with `rl-clarity train` on CoinRun (`distribution_mode=easy`, levels
0-999,999) for {meta['training_step']:,} environment steps (checkpoint `{last.rsplit('/', 1)[-1]}`).
Its training curve (TensorBoard scalars) is in `train/`; `trainer_state.npz` lets
`rl-clarity train --resume` continue it.

Held-out evaluation on levels {first:,} to {last_level:,} with sampled actions: the agent and a
uniformly random policy on the same levels (same environment seed, exactly N episodes: episode
`k` of env `i` for `k * envs + i < N`), in one run; failed: died (the episode ended before the
level was completed) or timed out (procgen's 1000-step limit):

| policy | episodes | mean return | standard error | levels completed | failed | mean length |
|---|---|---|---|---|---|---|
{rows}

Made and measured with `bash benchmarks/demo_agent.sh TRAIN_DIR` (the training command is at the
top of that script).
""")
PY
cat "$dest/EVALUATION.md"
