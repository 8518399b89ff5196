"""/cope's question and "did this help?" answered in words (newcomer14 N103).

"really lonely tonight" typed at /cope's question, and "me siento sola" at /habilidades', went to the "Send it
to Dana Rivera?" drawer and no skill started; "más o menos" at "¿Te ayudó?" was kept as words too.
"""

from __future__ import annotations

import dataclasses

from bot import texts
from tests.conftest import Harness

DRAWER = "Send it to Dana Rivera?"


async def _walk_to_the_end(bot: Harness, patient: int, screen_text: str, word: str) -> None:
    for _ in range(10):
        if texts.COPE_HELPED_ASK in screen_text or "¿Te ayudó" in screen_text:
            return
        bot.emu.send_text(patient, word)
        screen = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons) and not m.edited)
        screen_text = screen.text
    raise AssertionError("the walk-through never ended")


async def test_a_typed_feeling_starts_its_skill_and_kinda_answers_did_this_help(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/cope")
    await bot.emu.wait_for_message(patient, contains=texts.COPE_ASK)
    bot.emu.send_text(patient, "really lonely tonight")
    first = await bot.emu.wait_for_message(patient, contains="one step at a time")
    await _walk_to_the_end(bot, patient, first.text, "next")
    bot.emu.send_text(patient, "kinda")
    await bot.emu.wait_for_message(patient, contains="a little is a good start")
    assert not [m for m in bot.emu.sent_to(patient) if DRAWER in m.text]


async def test_a_spanish_patients_typed_feeling_and_mas_o_menos(bot: Harness, patient: int) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(patient, "/habilidades")
    await bot.emu.wait_for_message(patient, contains=texts.COPE_ASK_ES)
    bot.emu.send_text(patient, "me siento sola")
    first = await bot.emu.wait_for_message(
        patient, predicate=lambda m: bool(m.buttons) and "Siguiente" in str(m.buttons)
    )
    await _walk_to_the_end(bot, patient, first.text, "siguiente")
    bot.emu.send_text(patient, "más o menos")
    await bot.emu.wait_for_message(patient, contains=texts.cope_thanks_es("", "somewhat").split("\n\n")[1])
    assert not [m for m in bot.emu.sent_to(patient) if "¿Se lo envío" in m.text]


async def test_other_words_at_the_question_are_still_the_patients_words(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/cope")
    await bot.emu.wait_for_message(patient, contains=texts.COPE_ASK)
    bot.emu.send_text(patient, "just wanted to say hi to my counselor")
    await bot.emu.wait_for_message(patient, contains=DRAWER)
    assert not [m for m in bot.emu.sent_to(patient) if "one step at a time" in m.text]
