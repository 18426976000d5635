"""rl-clarity: see what a vision-based RL agent looks at, and why.

Re-implements OpenAI's "Understanding RL Vision" (Hilton et al., Distill 2020) and the
``lucid.scratch.rl_util`` algorithms on TensorFlow 2 / Keras 3, and puts the interface where
users work: a TensorBoard tab, MLflow artifacts and a standalone HTML page.
"""

__version__ = "0.1.0"


def export_html(*args, **kwargs):
    """``rlclarity_plugin.export.export_html`` (imported on first use): see there."""
    from .export import export_html as _export_html

    return _export_html(*args, **kwargs)
