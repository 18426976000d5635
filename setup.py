"""rl-clarity: see what a vision-based RL agent looks at, and why (TensorBoard, MLflow, HTML)."""

import os

from setuptools import find_packages, setup

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "README.md"), encoding="utf-8") as f:
    long_description = f.read()

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
    install_requires=[
        "tensorflow-cpu>=2.16",
        "tensorboard>=2.16",
        # procgen-mirror (import name `procgen`) pins numpy<2 and gym<1 itself.
        "numpy>=1.24",
        "scikit-learn>=1.3",
        "procgen-mirror>=0.10.7",
        "mpi4py>=4.0",
        "mpich>=4.2",
        "protobuf>=4",
        "Pillow>=10",
        "tqdm>=4.60",
        "joblib>=1.2",
        "fsspec>=2023.1",
        # event-file records: the C implementation of CRC32C (TensorBoard's own is pure Python)
        "google-crc32c>=1.5",
    ],
    extras_require={
        "gpu": ["tensorflow[and-cuda]>=2.16"],
        # procgen-mirror pins numpy<2 and gym3 cffi<2; pandas 3 needs numpy 2, cryptography 45+
        # needs cffi 2 (measured: pip otherwise upgrades both and breaks procgen)
        "mlflow": ["mlflow>=3.0", "pandas<3", "cryptography<45"],
        "atari": ["gymnasium>=1.0,<2", "ale-py>=0.10"],
        # remote logdirs (fsspec implementations); boto3 is what TensorBoard reads s3:// with
        "s3": ["s3fs>=2023.1", "boto3"],
        "gcs": ["gcsfs>=2023.1"],
        "azure": ["adlfs>=2023.1"],
        "test": ["pytest>=8", "playwright>=1.45", "ruff>=0.6", "gymnasium>=1.0,<2",
                 "ale-py>=0.10", "mlflow>=3.0", "pandas<3", "cryptography<45",
                 # a real S3-compatible server for the remote-logdir tests
                 "s3fs>=2023.1", "boto3", "moto[s3]>=5", "flask", "flask-cors"],
    },
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
