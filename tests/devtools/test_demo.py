"""`iop-bot demo` with piped input prints a transcript a person can follow."""

from __future__ import annotations

import asyncio
import io
import logging
import re
import sys
import tempfile
from pathlib import Path

import pytest

from bot.cli import main
from bot.devtools.demo import run_demo

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough() -> str:
    """The README's demo walkthrough, exactly as a person would paste it."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- demo walkthrough -->", 1)[1].split("```", 2)[1]
    return block.split("\n", 1)[1]  # without the fence's language line


async def _transcript(script: str, files: Path) -> str:
    out = io.StringIO()
    await run_demo(io.StringIO(script), out, interactive=False, files=files)
    return out.getvalue()


def _after(transcript: str, line: str) -> str:
    """What the transcript shows after the typed ``line`` (up to the next typed line)."""
    rest = transcript.split(line + "\n", 1)[1]
    return re.split(r"^you \(\d+\): ", rest, maxsplit=1, flags=re.MULTILINE)[0]


async def test_a_scripted_demo_checks_in_and_switches_to_the_counselor(tmp_path: Path) -> None:
    script = "/checkin\n7\n2\nGood\n1\nNo\nfeeling ok\n/as 1001\n/caseload\n"
    transcript = await _transcript(script, tmp_path)
    assert "How is your mood right now?" in transcript
    assert "[1] Poor" in transcript
    assert "Thanks for checking in" in transcript
    assert "Alex" in transcript.split("you (1001): /caseload")[1]


async def test_the_readme_walkthrough_shows_the_alert_its_buttons_and_a_second_enrollment(
    tmp_path: Path,
) -> None:
    transcript = await _transcript(walkthrough(), tmp_path / "files")
    crisis = _after(transcript, "you (2001): I don't want to be alive anymore")
    assert "Are you safe right now?" in crisis
    assert "new message for user 1001: /as 1001 to read" in crisis  # the alert waits for the counselor
    switched = transcript.split("-- you are now user 1001 --", 1)[1]
    alert = switched.split("you (1001):", 1)[0]
    assert "Urgent" in alert and "Alex" in alert
    assert "Show message" in alert and "Acknowledge" in alert
    assert "I don't want to be alive anymore" in _after(transcript, "you (1001): Show message")
    assert "¿Aceptas continuar?" in _after(transcript, "you (2003): /start ENTRADAS")  # a Spanish app
    assert "Todo listo" in _after(transcript, "you (2003): 19:30")
    assert "(popup: " in _after(transcript, "you (1001): Acknowledge")
    sam = transcript.split("-- you are now user 2002 --", 1)[1]
    assert "Do you agree" in sam
    assert "keyboard under the message box: [🆘 SOS]" in sam  # the reply keyboard is shown
    assert "Sam" in transcript.rsplit("-- you are now user 1001 --", 1)[1]  # the counselor is told
    chart = re.search(r"\[photo: saved to (\S+)\]", _after(transcript, "you (2001): /history"))
    assert chart is not None
    assert (await asyncio.to_thread(Path(chart[1]).read_bytes)).startswith(b"\x89PNG")
    assert "Traceback" not in transcript and " WARNING " not in transcript and " ERROR " not in transcript


def test_the_demo_command_logs_to_a_file_and_never_into_the_transcript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mkdtemp = tempfile.mkdtemp

    def files_here(suffix: str | None = None, prefix: str | None = None, dir: str | None = None) -> str:
        # Only the folder for files and the log: the data dir's socket path must stay short.
        return mkdtemp(suffix, prefix, str(tmp_path) if prefix == "iop-demo-files-" else dir)

    monkeypatch.setattr(tempfile, "mkdtemp", files_here)
    monkeypatch.setattr(sys, "stdin", io.StringIO("/checkin\n/quit\n"))
    try:
        assert main(["demo"]) == 0
    finally:
        logging.getLogger().handlers = [h for h in logging.getLogger().handlers if not hasattr(h, "_iop")]
    out, err = capsys.readouterr()
    assert "How is your mood right now?" in out and err == ""
    (log,) = tmp_path.glob("iop-demo-files-*/bot.log")
    assert "Application started" in log.read_text()
    assert log.stat().st_mode & 0o077 == 0  # protected like the data dir


async def test_a_stranger_in_crisis_in_the_demo_is_not_asked_what_nobody_would_hear(tmp_path: Path) -> None:
    """The newcomer's path: /as 2002 (not enrolled), then crisis words in English and in Spanish."""
    transcript = await _transcript("/as 2002\ni want to kill myself\nme quiero matar\n", tmp_path)
    for line, lines in (("i want to kill myself", "988"), ("me quiero matar", "marca 2")):
        answer = _after(transcript, f"you (2002): {line}")
        assert lines in answer and "?" not in answer and "[" not in answer, answer
