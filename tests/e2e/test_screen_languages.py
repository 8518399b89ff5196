"""The concept screen end to end: a Spanish crisis, the gentle "check" question, lines by locale."""

from __future__ import annotations

from bot import texts
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

SPANISH_CRISIS = "ya no quiero vivir, me quiero matar esta noche"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


def _flags(bot: Harness, telegram_id: int) -> list[str]:
    repo = bot.services.repo
    patient = bot.services.worker.call(repo.patient_by_telegram, telegram_id)
    assert patient is not None
    return [str(f["kind"]) for f in bot.services.worker.call(repo.open_flags, patient.patient_id)]


async def _counselor_says_hello(bot: Harness) -> None:
    # Telegram's contact rule: the bot may write to the counselor only after they wrote to it.
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()


async def test_a_spanish_crisis_gets_the_spanish_answer_with_988_press_2_and_the_same_alert(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, SPANISH_CRISIS)
    answer = await bot.emu.wait_for_message(patient, contains="988")
    assert "marca 2" in answer.text and "AYUDA al 741741" in answer.text and "911" in answer.text
    assert "¿Estás a salvo en este momento?" in answer.text
    assert answer.button_texts() == list(texts.SAFETY_BUTTONS["es"])
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and "ending their life" in alert.text and SPANISH_CRISIS not in alert.text
    bot.emu.press_button(patient, answer, "No estoy a salvo")
    await bot.emu.wait_for_message(patient, contains="Por favor, busca ayuda ahora")
    await bot.emu.wait_until(lambda: {a.kind for a in _alerts(bot)} == {"crisis", "not_safe"})


async def test_worrying_but_ambiguous_words_get_one_question_a_flag_and_no_page(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    before = len(bot.emu.sent_to(COUNSELOR))  # the counselor's own hellos (conftest's and this test's)
    bot.emu.send_text(patient, "honestly I give up")
    question = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    assert question.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE]
    await bot.emu.wait_until(lambda: _flags(bot, patient) == ["safety_check"])
    await bot.emu.settle()
    assert _alerts(bot) == [] and not bot.emu.sent_to(COUNSELOR)[before:]  # nobody paged
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)  # "I'm not safe" escalates as before
    await bot.emu.wait_for_message(patient, contains="Please reach out now")
    await bot.emu.wait_until(lambda: [a.kind for a in _alerts(bot)] == ["not_safe"])


async def test_a_patient_in_mexico_writing_spanish_gets_the_linea_de_la_vida(
    bot: Harness, patient: int
) -> None:
    repo = bot.services.repo

    def move_to_mexico() -> None:
        p = repo.patient_by_telegram(patient)
        assert p is not None
        repo.save_patient(p.with_changes(timezone="America/Mexico_City"))

    bot.services.worker.call(move_to_mexico)
    bot.emu.send_text(patient, "me quiero morir")
    answer = await bot.emu.wait_for_message(patient, contains="800 911 2000")
    assert "988" not in answer.text and "¿Estás a salvo" in answer.text
