"""``rl-clarity tensorboard``: TensorBoard on a logdir of any scheme the store can hold.

TensorBoard reads its logdir through ``tensorboard.compat.tf.io.gfile``. With TensorFlow
installed that is ``tf.io.gfile``: local paths and ``gs://``, but no ``s3://`` since
TensorFlow 2.6 moved it to tensorflow-io (tensorboard#5359), and nothing else. Without
TensorFlow, TensorBoard uses its own file layer instead: boto3 for ``s3://`` (endpoint in
``S3_ENDPOINT``) and fsspec for every other scheme fsspec knows (``az://``, ``gs://`` through
gcsfs, ...). The Rust data server reads only local and ``gs://`` logdirs; for the others
TensorBoard falls back to its Python loader by itself.

So for a URL that ``tf.io.gfile`` cannot read, this launcher starts TensorBoard with its
TensorFlow-free file layer: it registers the ``tensorboard.compat.notf`` module (the switch
TensorBoard's no-TensorFlow build ships) before TensorBoard first resolves ``compat.tf``. No
TensorBoard plugin needs TensorFlow; TensorBoard then prints that it runs "with reduced feature
set", which only concerns TensorFlow's own file systems. Every other logdir starts plain
TensorBoard. Arguments other than ``--logdir`` pass through to TensorBoard unchanged.
"""

from __future__ import annotations

import argparse
import sys
import types

from ..store import files

# schemes tf.io.gfile reads natively (with TensorFlow installed)
TF_SCHEMES = ("gs",)


def needs_tf_free_reader(logdir: str) -> bool:
    return files.is_url(logdir) and files.scheme(logdir) not in TF_SCHEMES


def use_tf_free_reader() -> None:
    """Make TensorBoard use its own file layer (call before TensorBoard resolves
    ``compat.tf``)."""
    sys.modules.setdefault("tensorboard.compat.notf", types.ModuleType("tensorboard.compat.notf"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--logdir", default="")
    known, _ = parser.parse_known_args(argv)
    if known.logdir:
        files.check_usable(known.logdir)  # a missing s3fs / gcsfs is said here, clearly
    if needs_tf_free_reader(known.logdir):
        if files.scheme(known.logdir) in ("s3", "s3a"):
            try:
                import boto3  # noqa: F401
            except ImportError as e:
                raise ValueError("TensorBoard reads s3:// logdirs with boto3: pip install "
                                 "'rl-clarity[s3]'") from e
        print(f"rl-clarity tensorboard: {known.logdir} is read with TensorBoard's own file "
              "layer (TensorBoard will say it runs without TensorFlow: that concerns only "
              "TensorFlow's file systems)", file=sys.stderr, flush=True)
        use_tf_free_reader()
    from tensorboard import main as tb_main

    sys.argv = ["tensorboard", *argv]
    return int(tb_main.run_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
