"""The emulator's terminal can rehearse Telegram failing (newcomer N66): `/outage on|off`, `/fail CODE N [METHOD]`,
`/block ID` and `/unblock ID`, listed in `iop-bot emulator`'s banner. They existed only as a Python API."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.terminal import Terminal, _terminal_command
from bot.devtools.emulator.world import ApiError
from bot.devtools.standalone import banner


def test_the_terminal_switches_telegram_faults_on_and_off(tmp_path: Path) -> None:
    out = io.StringIO()
    with BotApiEmulator(token="1234567:test-token") as emu:
        term = Terminal(emu, 2001, out, tmp_path)
        assert _terminal_command(term, "/outage on")
        with pytest.raises(ApiError) as down:
            emu.faults.check("getupdates", {})
        assert down.value.code == 502
        assert _terminal_command(term, "/outage off")
        emu.faults.check("getupdates", {})
        assert _terminal_command(term, "/fail 500 2")
        for _ in range(2):
            with pytest.raises(ApiError) as failed:
                emu.faults.check("sendmessage", {"chat_id": 2001})
            assert failed.value.code == 500
        emu.faults.check("sendmessage", {"chat_id": 2001})
        assert _terminal_command(term, "/fail 429 1 editMessageText")
        with pytest.raises(ApiError) as slow:
            emu.faults.check("editmessagetext", {})
        assert slow.value.code == 429 and slow.value.retry_after
        assert _terminal_command(term, "/block 2001")
        assert 2001 in emu.world.blocked
        assert _terminal_command(term, "/unblock 2001")
        assert 2001 not in emu.world.blocked
        assert _terminal_command(term, "/fail lots")  # a usage line, nothing sent as a message
        assert "usage: /fail" in out.getvalue()
        text = banner(emu, tmp_path)
    for command in ("/outage on|off", "/fail CODE N", "/block ID", "/unblock ID"):
        assert command in text, text
