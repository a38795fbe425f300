"""Run the ingest fuzzer briefly (20 s) in the test suite; longer runs: python tests/fuzz/fuzz_ingest.py."""
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris is in the test extras; without it there is no fuzzer to run")


def test_ingest_survives_fuzzing(tmp_path):
    harness = Path(__file__).with_name("fuzz_ingest.py")
    res = subprocess.run([sys.executable, str(harness), "-max_total_time=20", "-rss_limit_mb=2048",
                          f"-artifact_prefix={tmp_path}/"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Done" in res.stderr
