"""The time-zone question takes "me mudé a bogotá" and "just moved to denver last week" (newcomer16 N135): both got "I
don't recognize that place", and with an alert followed "me mudé a bogotá" was passed to three counselors while the
patient kept a US zone (and the US crisis lines). A waiting zone question takes a place even then (README)."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_crisis_in_flows import _settings


def _zone(bot: Harness, patient: int) -> str | None:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert p is not None
    return p.timezone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("me mudé a bogotá", "America/Bogota"), ("just moved to denver last week", "America/Denver")],
)
async def test_a_move_typed_at_the_zone_question_is_the_place(
    bot: Harness, patient: int, typed: str, zone: str
) -> None:
    await _settings(bot, patient, texts.BTN_CHANGE_ZONE)
    bot.emu.send_text(patient, typed)
    await bot.emu.wait_for_message(patient, contains=zone)
    assert _zone(bot, patient) == zone


async def test_the_zone_question_takes_a_place_while_an_alert_is_followed(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await _settings(bot, patient, texts.BTN_CHANGE_ZONE)
    bot.emu.send_text(patient, "me mudé a bogotá")
    await bot.emu.wait_for_message(patient, contains="America/Bogota")
    assert _zone(bot, patient) == "America/Bogota"
    await bot.emu.settle()
    after = [m.text for m in bot.emu.sent_to(COUNSELOR) if m.message_id > first.message_id]
    assert not [t for t in after if "wrote again" in t], after


async def test_a_sentence_with_a_place_sets_the_zone_and_its_words_still_reach_the_alerts_people(
    bot: Harness, patient: int
) -> None:
    """newcomer18 N168: "visiting my mom in honolulu this week", typed at the zone question while an (old) alert
    was followed, went to the counselors and the question silently stayed open. The place is taken; the words,
    more than a place, reach the alert's people as before."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await _settings(bot, patient, texts.BTN_CHANGE_ZONE)
    bot.emu.send_text(patient, "visiting my mom in honolulu this week")
    await bot.emu.wait_for_message(patient, contains="Pacific/Honolulu")
    assert _zone(bot, patient) == "Pacific/Honolulu"
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=first.message_id)


async def test_a_sentence_with_a_place_and_a_use_still_gets_the_relapse_answer(
    bot: Harness, patient: int
) -> None:
    """A place in a sentence is a whole answer only when the rest reads as nothing: "im in denver, used again last
    night" at the zone question is still answered as a use (and the zone is taken)."""
    await _settings(bot, patient, texts.BTN_CHANGE_ZONE)
    bot.emu.send_text(patient, "im in denver, used again last night")
    await bot.emu.wait_for_message(patient, contains="slip")
    await bot.emu.settle()
    assert _zone(bot, patient) == "America/Denver"
