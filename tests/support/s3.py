"""A real S3-compatible server for tests and benchmarks: moto's, started on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from tests.support.tb import free_port, stop


class MotoServer:
    """``python -m moto.server`` on a free port; ``env`` points S3 clients at it (the
    ``S3_ENDPOINT`` TensorBoard and rl-clarity read, dummy credentials)."""

    def __init__(self, log_path: str | None = None):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path or os.devnull, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1",
                                      "-p", str(self.port)], stdout=self._log,
                                     stderr=subprocess.STDOUT)
        self.env = {"S3_ENDPOINT": self.endpoint, "AWS_ACCESS_KEY_ID": "testing",
                    "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
                    "AWS_REGION": "us-east-1"}
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=2).read()
                return
            except OSError:
                if time.time() > deadline or self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError("the moto server did not start") from None
                time.sleep(0.2)

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")

    def close(self):
        stop(self.proc)
        self._log.close()
