"""Training-time hooks: analyse checkpoints in the background and log them to MLflow and to the
TensorBoard logdir (see :mod:`mlflow_hooks.hook`)."""

from .compare import (
    AnalysedCheckpoint,
    compare_side_by_side,
    list_analysed_checkpoints,
    side_by_side_page,
)
from .hook import CheckpointAnalyzer, HookReport, analyze_checkpoint, finish_analyses


def __getattr__(name):  # the Keras callback imports keras: only when asked for
    if name == "RLClarityCallback":
        from .keras_callback import RLClarityCallback

        return RLClarityCallback
    raise AttributeError(name)


__all__ = ["AnalysedCheckpoint", "CheckpointAnalyzer", "HookReport", "RLClarityCallback",
           "analyze_checkpoint", "compare_side_by_side", "finish_analyses",
           "list_analysed_checkpoints", "side_by_side_page"]
