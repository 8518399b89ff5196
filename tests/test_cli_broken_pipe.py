"""`iop-bot screen | head -1`: the reader going away ends the command quietly, not in a traceback."""

from __future__ import annotations

import subprocess
import sys


def test_screen_into_a_closed_pipe_ends_without_a_traceback() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "screen"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"i want to die\n")
    proc.stdin.flush()
    assert b'"level": "crisis"' in proc.stdout.readline()  # the command is up and answering
    proc.stdout.close()  # the reader goes away, as `head -1` does
    try:
        proc.stdin.write(b"i want to die\n" * 20_000)
        proc.stdin.close()
    except BrokenPipeError:
        pass  # it already ended
    assert proc.wait(timeout=120) == 1
    err = proc.stderr.read().decode()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
