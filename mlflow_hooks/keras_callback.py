"""A Keras callback that hands the model to a :class:`~mlflow_hooks.hook.CheckpointAnalyzer`
every N epochs or batches (for agents trained with ``model.fit`` or a Keras-based loop)."""

from __future__ import annotations

import logging
import os

import keras

from .hook import CheckpointAnalyzer

log = logging.getLogger("rl_clarity.mlflow_hooks")


class RLClarityCallback(keras.callbacks.Callback):
    """Analyse the model being trained at regular points, in the background.

    The model must take observations (scaled by ``input_scale`` inside ``wrap_kwargs``, see
    ``rlclarity_plugin.agents.adapter.wrap_keras_model``) and return ``[policy_logits, value]``.

    Args:
        analyzer: where the analyses go (logdir, MLflow run, options, queue).
        every_n_epochs: analyse after every N-th epoch (0: never).
        every_n_batches: analyse after every N-th training batch (0: never).
        step_fn: ``step_fn(epoch=..., batch=...) -> int`` the training step to log at
            (default: epochs completed, or batches seen).
        on_model_checkpoint: a ``keras.callbacks.ModelCheckpoint`` of the same ``fit``: analyse
            the model whenever it writes a file (put this callback after it in the list).
        close_on_train_end: wait for the queued analyses when ``fit`` ends.
        wrap_kwargs: passed to ``wrap_keras_model`` (env, action combos, gamma, lambda ...).
    """

    def __init__(self, analyzer: CheckpointAnalyzer, *, every_n_epochs: int = 1,
                 every_n_batches: int = 0, step_fn=None, on_model_checkpoint=None,
                 close_on_train_end: bool = False, **wrap_kwargs):
        super().__init__()
        self.analyzer = analyzer
        self.every_n_epochs = int(every_n_epochs)
        self.every_n_batches = int(every_n_batches)
        self.step_fn = step_fn
        self.close_on_train_end = close_on_train_end
        self.wrap_kwargs = wrap_kwargs
        self.batches = 0
        self.model_checkpoint = on_model_checkpoint
        self._seen = self._saved_files()

    def _saved_files(self) -> dict:
        """{path: mtime} of the files in the ModelCheckpoint's folder (its public ``filepath``)."""
        if self.model_checkpoint is None:
            return {}
        folder = os.path.dirname(os.path.abspath(str(self.model_checkpoint.filepath)))
        try:
            return {e.path: e.stat().st_mtime_ns for e in os.scandir(folder)}
        except OSError:
            return {}

    def _checkpoint_written(self) -> bool:
        if self.model_checkpoint is None:
            return False
        now = self._saved_files()
        changed = any(self._seen.get(p) != t for p, t in now.items())
        self._seen = now
        return changed

    def _submit(self, step: int) -> None:
        try:
            from rlclarity_plugin.agents.adapter import wrap_keras_model

            agent = wrap_keras_model(self.model, training_step=int(step), **self.wrap_kwargs)
            self.analyzer.submit(agent, int(step))
        except Exception as e:  # training never fails because of the hook
            self.analyzer._fail(step, "keras callback", e)

    def on_epoch_end(self, epoch, logs=None):
        written = self._checkpoint_written()
        if written or (self.every_n_epochs and (epoch + 1) % self.every_n_epochs == 0):
            self._submit(self.step_fn(epoch=epoch, batch=self.batches) if self.step_fn
                         else epoch + 1)

    def on_train_batch_end(self, batch, logs=None):
        self.batches += 1
        written = (self.model_checkpoint is not None and
                   self.model_checkpoint.save_freq != "epoch" and self._checkpoint_written())
        if written or (self.every_n_batches and self.batches % self.every_n_batches == 0):
            self._submit(self.step_fn(epoch=None, batch=self.batches) if self.step_fn
                         else self.batches)

    def on_train_end(self, logs=None):
        if self.close_on_train_end:
            self.analyzer.close()
