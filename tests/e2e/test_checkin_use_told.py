"""A use told in words at the check-in's "have you used?" question is its Yes (newcomer20 N185): "had a couple
beers at my cousins bbq ngl" got the stand-alone relapse reply, the question was asked again, "i already told u"
got "I didn't quite catch that", and after tapping Yes the relapse reply came a second time."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import Harness
from tests.e2e.test_checkin import answer_all, entries


@pytest.mark.parametrize(
    "told", ["had a couple beers at my cousins bbq ngl", "smoked a bowl with my brother last night"]
)
async def test_a_use_told_at_the_use_question_is_its_yes_with_one_relapse_reply(
    bot: Harness, patient: int, told: str
) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6", "3", "OK", "Yes"])
    asked = await bot.emu.wait_for_message(patient, contains="have you used")
    bot.emu.send_text(patient, told)
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT, after=asked.message_id)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    [entry] = entries(bot, patient)
    assert entry["used"] == 1 and entry["note"] == told, entry
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "still open" in t or "catch that" in t], said
    before_note = [
        m.text for m in bot.emu.sent_to(patient) if asked.message_id < m.message_id < note.message_id
    ]
    assert not before_note, before_note  # no stand-alone relapse reply: the check-in takes the words
    assert len([t for t in said if "slip" in t]) <= 1, said  # at most the check-in's own, once
