"""rl-clarity: see what a vision-based RL agent looks at, and why (TensorBoard, MLflow, HTML)."""

import os

from setuptools import find_packages, setup

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "README.md"), encoding="utf-8") as f:
    long_description = f.read()

# Each extra brings one framework, environment family or service; none pins anything of the
# others, so `pip install 'rl-clarity[torch]'` next to a PyTorch stack (numpy 2, pandas 3)
# changes none of its versions (tests/test_install.py checks that, on a fresh venv).
KERAS = ["tensorflow-cpu>=2.16"]  # the Keras backend, `rl-clarity train`, original checkpoints
# PyPI's Linux torch wheel is the CUDA build; a CPU-only machine can take the CPU build from
# https://download.pytorch.org/whl/cpu (the Makefile pins the CPU build these machines carry).
TORCH = ["torch>=2.1"]
# SB3 checkpoints and SB3's Atari wrappers (`sb3-atari` environments, which also need [atari]):
# they import cv2; the headless OpenCV wheel, not SB3's [extra] opencv-python (GUI, X11 libraries)
SB3 = ["stable-baselines3>=2.0", "opencv-python-headless>=4.5", *TORCH]
# procgen-mirror (import name `procgen`) pins numpy<2, gym<1 and, through gym3, cffi<2 itself;
# nothing else needs pinning for it (measured, pip 26.3, Python 3.11: one resolve of
# procgen-mirror + mlflow takes numpy 1.26.4, pandas 3.0.6 (numpy>=1.26 below Python 3.14),
# cffi 1.17.1, cryptography 46.0.0 (the newest that accepts cffi<2), and the MLflow tests pass on
# them). Pinning pandas<3 / cryptography<45 in [mlflow] would downgrade a PyTorch user's pandas 3
# and cryptography 50 for nothing. What breaks procgen is a later, separate `pip install` that
# upgrades numpy: install [procgen] together with the rest.
PROCGEN = ["procgen-mirror>=0.10.7"]
# `mpirun -n N rl-clarity analyze`: mpi4py and an MPI library as a wheel (no system MPI needed)
MPI = ["mpi4py>=4.0", "mpich>=4.2"]
ATARI = ["gymnasium>=1.0,<2", "ale-py>=0.10"]
MLFLOW = ["mlflow>=3.0"]
# remote logdirs (fsspec implementations); boto3 is what TensorBoard reads s3:// with
S3 = ["s3fs>=2023.1", "boto3"]
EXTRAS = {
    "keras": KERAS,
    "gpu": ["tensorflow[and-cuda]>=2.16"],  # the Keras backend on CUDA GPUs
    "torch": TORCH,
    "sb3": SB3,
    "procgen": PROCGEN,
    "mpi": MPI,
    "atari": ATARI,
    "mlflow": MLFLOW,
    "s3": S3,
    "gcs": ["gcsfs>=2023.1"],
    "azure": ["adlfs>=2023.1"],
    # everything the suite needs: both backends, every environment kind, MPI (the job's
    # rank-count tests), MLflow, a real S3-compatible server for the remote-logdir tests, captum
    # (a reference for the torch attributions), Playwright (browser tests), ruff (lint) and
    # JupyterLab + Notebook 7 + ipykernel (rlclarity_plugin.show in a real notebook server;
    # show() itself needs none of them: no `notebook` extra).
    # Measured: with the Makefile's "torch<2.14" this resolves to torch 2.13.0+cpu and captum
    # 0.8.0; requiring captum>=0.9 makes pip backtrack onto PyPI's CUDA torch 2.13.0 (gigabytes).
    "test": sorted({*KERAS, *SB3, *PROCGEN, *MPI, *ATARI, *MLFLOW, *S3, "captum>=0.7",
                    "pytest>=8", "playwright>=1.45", "ruff>=0.6", "import-linter>=2.1",
                    "moto[s3]>=5", "flask", "flask-cors", "jupyterlab>=4", "notebook>=7",
                    "ipykernel>=6", "nbformat>=5"}),
}

setup(
    name="rl-clarity",
    version="0.1.0",
    description="Interfaces for understanding vision-based RL agents: integrated gradients, NMF "
                "features and dataset examples in TensorBoard, MLflow and standalone HTML",
    long_description=long_description,
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.10",
    packages=find_packages(include=["rlclarity_plugin", "rlclarity_plugin.*", "mlflow_hooks",
                                    "mlflow_hooks.*"]),
    package_data={"rlclarity_plugin": ["static/**/*", "demo_agents/**/*"]},
    include_package_data=True,
    # Framework-free: the analysis job, the store, the TensorBoard tab and the HTML export import
    # no deep-learning framework, environment or MPI until a checkpoint, an environment or
    # mpirun needs one (then a one-line error names the extra). TensorBoard runs without
    # TensorFlow ("reduced feature set" only concerns TensorFlow's file systems).
    install_requires=[
        "tensorboard>=2.16",
        "numpy>=1.24",
        "scipy>=1.10",  # imported directly (feature matching); scikit-learn needs it anyway
        "scikit-learn>=1.3",
        "protobuf>=4",
        "Pillow>=10",
        "tqdm>=4.60",
        "joblib>=1.2",
        "fsspec>=2023.1",
        "cachetools>=5",  # the TensorBoard plugin's response, run-list and part caches
        # event-file records: the C implementation of CRC32C (TensorBoard's own is pure Python)
        "google-crc32c>=1.5",
    ],
    extras_require=EXTRAS,
    entry_points={
        "console_scripts": ["rl-clarity = rlclarity_plugin.cli:main"],
        "tensorboard_plugins": ["rl_clarity = rlclarity_plugin.tensorboard.loader:RLClarityLoader"],
    },
    classifiers=[
        "Programming Language :: Python :: 3",
        "Framework :: TensorFlow",
        "Topic :: Scientific/Engineering :: Artificial Intelligence",
    ],
)
