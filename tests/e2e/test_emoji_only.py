"""A patient's message of emoji alone, when no flow is open (gaps17, session 17).

"😭😭😭", "💔", "🔫", "💊💊💊" read as nothing to the screen: each got "I've kept that, but I haven't passed it to
anyone. Send it?", as "👍" did. Tears and a broken heart now get a kind word first (the counselor reads them if
the patient sends them); a means of harm shown alone gets one gentle "are you safe?" and a flag for the
counselor's next review, as worrying but ambiguous words do. Never silence.
"""

from __future__ import annotations

import dataclasses

from bot import texts
from tests.conftest import COUNSELOR, Harness


def _flags(bot: Harness, telegram_id: int) -> list[dict[str, object]]:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert found is not None
    return svc.worker.call(svc.repo.open_flags, found.patient_id)


async def test_tears_get_a_kind_word_and_the_choice_to_send_them(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, "😭😭😭")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to")
    assert "sorry" in offer.text and "in a few words" in offer.text, offer.text
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "😭" in m.text or "Alex" in m.text]
    bot.emu.press_button(patient, offer, texts.BTN_SEND_UNSENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Alex")


async def test_a_means_of_harm_alone_is_asked_about_and_flagged(bot: Harness, patient: int) -> None:
    last = 0
    for shown in ("🔫", "💊💊💊"):
        before = len(bot.emu.sent_to(patient))
        bot.emu.send_text(patient, shown)
        asked = await bot.emu.wait_for_message(patient, contains="are you safe right now?", after=last)
        last = asked.message_id
        said = [m.text for m in bot.emu.sent_to(patient)[before:]]
        assert not [t for t in said if "haven't passed" in t], said
        bot.emu.press_button(patient, asked, texts.BTN_SAFE)
        await bot.emu.settle()
    flags = _flags(bot, patient)
    assert flags and all(
        str(f["kind"]).startswith("safety_check") or "check" in str(f["kind"]) for f in flags
    ), flags
    reasons = [r for f in flags for r in f["details"]["reasons"]]  # type: ignore[index]
    assert "check:emoji_means" in reasons, flags


async def test_a_thumbs_up_is_still_kept_with_the_choice(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "👍")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to")
    assert "sorry" not in offer.text


async def test_a_spanish_patients_broken_heart_is_answered_in_spanish(bot: Harness, patient: int) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(patient, "💔")
    offer = await bot.emu.wait_for_message(patient, contains="¿Se lo envío")
    assert "Siento" in offer.text, offer.text
