"""Configuration objects: JSON both ways, validation naming the flag, the generated command
line (flags, --config files, overrides). Pure Python: no agent, no TensorFlow."""

import dataclasses
import json
import math

import pytest

from rlclarity_plugin import cli
from rlclarity_plugin.analysis.config import (
    AnalysisConfig,
    AnalyzeConfig,
    AttributionConfig,
    FeatureConfig,
    NMFConfig,
)
from rlclarity_plugin.analysis.layers import LayerConfig
from rlclarity_plugin.configs import AgentConfig, ConfigError, EvaluationConfig
from rlclarity_plugin.envs.probe_config import ProbeConfig
from rlclarity_plugin.training.config import PPOConfig

ALL = [AgentConfig, ProbeConfig, LayerConfig, AttributionConfig, NMFConfig, FeatureConfig,
       AnalysisConfig, AnalyzeConfig, EvaluationConfig, PPOConfig]


def parse(*argv):
    return cli.build_parser().parse_args(list(argv))


def analyze_config(*argv):
    return cli._analyze_config(parse("analyze", "CKPT", "--logdir", "L", *argv))


def non_default_analyze_config():
    return AnalyzeConfig(
        agent=AgentConfig(backend="torch", device="cuda:1", env_kind="atari", env_name="pong"),
        analysis=AnalysisConfig(
            probe=ProbeConfig(traj_envs=3, traj_steps=7, obs_envs=2, obs_per_env=5, obs_every=4,
                              greedy=True, seed=9, env_kwargs={"start_level": 3, "x": "y"},
                              full_resolution=True),
            layers=LayerConfig(name_contains_one_of=("2b", "3a"), kinds=("relu",),
                               bottleneck_only=False, discard_first_n=1, include_input=True),
            attribution=AttributionConfig(integrate_steps=5, rule="right", memory_budget=3 << 20,
                                          max_paths=4),
            nmf=NMFConfig(features=3, max_rows=100, solver="mu", init="random", max_iter=7,
                          tol=0.5, random_state=2),
            features=FeatureConfig(subdiv_mults=(0.5, 3.0), expand_mults=(1.0, 6.0),
                                   subdiv_default=3.0, thumbnail_num_mult=2,
                                   thumbnail_expand_mult=1.5),
            attr_policy=True, bookmarks=0))


@pytest.mark.parametrize("cls", ALL)
def test_every_field_has_help_and_defaults_round_trip(cls):
    for f in dataclasses.fields(cls):
        assert f.metadata.get("help"), f"{cls.__name__}.{f.name} has no help text"
    config = cls()
    text = json.dumps(config.to_json())
    assert cls.from_json(json.loads(text)) == config
    assert json.dumps(cls.from_json(json.loads(text)).to_json()) == text


def test_non_default_values_round_trip_exactly():
    config = non_default_analyze_config()
    back = AnalyzeConfig.from_json(json.loads(json.dumps(config.to_json())))
    assert back == config and back.to_json() == config.to_json()
    assert back.analysis.layers.name_contains_one_of == ("2b", "3a")  # tuples come back
    ppo = PPOConfig(env_kind="atari", env_name="pong", env_kwargs={"frame_skip": 4},
                    architecture="nature", num_envs=4, num_minibatches=2, gamma=1.0, lam=0.0)
    assert PPOConfig.from_json(json.loads(json.dumps(ppo.to_json()))) == ppo


def test_analysis_config_json_keeps_its_shape():
    """What the store records as an analysis' inputs (its digest) is the JSON of the fields."""
    assert AnalysisConfig().to_json()["features"] == {
        "subdiv_mults": [0.25, 0.5, 1.0, 2.0], "expand_mults": [1.0, 2.0, 4.0, 8.0],
        "subdiv_default": 1.0, "expand_default": 4.0, "thumbnail_num_mult": 4,
        "thumbnail_expand_mult": 4.0}
    assert AnalysisConfig().to_json()["attribution"] == {
        "integrate_steps": 16, "rule": "quadratic", "memory_budget": 1 << 30, "max_paths": None}


def test_partial_json_takes_defaults_and_unknown_keys_are_named():
    config = AnalyzeConfig.from_json({"analysis": {"nmf": {"features": 3}}})
    assert config.analysis.nmf == NMFConfig(features=3)
    assert config.agent == AgentConfig() and config.analysis.probe == ProbeConfig()
    with pytest.raises(ConfigError, match=r"unknown option 'analysis\.nmf\.featurs'"):
        AnalyzeConfig.from_json({"analysis": {"nmf": {"featurs": 3}}})
    with pytest.raises(ConfigError, match=r"unknown option 'agnet'"):
        AnalyzeConfig.from_json({"agnet": {}})
    with pytest.raises(ConfigError, match=r"--traj-envs: analysis\.probe\.traj_envs must be "
                                          r"int, got '8'"):
        AnalyzeConfig.from_json({"analysis": {"probe": {"traj_envs": "8"}}})
    with pytest.raises(ConfigError, match=r"--greedy: .*must be bool"):
        ProbeConfig.from_json({"greedy": 1})


