"""Coverage-guided fuzzing (atheris) of the ingest entry point: any bytes, any suffix, never an exception.

    python tests/fuzz/fuzz_ingest.py -max_total_time=60

``read_one`` must turn every input into documents or ``InputError`` values;
anything it raises is a bug, and atheris stops with the input that caused it.
"""
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from khabar.config import Settings
    from khabar.ingest import read_one

SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".xml", ".warc", ".gz"]
SETTINGS = Settings(max_bytes=64 * 1024)
WORKDIR = tempfile.mkdtemp(prefix="khabar-fuzz-")


def test_one_input(data: bytes) -> None:
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    path = os.path.join(WORKDIR, "input" + suffix)
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for _ in read_one(path, SETTINGS):
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
