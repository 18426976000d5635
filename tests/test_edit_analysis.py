"""An edited agent analysed beside the original (issue 19): ``rl-clarity edit-analyze``.

On a copy of the real analysed logdir (agentA step 1000, from ``ckpt-1000``), the checkpoint
blinded to feature 0 of layer 2b is analysed with :func:`analyze_edit`; checked here:

* the edited analysis is on the original's probe set, with the original's options, and its
  frames are byte for byte the original's (one timeline in the compare view);
* its ``diverge`` bookmarks are the first frames where the argmax of the two logits series,
  read here straight from the two event files with TensorBoard's own event reader, differ;
* on failing CoinRun levels, the edited agent's own rollouts are analysed for both agents: the
  trajectories are the edited agent's (the probe set's logits are its logits), the sampled
  observations are the original probe set's, and the ``failed`` bookmarks are the first frames
  whose action ended an episode with no reward (computed here from the event files);
* the command line: the same again changes nothing; bad inputs are one line and exit 2.
"""

import glob
import json
import os
import shutil

import numpy as np
import pytest

from rlclarity_plugin.edit_analysis import (
    edited_run_name,
    failure_window,
    first_divergence,
    first_failures,
)

RUN, STEP = "agentA", 1000
# CoinRun (easy) levels; the tiny random agent dies within 40 steps on the first one
# (sampled actions, seeded) and does not fail the second one quickly
LEVELS = [36, 13]
PLUGIN = "plugins/rl_clarity"


# ------------------------------------------------------------------------- references (test)

def event_series(run_dir, name):
    """Series ``name`` of the analysis' event file (named by its manifest), read with
    TensorBoard's event-file loader."""
    from tensorboard.backend.event_processing.event_file_loader import EventFileLoader
    from tensorboard.util import tensor_util

    with open(os.path.join(run_dir, PLUGIN, str(STEP), "manifest.json")) as f:
        event_file = json.load(f)["event_file"]
    found = None
    for event in EventFileLoader(os.path.join(run_dir, event_file)).Load():
        for value in event.summary.value:
            if value.tag == f"rl_clarity/series/{name}":
                found = tensor_util.make_ndarray(value.tensor)
    assert found is not None, f"no series {name} in {event_file}"
    return found


def manifest(run_dir):
    with open(os.path.join(run_dir, PLUGIN, str(STEP), "manifest.json")) as f:
        return json.load(f)


def first_differing_frames(logits_a, logits_b):
    out = []
    for e in range(logits_a.shape[0]):
        for t in range(logits_a.shape[1]):
            if int(np.argmax(logits_a[e, t])) != int(np.argmax(logits_b[e, t])):
                out.append([e, t])
                break
    return out


def first_unrewarded_ends(rewards, dones):
    out = []
    for e in range(rewards.shape[0]):
        for t in range(rewards.shape[1]):
            if dones[e, t] and rewards[e, t] == 0:
                out.append([e, t])
                break
    return out


def asset(run_dir, rel):
    with open(os.path.join(run_dir, PLUGIN, str(STEP), rel), "rb") as f:
        return f.read()


# ------------------------------------------------------------------------- fixture

@pytest.fixture(scope="module")
def edited(real_analysed_logdir, tmp_path_factory):
    """A copy of the logdir, ``ckpt-1000`` blinded to feature 0 of 2b, and ``analyze_edit``'s
    answer on it."""
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.agents.edit import edit_agent, save_edited
    from rlclarity_plugin.edit_analysis import analyze_edit

    root = tmp_path_factory.mktemp("edit_analysis")
    logdir = str(root / "logs")
    shutil.copytree(real_analysed_logdir, logdir)
    ckpt = os.path.join(os.path.dirname(real_analysed_logdir), "ckpt-1000")
    with open(os.path.join(logdir, RUN, PLUGIN, str(STEP), "nmf", "2b.json")) as f:
        components = np.asarray(json.load(f)["components"])
    blind = edit_agent(load_checkpoint(ckpt), "2b", components[0], features=[0],
                       source={"run": RUN, "step": STEP})
    edited_ckpt = save_edited(blind, str(root / "ckpt-1000.edit-2b-f0"))
    out = analyze_edit(ckpt, edited_ckpt, logdir, RUN, STEP, failing_levels=LEVELS)
    return {"logdir": logdir, "ckpt": ckpt, "edited_ckpt": edited_ckpt, "out": out}