@pytest.mark.parametrize("build,message", [
    (lambda: FeatureConfig(subdiv_mults=(0.0,)),
     "--subdiv-mults: subdiv_mults must be one or more positive numbers, got [0.0]"),
    (lambda: FeatureConfig(subdiv_mults=(-1.0,)), "--subdiv-mults: subdiv_mults must be"),
    (lambda: FeatureConfig(subdiv_mults=(math.nan,)), "--subdiv-mults: subdiv_mults must be"),
    (lambda: FeatureConfig(expand_mults=(0.0, 2.0)), "--expand-mults: expand_mults must be"),
    (lambda: FeatureConfig(expand_mults=()), "--expand-mults: expand_mults must be"),
    (lambda: FeatureConfig(subdiv_mults=(0.5,), subdiv_default=1.0),
     "--subdiv-default: subdiv_default must be one of [0.5], got 1.0"),
    (lambda: AnalysisConfig(bookmarks=-1), "--bookmarks: bookmarks must be >= 0, got -1"),
    (lambda: ProbeConfig(traj_envs=0), "--traj-envs: traj_envs must be at least 1, got 0"),
    (lambda: ProbeConfig(seed=-3), "--seed: seed must be >= 0"),
    (lambda: ProbeConfig(env_kwargs=[1]), "--env-option: env_kwargs must map"),
    (lambda: LayerConfig(discard_first_n=-1), "--discard-first-n: discard_first_n must be"),
    (lambda: LayerConfig(kinds=()), "--layer-kinds: kinds must be one or more names"),
    (lambda: AttributionConfig(integrate_steps=0), "--integrate-steps: integrate_steps must"),
    (lambda: AttributionConfig(rule="simpson"), "--ig-rule: rule must be one of"),
    (lambda: AttributionConfig(max_paths=0), "--attr-max-paths: max_paths must be at least 1"),
    (lambda: NMFConfig(features=0), "--nmf-features: features must be at least 1"),
    (lambda: NMFConfig(tol=-1.0), "--nmf-tol: tol must be"),
    (lambda: AgentConfig(device="gpu"), "--device: device must be auto, cpu, cuda or cuda:N"),
    (lambda: AgentConfig(backend="jax"), "--backend: backend must be one of"),
    (lambda: EvaluationConfig(episodes=0), "--episodes: episodes must be at least 1, got 0"),
    (lambda: EvaluationConfig(baseline="best"), "--baseline: baseline must be one of"),
    (lambda: PPOConfig(num_minibatches=0), "--num-minibatches: num_minibatches must be at"),
    (lambda: PPOConfig(num_envs=3, num_minibatches=2, num_steps=3),
     "--num-minibatches: num_minibatches must divide num_envs*num_steps (9)"),
    (lambda: PPOConfig(gamma=1.5), "--gamma: gamma must be a number in [0, 1]"),
    (lambda: PPOConfig(learning_rate=math.inf), "--learning-rate: learning_rate must be"),
    (lambda: PPOConfig(architecture="resnet"), "--arch: architecture must be one of"),
])
def test_invalid_options_are_refused_when_built_naming_the_flag(build, message):
    with pytest.raises(ConfigError) as err:
        build()
    assert message in str(err.value)
    assert isinstance(err.value, ValueError)  # the command line reports it as bad input


def test_derived_values():
    assert FeatureConfig(subdiv_mults=(0.5, 2.0), expand_mults=(1.0, 2.0)) == FeatureConfig(
        subdiv_mults=(0.5, 2.0), expand_mults=(1.0, 2.0), subdiv_default=0.5,
        expand_default=2.0)
    assert FeatureConfig(subdiv_mults=(1,)).subdiv_mults == (1.0,)
    assert LayerConfig(name_contains_one_of="2b").name_contains_one_of == ("2b",)
    assert PPOConfig().env_kwargs == {"distribution_mode": "easy"}
    assert PPOConfig(env_kind="atari", env_name="pong").env_kwargs == {}
    assert PPOConfig(env_kwargs={"distribution_mode": "hard"}).env_kwargs == {
        "distribution_mode": "hard"}


