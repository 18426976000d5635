"""The ``tensorboard_plugins`` entry point: light to import, never takes TensorBoard down.

Only ``tensorboard.plugins.base_plugin`` is imported at module level. The plugin itself (and
everything heavy) is imported in :meth:`RLClarityLoader.load`; if that fails, the error is
logged and TensorBoard goes on without the tab.
"""

from __future__ import annotations

import logging
import sys

from tensorboard.plugins import base_plugin

PLUGIN_NAME = "rl_clarity"
log = logging.getLogger(__name__)


class RLClarityLoader(base_plugin.TBLoader):
    """Loads the RL Clarity plugin and keeps every step of its data."""

    def fix_flags(self, flags):
        samples = getattr(flags, "samples_per_plugin", None)
        if isinstance(samples, dict):
            samples.setdefault(PLUGIN_NAME, 0)
        from .launch import needs_tf_free_reader  # light: the store's file layer, stdlib only

        logdir = getattr(flags, "logdir", "") or ""
        if needs_tf_free_reader(logdir) and "tensorboard.compat.notf" not in sys.modules and \
                "tensorflow" in sys.modules:
            log.warning("TensorBoard reads %s through TensorFlow, which has no %s:// file "
                        "system here; start it with `rl-clarity tensorboard --logdir %s` "
                        "instead (TensorBoard's own reader, no TensorFlow needed)", logdir,
                        logdir.split("://")[0], logdir)

    def load(self, context):
        try:
            from .plugin import RLClarityPlugin
        except ImportError as e:
            log.warning("RL Clarity tab disabled: %s", e)
            return None
        return RLClarityPlugin(context)