def run_dir(edited, run):
    return os.path.join(edited["logdir"], run)


# ------------------------------------------------------------------------- tests

def test_the_edited_agent_is_analysed_on_the_same_frames(edited):
    out = edited["out"]
    assert out["run"] == "agentA.edit-2b-f0" and out["step"] == STEP
    a, b = manifest(run_dir(edited, RUN)), manifest(run_dir(edited, out["run"]))
    assert b["probe_set"]["id"] == a["probe_set"]["id"] == out["probe_set"]
    assert b["inputs"]["config"] == a["inputs"]["config"]
    assert b["inputs"]["layers"] == a["inputs"]["layers"]
    assert b["inputs"]["checkpoint"]["weights_sha256"] != \
        a["inputs"]["checkpoint"]["weights_sha256"]
    assert [e["site"]["layer"] for e in b["agent"]["edits"]] == ["2b"]
    assert b["agent"]["edits"][0]["features"] == [0]
    for e in range(a["probe_set"]["trajectories"]):
        rel = f"trajectories/frames_{e}.webp"
        assert asset(run_dir(edited, RUN), rel) == asset(run_dir(edited, out["run"]), rel)
    for name in ("rewards", "dones", "actions"):  # the original's rollouts, both times
        np.testing.assert_array_equal(event_series(run_dir(edited, RUN), name),
                                      event_series(run_dir(edited, out["run"]), name))


def test_diverge_bookmarks_are_the_first_frames_where_greedy_actions_differ(edited):
    out = edited["out"]
    original = event_series(run_dir(edited, RUN), "logits")
    blind = event_series(run_dir(edited, out["run"]), "logits")
    assert not np.array_equal(original, blind)  # the edit changed the logits
    expected = first_differing_frames(original, blind)
    assert expected, "the edit changed no greedy action: the test would check nothing"
    m = manifest(run_dir(edited, out["run"]))
    assert m["bookmarks"]["diverge"] == expected == out["diverge"]
    assert m["bookmarks"]["failed"] == []
    assert m["bookmarks"]["high"] and m["bookmarks"]["low"]  # kept


def test_failures_of_the_edited_agent_on_its_own_rollouts(edited):
    out = edited["out"]
    assert out["failure_run"] == "agentA.edit-2b-f0.failures/edited"
    assert out["failure_original_run"] == "agentA.edit-2b-f0.failures/original"
    fail_edited = run_dir(edited, out["failure_run"])
    fail_original = run_dir(edited, out["failure_original_run"])
    a, b = manifest(fail_original), manifest(fail_edited)
    shown = [e for e in out["failures"]["levels"] if e["trajectory"] is not None]
    assert shown, "no level failed: nothing to check"
    assert [e["level"] for e in out["failures"]["levels"]] == LEVELS
    assert a["probe_set"]["id"] == b["probe_set"]["id"] != manifest(run_dir(edited, RUN))[
        "probe_set"]["id"]
    assert b["probe_set"]["trajectories"] == len(shown)
    assert b["probe_set"]["steps"] == manifest(run_dir(edited, RUN))["probe_set"]["steps"]
    assert b["inputs"]["config"] == manifest(run_dir(edited, RUN))["inputs"]["config"]
    # the trajectories are the edited agent's rollouts: it computed the logits recorded there
    probe_file, = glob.glob(os.path.join(fail_original, PLUGIN, "probe_sets", "*.npz"))
    with np.load(probe_file) as z:
        np.testing.assert_allclose(z["traj_logits"], event_series(fail_edited, "logits"),
                                   rtol=1e-5, atol=1e-5)
    # ... and the sampled observations are the original probe set's (NMF on the same frames)
    assert asset(fail_edited, "observations/sheet_0.webp") == \
        asset(run_dir(edited, RUN), "observations/sheet_0.webp")
    rewards, dones = event_series(fail_edited, "rewards"), event_series(fail_edited, "dones")
    expected = first_unrewarded_ends(rewards, dones)
    assert b["bookmarks"]["failed"] == expected == out["failed"]
    assert [[e["trajectory"], e["frame"]] for e in shown] == expected
    for traj, frame in expected:
        assert dones[traj, frame] and rewards[traj, frame] == 0
    assert b["bookmarks"]["diverge"] == first_differing_frames(
        event_series(fail_original, "logits"), event_series(fail_edited, "logits"))
    assert a["bookmarks"]["failed"] == [] and a["bookmarks"]["diverge"] == []


