""" "STOP" and "please stop texting me" are pointed to /stop, in the words' language, and stop nothing (newcomer9 N35).

People used to SMS opt-outs type STOP. It went to the "send it to your counselor?" drawer, or, within two hours of an
alert, was passed on with "I've passed that to ..." and nothing about how to stop.
"""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


def _status(bot: Harness, telegram_id: int) -> str:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert p is not None
    return p.status


async def test_stop_typed_alone_is_answered_with_how_to_stop_and_stops_nothing(
    bot: Harness, patient: int
) -> None:
    before = len(bot.emu.sent_to(COUNSELOR))
    bot.emu.send_text(patient, "STOP")
    told = await bot.emu.wait_for_message(patient, contains="/stop")
    assert told.text == texts.STOP_HOW
    bot.emu.send_text(patient, "deja de escribirme")
    es = await bot.emu.wait_for_message(patient, contains=texts.STOP_HOW_ES[:40])
    await bot.emu.settle(patient)
    assert not [m for m in bot.emu.sent_to(patient) if "haven't passed" in m.text]  # no drawer
    assert _status(bot, patient) == "active"
    bot.emu.send_text(patient, "please stop texting me")  # the learned layer alone reads a check in it
    await bot.emu.wait_for_message(patient, after=es.message_id, contains="/stop")
    await bot.emu.settle(patient)
    assert not [m for m in bot.emu.sent_to(patient) if "safe right now" in m.text]
    assert len(bot.emu.sent_to(COUNSELOR)) == before


async def test_under_an_open_alert_the_words_still_reach_its_people(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, "i have the whole bottle of my pills in my hand")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "please stop texting me")
    how = await bot.emu.wait_for_message(patient, contains="/stop")
    assert how.text == texts.STOP_HOW
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    await bot.emu.wait_for_message(patient, after=how.message_id, contains="I've passed that to Dana Rivera")
    assert _status(bot, patient) == "active"


async def test_a_spanish_speaker_typing_the_keyword_is_answered_in_spanish(
    bot: Harness, patient: int
) -> None:
    """newcomer N75: Rosa, whose every message was Spanish, typed STOP and got the English answer."""
    import dataclasses

    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(patient, "STOP")
    told = await bot.emu.wait_for_message(patient, contains="/stop")
    assert told.text == texts.STOP_HOW_ES
