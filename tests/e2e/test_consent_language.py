"""A Spanish speaker whose Telegram is in English can read the consent in Spanish (newcomer finding 10b-5).

Beto (Telegram "en") got the consent only in English, and 'no entiendo ingles, en español por favor',
/idioma or /language typed under it were answered "you need an enrollment code" (he had just sent one).
"""

from __future__ import annotations

from bot import texts
from tests.conftest import Harness

BETO = 3101
SPANISH = "Antes de empezar"


def _patient_language(bot: Harness) -> str:
    found = bot.services.worker.call(bot.services.repo.patient_by_telegram, BETO)
    assert found is not None
    return found.language


async def test_the_consent_offers_espanol_and_agreeing_there_makes_the_patient_spanish(bot: Harness) -> None:
    bot.emu.add_user(BETO, first_name="Beto")
    bot.emu.send_text(BETO, f"/start {bot.invite('Beto')}")
    consent = await bot.emu.wait_for_message(BETO, contains="Do you agree")
    bot.emu.press_button(BETO, consent, texts.BTN_SPANISH)
    spanish = await bot.emu.wait_for_message(BETO, contains=SPANISH, after=consent.message_id)
    bot.emu.press_button(BETO, spanish, texts.BTN_AGREE_ES)
    await bot.emu.wait_for_message(BETO, contains="¿En qué zona horaria estás?")
    assert _patient_language(bot) == "es"


async def test_spanish_typed_under_the_english_consent_gets_the_spanish_consent(bot: Harness) -> None:
    bot.emu.add_user(BETO, first_name="Beto")
    bot.emu.send_text(BETO, f"/start {bot.invite('Beto')}")
    consent = await bot.emu.wait_for_message(BETO, contains="Do you agree")
    bot.emu.send_text(BETO, "no entiendo ingles, en español por favor")
    spanish = await bot.emu.wait_for_message(BETO, contains=SPANISH, after=consent.message_id)
    assert texts.BTN_AGREE_ES in spanish.button_texts()


async def test_idioma_under_the_consent_switches_it(bot: Harness) -> None:
    bot.emu.add_user(BETO, first_name="Beto")
    bot.emu.send_text(BETO, f"/start {bot.invite('Beto')}")
    consent = await bot.emu.wait_for_message(BETO, contains="Do you agree")
    bot.emu.send_text(BETO, "/idioma")
    await bot.emu.wait_for_message(BETO, contains=SPANISH, after=consent.message_id)


async def test_other_words_under_the_consent_point_to_its_button_not_to_a_code(bot: Harness) -> None:
    bot.emu.add_user(BETO, first_name="Beto")
    bot.emu.send_text(BETO, f"/start {bot.invite('Beto')}")
    consent = await bot.emu.wait_for_message(BETO, contains="Do you agree")
    bot.emu.send_text(BETO, "what does this mean exactly")
    told = await bot.emu.wait_for_message(BETO, after=consent.message_id)
    assert "I agree" in told.text and told.text != texts.STRANGER


async def test_a_code_inside_a_spanish_sentence_opens_the_spanish_consent(bot: Harness) -> None:
    bot.emu.add_user(BETO, first_name="Beto")
    bot.emu.send_text(BETO, f"hola buenas, me dieron este codigo {bot.invite('Beto')}")
    await bot.emu.wait_for_message(BETO, contains=SPANISH)
