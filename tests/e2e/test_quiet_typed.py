"""Quiet hours typed at the menu (newcomer6 finding 28): "11pm to 6am" had become a message to the counselors
and changed nothing; now a window typed there is set, and other words stay the patient's words."""

from __future__ import annotations

from datetime import time

import pytest

from bot.domain.quiet import OFF
from bot.domain.quiet_typed import typed_window
from tests.conftest import Harness


async def _menu(bot: Harness, patient: int, after: int = 0) -> int:
    bot.emu.send_text(patient, "/settings")
    zones = await bot.emu.wait_for_message(patient, contains="Your settings", after=after)
    bot.emu.press_button(patient, zones, callback_data="qh:menu")
    return (
        await bot.emu.wait_for_message(patient, contains="Pick the hours", after=zones.message_id)
    ).message_id


async def test_a_window_typed_at_the_menu_is_set(bot: Harness, patient: int) -> None:
    svc = bot.services
    menu = await _menu(bot, patient)
    bot.emu.send_text(patient, "11pm to 6am")
    done = await bot.emu.wait_for_message(patient, contains="Quiet hours are now", after=menu)
    assert "11:00 PM–6:00 AM" in done.text
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None and (p.quiet_start, p.quiet_end) == (time(23, 0), time(6, 0))
    assert svc.worker.call(svc.repo.pending_input, p.patient_id) is None  # a later "7" is not quiet hours
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > menu]
    assert not [t for t in said if "passed" in t or "haven't passed it" in t], said


async def test_other_words_at_the_menu_stay_the_patients_words(bot: Harness, patient: int) -> None:
    menu = await _menu(bot, patient)
    bot.emu.send_text(patient, "what does this do")
    await bot.emu.wait_for_message(patient, contains="haven't passed it", after=menu)


@pytest.mark.parametrize(
    ("words", "window"),
    [
        ("11pm to 6am", (time(23), time(6))),
        ("11 to 6", (time(23), time(6))),
        ("de 11 de la noche a 6 de la mañana", (time(23), time(6))),
        ("22:00-07:00", (time(22), time(7))),
        ("off", OFF),
        ("default", "default"),
        ("hola", None),
        ("7", None),
    ],
)
def test_typed_windows(words: str, window: object) -> None:
    assert typed_window(words) == window
