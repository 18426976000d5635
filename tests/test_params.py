"""The plugin's query parsing (``rlclarity_plugin/tensorboard/params.py``) on its own: no
TensorBoard, no store. Hostile values are refused with :class:`ParamError` (400) and one line
naming the parameter; nothing else ever escapes."""

import urllib.parse

import numpy as np
import pytest
from werkzeug.datastructures import MultiDict

from rlclarity_plugin.tensorboard import params
from rlclarity_plugin.tensorboard.params import ParamError


def q(query: str) -> dict:
    """A query string as ``parse_qs`` reads it (name -> list of values)."""
    return urllib.parse.parse_qs(query, keep_blank_values=True)


@pytest.mark.parametrize("args", [q("traj=3"), MultiDict([("traj", "3")]), {"traj": ["3"]}])
def test_both_mapping_kinds_are_read(args):
    assert params.integer(args, "traj") == 3
    assert params.trajectory(args) == (3,)


def test_one_value_per_parameter_at_most_512_characters():
    with pytest.raises(ParamError, match="missing parameter 'traj'"):
        params.integer(q("step=1"), "traj")
    with pytest.raises(ParamError, match="parameter 'traj' given 2 times"):
        params.integer(q("traj=0&traj=1"), "traj")
    assert params.text({"layer": ["x" * 512]}, "layer") == "x" * 512
    with pytest.raises(ParamError, match="'layer' is longer than 512 characters"):
        params.text({"layer": ["x" * 513]}, "layer")
    with pytest.raises(ParamError, match="longer than"):
        params.run({"run": ["a" * 5000]})


INTEGERS_OK = [("0", 0), ("7", 7), ("0007", 7), ("1000", 1000),
               ("9007199254740991", 2**53 - 1)]
INTEGERS_BAD = [
    ("0\n", "non-negative integer"),  # "$" matches before a trailing newline: fullmatch
    ("0%0A", "non-negative integer"),
    ("\n0", "non-negative integer"), (" 1", "non-negative integer"),
    ("1 ", "non-negative integer"), ("+1", "non-negative integer"),
    ("-1", "non-negative integer"), ("1e3", "non-negative integer"),
    ("1.0", "non-negative integer"), ("0x10", "non-negative integer"),
    ("", "non-negative integer"), ("\u0661", "non-negative integer"),  # Arabic-Indic one
    ("\uff11", "non-negative integer"),  # fullwidth one: int() would take it
    ("1_000", "non-negative integer"), ("1" * 17, "non-negative integer"),
    ("10" * 30, "non-negative integer"),
    ("9007199254740992", "out of range"), ("9999999999999999", "out of range"),
]


@pytest.mark.parametrize("raw,value", INTEGERS_OK)
def test_integers(raw, value):
    assert params.integer({"step": [raw]}, "step") == value


@pytest.mark.parametrize("raw,words", INTEGERS_BAD)
def test_hostile_integers(raw, words):
    with pytest.raises(ParamError, match=words) as e:
        params.integer({"traj": [urllib.parse.unquote(raw)]}, "traj")
    assert "'traj'" in str(e.value) and "\n" not in str(e.value).replace("\\n", "")


def test_the_newline_case_through_a_query_string():
    """``traj=0%0A`` used to be served as trajectory 0."""
    with pytest.raises(ParamError, match="non-negative integer"):
        params.trajectory(q("traj=0%0A"))


@pytest.mark.parametrize("raw,value", [("0.5", 0.5), ("1", 1.0), ("1.0", 1.0), ("4", 4.0),
                                       ("0.25", 0.25), ("123456.123456", 123456.123456)])
def test_numbers(raw, value):
    assert params.number({"subdiv": [raw]}, "subdiv") == value


@pytest.mark.parametrize("raw", ["1e5", "0.3\n", ".5", "1.", "-1", "nan", "inf", "1,5",
                                 "1234567", "0.1234567", " 1", "\u0661.5", "0.5.5", ""])
def test_hostile_numbers(raw):
    with pytest.raises(ParamError, match=r"'subdiv' must be a number like 0\.5"):
        params.number({"subdiv": [raw]}, "subdiv")


@pytest.mark.parametrize("run", ["agentA", "nested/agentB", ".", "x<img src=x>'\"",
                                 "a b", "run.v2"])
def test_run_names(run):
    assert params.run({"run": [run]}) == run


@pytest.mark.parametrize("run", ["../agentA", "agentA/../../..", "/etc", "a/./b", "a//b",
                                 "agentA/", "a\\b", "..\\x", "a\0b", "", ".."])
def test_run_names_that_could_leave_the_logdir(run):
    with pytest.raises(ParamError, match="paths outside the logdir are never read"):
        params.run({"run": [run]})


def test_analysis_reference():
    args = q("run=nested%2FagentB&step=2000&run_b=agentA&step_b=1000")
    assert params.analysis(args) == ("nested/agentB", 2000)
    assert params.analysis(args, "_b") == ("agentA", 1000)
    with pytest.raises(ParamError, match="missing parameter 'run_b'"):
        params.analysis(q("run=a&step=1"), "_b")
    with pytest.raises(ParamError, match="'step' is out of range"):
        params.analysis(q("run=a&step=9007199254740992"))


def test_route_parameters_in_view_order():
    args = q("layer=2b&traj=1&output=v&feature=3&subdiv=0.5&expand=4&sheet=2")
    assert params.unit(args) == ("2b", 1, "v")
    assert params.feature(args) == ("2b", 3, 0.5, 4.0)
    assert params.sheet(args) == (2,)
    assert params.layer(args) == ("2b",)
    assert params.full_frame(q("traj=1&frame=39")) == {"traj": 1, "frame": 39}
    assert params.full_frame(q("obs=5&traj=1")) == {"obs": 5}
    with pytest.raises(ParamError, match="'obs'"):
        params.full_frame(q("obs="))
    with pytest.raises(ParamError, match="missing parameter 'frame'"):
        params.full_frame(q("traj=1"))


def test_refresh_flag():
    assert params.flag(q("refresh=1"), "refresh")
    for query in ("", "refresh=0", "refresh=true", "refresh="):
        assert not params.flag(q(query), "refresh")


def test_random_queries_only_ever_raise_param_errors():
    """Random bytes for every parameter of every route: a value or a ParamError, nothing
    else (no IndexError, no UnicodeError, no OverflowError)."""
    rng = np.random.default_rng(5)
    alphabet = list("0123456789.-+eE/\\ \n\t\0%x_") + ["\u0661", "\uff11", "..", "é"]
    parsers = [params.trajectory, params.sheet, params.layer, params.unit, params.feature,
               params.full_frame, params.analysis, lambda a: params.analysis(a, "_b")]
    names = ["run", "step", "run_b", "step_b", "traj", "frame", "obs", "sheet", "layer",
             "output", "feature", "subdiv", "expand"]
    for _ in range(1000):
        args = MultiDict()
        for name in names:
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                size = int(rng.choice([0, 1, 2, 5, 17, 600]))
                args.add(name, "".join(rng.choice(alphabet, size)))
        for parse in parsers:
            try:
                parse(args)
            except ParamError as e:
                assert str(e) and len(str(e)) < 300
