"""The commands: `khabar serve` binds 127.0.0.1 by default and answers; `khabar token` makes, lists and revokes."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx

KHABAR = [sys.executable, "-m", "khabar.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> list[str]:
    """Local addresses listening on ``port`` (IPv4), from the kernel's table."""
    found = []
    with open("/proc/net/tcp") as fh:
        for line in fh.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.append(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_serve_binds_loopback_by_default_and_answers(tmp_path):
    port = _free_port()
    env = {**os.environ, "KHABAR_TOKEN": "t" * 40}
    proc = subprocess.Popen([*KHABAR, "serve", "--db", str(tmp_path / "k.db"), "--port", str(port)], env=env,
                            stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            if _listening(port):
                break
            time.sleep(0.1)
        assert _listening(port) == ["127.0.0.1"]
        assert httpx.get(f"http://127.0.0.1:{port}/api/overview").json()["counts"]["documents"] == 0
        busy = subprocess.run([*KHABAR, "serve", "--db", str(tmp_path / "k.db"), "--port", str(port)], capture_output=True, text=True)
        assert busy.returncode == 2 and busy.stderr.strip().startswith(f"khabar: 127.0.0.1:{port}: cannot listen")
        assert len(busy.stderr.strip().splitlines()) == 1
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert f"serving sqlite:///{tmp_path / 'k.db'} at http://127.0.0.1:{port}/" in proc.stderr.read()


def test_token_commands(tmp_path):
    db = str(tmp_path / "k.db")
    made = subprocess.run([*KHABAR, "token", "create", "alice", "--db", db], capture_output=True, text=True)
    assert made.returncode == 0 and made.stdout.startswith("khabar_") and "shown once" in made.stderr
    token = made.stdout.strip()
    listed = subprocess.run([*KHABAR, "token", "list", "--db", db], capture_output=True, text=True).stdout
    assert "\talice\t" in listed and "live" in listed and token not in listed
    assert subprocess.run([*KHABAR, "token", "revoke", "alice", "--db", db], capture_output=True, text=True).returncode == 0
    again = subprocess.run([*KHABAR, "token", "revoke", "alice", "--db", db], capture_output=True, text=True)
    assert again.returncode == 2 and again.stderr.strip() == "khabar: alice: no live token has this id or name"