def test_the_command_line_again_changes_nothing(edited, capsys):
    from rlclarity_plugin import cli

    out = edited["out"]
    runs = [out["run"], out["failure_run"], out["failure_original_run"]]
    before = [manifest(run_dir(edited, r))["digest"] for r in runs]
    code = cli.main(["edit-analyze", edited["ckpt"], edited["edited_ckpt"], "--logdir",
                     edited["logdir"], "--run", RUN, "--step", str(STEP), "--failing-levels",
                     ",".join(map(str, LEVELS)), "--no-progress"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "agentA.edit-2b-f0" in printed and "run_b=agentA.edit-2b-f0" in printed
    assert [manifest(run_dir(edited, r))["digest"] for r in runs] == before


def _mismatched_checkpoint(path):
    """A clear agent with 9 actions that claims an edit."""
    import keras

    from rlclarity_plugin.agents.agent import Agent, AgentMetadata
    from rlclarity_plugin.agents.checkpoint import save_checkpoint

    keras.utils.set_random_seed(3)
    meta = AgentMetadata("clear", (64, 64, 3), 9, edits=({"kind": "project_out",
                                                          "site": {"layer": "2b"},
                                                          "directions": [[1.0]]},))
    return save_checkpoint(Agent.build(meta), str(path))


@pytest.mark.parametrize("case", ["step", "no_edit", "architecture", "levels", "run"])
def test_bad_input_is_one_line_and_exit_2(edited, case, tmp_path, capsys):
    from rlclarity_plugin import cli

    args = {"original": edited["ckpt"], "edited": edited["edited_ckpt"], "step": str(STEP),
            "extra": []}
    expect = {"step": "no analysis at step 999", "no_edit": "records no edit",
              "architecture": "num_actions", "levels": "--failing-levels",
              "run": "would write into the original run"}[case]
    if case == "step":
        args["step"] = "999"
    elif case == "no_edit":
        args["edited"] = edited["ckpt"]
    elif case == "architecture":
        args["edited"] = _mismatched_checkpoint(tmp_path / "other")
    elif case == "levels":
        args["extra"] = ["--failing-levels", "1,x"]
    else:
        args["extra"] = ["--edited-run", RUN]
    before = sorted(os.listdir(edited["logdir"]))
    code = cli.main(["edit-analyze", args["original"], args["edited"], "--logdir",
                     edited["logdir"], "--run", RUN, "--step", args["step"], *args["extra"]])
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and expect in err, err
    assert sorted(os.listdir(edited["logdir"])) == before


# ------------------------------------------------------------------------- pure parts

def test_first_divergence_and_first_failures_by_hand():
    a = np.zeros((3, 4, 2))
    a[..., 0] = 1  # action 0 everywhere
    b = a.copy()
    b[0, 2] = [0, 1]
    b[0, 3] = [0, 1]
    b[2, 0] = [0, 1]
    assert first_divergence(a, b) == [(0, 2), (2, 0)]
    rewards = np.array([[0, 10, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], np.float32)
    dones = np.array([[0, 1, 0, 1], [0, 0, 0, 0], [1, 0, 0, 0]], bool)
    assert first_failures(rewards, dones) == [(0, 3), (2, 0)]  # (0, 1) completed the level
    with pytest.raises(ValueError):
        first_divergence(a, b[:, :3])


def test_failure_window_and_run_names():
    assert failure_window(100, 200, 40, 8) == (69, 109)  # failure at frame 31 of 40
    assert failure_window(5, 200, 40, 8) == (0, 40)      # early: the first 40 frames
    assert failure_window(195, 200, 40, 8) == (160, 200)  # late: up to the last frame
    edit = {"site": {"layer": "2b"}, "features": [0, 3]}
    assert edited_run_name("agentA", [edit]) == "agentA.edit-2b-f0_3"
    assert edited_run_name("exp/seed1", [edit, {"site": {"layer": "4a"}, "features": None,
                                                "directions": [[1], [2]]}]) == \
        "exp/seed1.edit-2b-f0_3.edit-4a-d2"
    assert len(edited_run_name("x" * 64, [edit])) == 64
