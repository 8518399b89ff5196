"""A command the running bot stopped in the middle of (ops O63): `counselor remove --reassign-to` cut short by a
crash had moved half the patients, and the CLI said only "empty answer from the running bot"."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from bot.admin.control import call_running_bot, socket_path
from bot.admin.roster import AdminError


def _dies_mid_command(path: Path) -> threading.Thread:
    """A bot that takes the command, then dies: the connection closes without an answer."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def serve() -> None:
        with server:
            conn, _ = server.accept()
            with conn:
                conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_a_bot_that_stops_mid_command_is_said_plainly(tmp_path: Path) -> None:
    thread = _dies_mid_command(socket_path(tmp_path))
    with pytest.raises(AdminError) as raised:
        call_running_bot(tmp_path, "counselor_remove", {"telegram_id": "5002", "reassign_to": "Sam Ortiz"})
    thread.join(5)
    said = str(raised.value)
    assert "empty answer" not in said
    assert "stopped" in said and "whole or not at all" in said, said
    assert "`iop-bot counselor list`" in said and "run the same command again" in said, said
    assert "hand-over" in said and "when the bot runs again" in said, said


def test_another_command_cut_short_may_be_part_done(tmp_path: Path) -> None:
    thread = _dies_mid_command(socket_path(tmp_path))
    with pytest.raises(AdminError) as raised:
        call_running_bot(tmp_path, "cohort_focus", {"cohort": "Evening", "skill": "off"})
    thread.join(5)
    said = str(raised.value)
    assert "part of it may be done" in said and "run the same command again" in said, said
