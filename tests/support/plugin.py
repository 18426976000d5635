"""The plugin inside TensorBoard's WSGI app, without a server: a werkzeug test client."""

import urllib.parse

BASE = "/data/plugin/rl_clarity/"


def make_client(logdir):
    from tensorboard.backend import application
    from tensorboard.backend.event_processing import data_provider
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
    from tensorboard.plugins import base_plugin
    from werkzeug import test as wtest
    from werkzeug import wrappers

    from rlclarity_plugin.tensorboard.plugin import RLClarityPlugin

    multiplexer = pem.EventMultiplexer()
    multiplexer.AddRunsFromDirectory(logdir)
    multiplexer.Reload()
    provider = data_provider.MultiplexerDataProvider(multiplexer, logdir)
    ctx = base_plugin.TBContext(logdir=logdir, data_provider=provider)
    app = application.TensorBoardWSGI([RLClarityPlugin(ctx)], data_provider=provider)
    return wtest.Client(app, wrappers.Response)


def url(route, **params):
    return BASE + route + ("?" + urllib.parse.urlencode(params) if params else "")
