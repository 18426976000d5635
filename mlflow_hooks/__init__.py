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
        try:
            from .keras_callback import RLClarityCallback
        except ImportError as e:
            from rlclarity_plugin import missing_extra

            raise missing_extra("keras", "keras", "mlflow_hooks.RLClarityCallback", e) from e
        return RLClarityCallback
    if name == "RLClaritySB3Callback":  # imports stable_baselines3: only when asked for
        try:
            from .sb3_callback import RLClaritySB3Callback
        except ImportError as e:
            from rlclarity_plugin import missing_extra

            raise missing_extra("stable_baselines3", "sb3", "mlflow_hooks.RLClaritySB3Callback",
                                e) from e
        return RLClaritySB3Callback
    raise AttributeError(name)


__all__ = ["AnalysedCheckpoint", "CheckpointAnalyzer", "HookReport", "RLClarityCallback",
           "RLClaritySB3Callback", "analyze_checkpoint", "compare_side_by_side", "finish_analyses",
           "list_analysed_checkpoints", "side_by_side_page"]