def test_every_field_is_a_command_line_option():
    """Adding a field adds its flag: every field of AnalyzeConfig (and PPOConfig) is set from
    its flag, with no other edit."""
    config = non_default_analyze_config()
    a = config.analysis
    argv = ["--backend", "torch", "--device", "cuda:1", "--env-kind", "atari", "--env", "pong",
            "--traj-envs", "3", "--traj-steps", "7", "--obs-envs", "2", "--obs-per-env", "5",
            "--obs-every", "4", "--greedy", "--seed", "9", "--start-level", "3",
            "--env-option", "x=y", "--full-resolution",
            "--layers", "2b", "3a", "--layer-kinds", "relu", "--no-bottleneck-only",
            "--discard-first-n", "1", "--include-input",
            "--integrate-steps", "5", "--ig-rule", "right", "--memory-budget-mb", "3",
            "--attr-max-paths", "4",
            "--nmf-features", "3", "--nmf-max-rows", "100", "--nmf-solver", "mu",
            "--nmf-init", "random", "--nmf-max-iter", "7", "--nmf-tol", "0.5",
            "--nmf-random-state", "2",
            "--subdiv-mults", "0.5", "3", "--expand-mults", "1", "6", "--subdiv-default", "3",
            "--thumbnail-num-mult", "2", "--thumbnail-expand-mult", "1.5",
            "--attr-policy", "--bookmarks", "0"]
    assert analyze_config(*argv) == config and a.bookmarks == 0
    assert analyze_config() == AnalyzeConfig()
    ppo = PPOConfig(env_kind="atari", env_name="pong", env_kwargs={"frame_skip": "4"},
                    architecture="nature", num_envs=4, num_steps=6, num_minibatches=2,
                    ppo_epochs=1, learning_rate=0.1, entropy_coeff=0.0, vf_coeff=1.0,
                    clip_range=0.1, max_grad_norm=1.0, gamma=1.0, lam=0.5,
                    total_timesteps=48, save_interval=2, seed=3)
    args = parse("train", "--logdir", "L", "--env-kind", "atari", "--env", "pong",
                 "--env-option", "frame_skip=4", "--arch", "nature", "--num-envs", "4",
                 "--num-steps", "6", "--num-minibatches", "2", "--ppo-epochs", "1",
                 "--learning-rate", "0.1", "--entropy-coeff", "0", "--vf-coeff", "1",
                 "--clip-range", "0.1", "--max-grad-norm", "1", "--gamma", "1", "--lam", "0.5",
                 "--timesteps", "48", "--save-interval", "2", "--seed", "3")
    assert cli._train_config(args) == ppo


def test_config_file_with_overrides(tmp_path):
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(non_default_analyze_config().to_json()))
    assert analyze_config("--config", str(path)) == non_default_analyze_config()
    over = analyze_config("--config", str(path), "--traj-envs", "1", "--no-greedy",
                          "--env-option", "z=1", "--subdiv-mults", "2", "4")
    a = over.analysis
    assert a.probe.traj_envs == 1 and not a.probe.greedy
    assert a.probe.env_kwargs == {"start_level": 3, "x": "y", "z": "1"}  # merged
    # the file's default patch count (3) is not among the new ones: derived again
    assert a.features.subdiv_mults == (2.0, 4.0) and a.features.subdiv_default == 2.0
    assert a.nmf == non_default_analyze_config().analysis.nmf  # the rest from the file
    # probe takes the same file: its agent and probe parts
    args = parse("probe", "CKPT", "-o", "p.npz", "--config", str(path), "--obs-every", "1")
    config = cli._analyze_config(args)
    assert config.agent == non_default_analyze_config().agent
    assert config.analysis.probe == dataclasses.replace(
        non_default_analyze_config().analysis.probe, obs_every=1)


@pytest.mark.parametrize("content,message", [
    ('{"analysis": {"nmf": {"featurs": 3}}}', "unknown option 'analysis.nmf.featurs'"),
    ("[1, 2]", "expected a JSON object, got list"),
    ("{nope", "not valid JSON"),
    ('{"analysis": {"bookmarks": -1}}', "--bookmarks: bookmarks must be >= 0, got -1"),
])
def test_bad_config_files_are_one_line_errors(tmp_path, capsys, content, message):
    path = tmp_path / "c.json"
    path.write_text(content)
    logdir = tmp_path / "logs"
    code = cli.main(["analyze", "demo:coinrun", "--logdir", str(logdir), "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not logdir.exists()


def test_option_lists_become_a_config():
    """What the hooks do with an ``analyze_args`` list: every analyze option, checked at once."""
    config = cli.analyze_config_from_argv(["--layers", "2b", "--full-resolution", "--greedy",
                                           "--start-level", "5", "--env-option", "a=b"])
    assert config.analysis.layers.name_contains_one_of == ("2b",)
    probe = config.analysis.probe
    assert probe.full_resolution and probe.greedy and probe.env_kwargs == {"start_level": 5,
                                                                           "a": "b"}
    on_top = cli.analyze_config_from_argv(["--nmf-features", "2"], base=config)
    assert on_top.analysis.nmf.features == 2 and on_top.analysis.probe == probe
    with pytest.raises(ConfigError, match="--bookmarks: bookmarks must be >= 0"):
        cli.analyze_config_from_argv(["--bookmarks", "-1"])
    with pytest.raises(ConfigError, match="unrecognized arguments: --nope"):
        cli.analyze_config_from_argv(["--nope"])
    with pytest.raises(ConfigError, match="--logdir"):  # per invocation, not a config option
        cli.analyze_config_from_argv(["--logdir", "x"])
