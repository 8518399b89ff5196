"""`iop-bot emulator` + the real `iop-bot run` on a data dir of one's own, as the README tells a newcomer.

Everything goes through the commands a person types: the emulator in one process (its stdin is the
terminal), `counselor add` / `enroll` on the data dir, and `iop-bot run` as its own process, stopped and
started again in the middle of an enrolment.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.crypto import keygen

pytestmark = pytest.mark.slow


class Emulator:
    """`iop-bot emulator` as a child process: write lines as its user, read what its terminal shows."""

    def __init__(self, port: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "emulator", "--port", str(port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def expect(self, pattern: str, timeout: float = 120.0) -> re.Match[str]:
        """The first line from now on matching ``pattern`` (what the terminal printed since is kept)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(
                    f"{pattern!r} not shown; last lines:\n{''.join(self.seen[-15:])}"
                ) from None
            self.seen.append(line)
            if found := re.search(pattern, line):
                return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    emu = Emulator(_free_port())
    try:
        yield emu
    finally:
        emu.type("/quit")
        try:
            emu.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            emu.proc.kill()
            emu.proc.wait()


def _cli(env: dict[str, str], cwd: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _run(env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"], env=env, cwd=cwd, stderr=subprocess.DEVNULL, text=True
    )


def _stop(bot: subprocess.Popen[str]) -> None:
    bot.send_signal(signal.SIGTERM)
    assert bot.wait(timeout=60) == 0


def test_the_real_bot_runs_against_the_emulator_on_its_own_data_dir_across_a_restart(
    emulator: Emulator, tmp_path: Path
) -> None:
    exports = emulator.expect(r"export (IOP_BOT_API_URL=\S+) (IOP_BOT_TOKEN=\S+)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IOP_")}
    env.update(dict(pair.split("=", 1) for pair in exports.groups()))
    env.update(IOP_DATA_KEY=keygen(), IOP_LOG_LEVEL="WARNING")
    # The README's steps: the first counselor starts the program in ./data; the link names the
    # emulator's bot, so the CLI reached it with the printed URL and token.
    link = _cli(env, tmp_path, "counselor", "add", "--name", "Morgan Lee", "--admin").splitlines()[-1]
    assert link.startswith("https://t.me/iop_companion_bot?start=C")
    bot = _run(env, tmp_path)
    try:
        emulator.type("/user 5001 Morgan")
        emulator.type("/start " + link.rsplit("=", 1)[1])
        emulator.expect(r"bot: Welcome, Morgan Lee")
        code = _cli(env, tmp_path, "enroll", "--counselor", "Morgan Lee", "--alias", "Lucia").split()[-1]
        # An account whose Telegram app is in Spanish gets the consent in Spanish.
        emulator.type("/user 6002 Lucia es")
        emulator.expect(r"user 6002 is Lucia, Telegram app in 'es'")
        emulator.type(f"/start {code}")
        emulator.expect(r"¿Aceptas continuar\?")
        _stop(bot)
        # Tapped while the bot is down: the update waits in the emulator for the restarted bot.
        emulator.type("Acepto")
        bot = _run(env, tmp_path)
        emulator.expect(r"¿En qué zona horaria estás\?")
    finally:
        if bot.poll() is None:
            _stop(bot)
    assert (tmp_path / "data").is_dir()
