"""The plugin's caches: the run list is walked at most every TTL and ``/runs?refresh=1`` cannot
make the server walk the logdir more than once per ``REFRESH_MIN_S``; JSON answers follow the
analysis' manifest (a rewritten analysis is never served from the cache)."""

import json
import os
import shutil
import threading
import time

from rlclarity_plugin.tensorboard import plugin
from rlclarity_plugin.tensorboard.plugin import RunList
from tests.support.plugin import make_client, url


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_run_list_ttl_and_rate_limited_refresh():
    clock, walks = Clock(), []

    def walk():
        walks.append(clock.now)
        return {"a": [len(walks)]}, []

    runs = RunList(walk, ttl=2.0, min_refresh=1.0, timer=clock)
    assert runs.get() == ({"a": [1]}, []) and len(walks) == 1
    clock.now += 0.5
    assert runs.get() == ({"a": [1]}, [])  # within the TTL
    for _ in range(50):  # a client hammering refresh=1 gets the last walk
        assert runs.get(refresh=True) == ({"a": [1]}, [])
    assert len(walks) == 1
    clock.now += 0.6  # 1.1 s after the walk: a refresh is honoured, once
    assert runs.get(refresh=True) == ({"a": [2]}, [])
    assert runs.get(refresh=True) == ({"a": [2]}, []) and len(walks) == 2
    clock.now += 2.5  # the TTL expired: walked again without refresh
    assert runs.get() == ({"a": [3]}, [])


def test_concurrent_requests_share_one_walk():
    walks = []

    def walk():
        walks.append(1)
        time.sleep(0.3)
        return {}, []

    runs = RunList(walk, ttl=60.0, min_refresh=1.0)
    threads = [threading.Thread(target=runs.get, kwargs={"refresh": True}) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(walks) == 1


def test_the_plugin_refresh_is_rate_limited(tmp_path, analysed_logdir, monkeypatch):
    monkeypatch.setattr(plugin, "REFRESH_MIN_S", 3600.0)  # no refresh honoured in this test
    monkeypatch.setattr(plugin, "RUNS_TTL_S", 3600.0)
    logdir = tmp_path / "logs"
    shutil.copytree(analysed_logdir, logdir)
    client = make_client(str(logdir))
    first = json.loads(client.get(url("runs")).data)
    shutil.copytree(logdir / "nested" / "agentB", logdir / "late")
    again = json.loads(client.get(url("runs", refresh=1)).data)
    assert again == first  # walked less than REFRESH_MIN_S ago: the last walk's list
    # the new analysis is served all the same (analyses are found by name, not from the list)
    assert client.get(url("manifest", run="late", step=1000)).status_code == 200


def test_json_answers_follow_the_manifest(tmp_path, analysed_logdir):
    logdir = tmp_path / "logs"
    shutil.copytree(analysed_logdir, logdir)
    client = make_client(str(logdir))
    params = dict(run="agentA", step=1000)
    before = json.loads(client.get(url("manifest", **params)).data)
    series = client.get(url("series", traj=0, **params)).data
    # the analysis is redone in place (another version string, the same data)
    path = logdir / "agentA/plugins/rl_clarity/1000/manifest.json"
    changed = {**before, "rl_clarity_version": "9.9.9"}
    path.write_text(json.dumps(changed))
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert json.loads(client.get(url("manifest", **params)).data) == changed
    assert client.get(url("series", traj=0, **params)).data == series
