"""Training-time hooks: analyse checkpoints in the background and log them to MLflow and to the
TensorBoard logdir (see :mod:`mlflow_hooks.hook`)."""

from .hook import CheckpointAnalyzer, HookReport, analyze_checkpoint, finish_analyses

__all__ = ["CheckpointAnalyzer", "HookReport", "analyze_checkpoint", "finish_analyses"]
