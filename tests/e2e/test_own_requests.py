"""Plain words asking for the bot's own functions get the command, not the drawer (newcomer20 N205: "delete my
data" and "how do i talk to my counselor" were kept for the counselor with no word of /delete or /message)."""

from __future__ import annotations

import pytest

from tests.conftest import Harness


@pytest.mark.parametrize(
    ("words", "answer"),
    [
        ("delete my data", "send /delete"),
        ("how do i talk to my counselor", "To write to Dana Rivera, send /message"),
        ("borra mis datos", "envía /borrar"),
    ],
)
async def test_the_command_is_named_and_nothing_is_kept(
    bot: Harness, patient: int, words: str, answer: str
) -> None:
    bot.emu.send_text(patient, words)
    told = await bot.emu.wait_for_message(patient, contains=answer)
    await bot.emu.settle()
    later = [m.text for m in bot.emu.sent_to(patient) if m.message_id >= told.message_id]
    assert not [t for t in later if "haven't passed" in t or "no se lo pasé" in t], later
