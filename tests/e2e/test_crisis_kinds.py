"""After the screen decides "crisis": an answer that fits who is at risk, lines that work where the patient
is, a question only when someone hears the answer, and an alert that says in plain words what happened."""

from __future__ import annotations

from bot import texts
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

US_NUMBERS = ("988", "741741", "911")


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def _counselor_says_hello(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "/start")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.settle()


def _move(bot: Harness, telegram_id: int, zone: str) -> None:
    repo = bot.services.repo

    def move() -> None:
        p = repo.patient_by_telegram(telegram_id)
        assert p is not None
        repo.save_patient(p.with_changes(timezone=zone))

    bot.services.worker.call(move)


async def test_a_stranger_in_crisis_gets_the_lines_and_no_question_nobody_could_hear(bot: Harness) -> None:
    for stranger, words, lines in (
        (2002, "i want to kill myself", "988"),
        (2003, "me quiero matar", "marca 2"),
    ):
        bot.emu.send_text(stranger, words)
        answer = await bot.emu.wait_for_message(stranger, contains=lines)
        assert "?" not in answer.text and not answer.buttons, answer.text
    assert _alerts(bot) == []


async def test_a_patient_in_bogota_gets_no_us_number_and_the_counselor_is_alerted(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    _move(bot, patient, "America/Bogota")
    bot.emu.send_text(patient, "estoy en el techo a punto de saltar")
    answer = await bot.emu.wait_for_message(patient, contains="findahelpline.com")
    assert "emergencias" in answer.text and not any(n in answer.text for n in US_NUMBERS), answer.text
    assert "¿Estás a salvo" in answer.text and answer.buttons
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(patient, answer, "No estoy a salvo")
    after = await bot.emu.wait_for_message(patient, contains="findahelpline.com", after=answer.message_id)
    assert not any(n in after.text for n in US_NUMBERS), after.text


async def test_someone_hurting_the_patient_gets_the_domestic_violence_line_and_a_plain_alert(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "he choked me last night and hes coming back")
    answer = await bot.emu.wait_for_message(patient, contains="1-800-799-7233")
    assert "88788" in answer.text and "911" in answer.text and "not your fault" in answer.text
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "said someone is hurting them" in alert.text and "crisis language" not in alert.text
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    after = await bot.emu.wait_for_message(patient, contains="somewhere safer")
    assert "1-800-799-7233" in after.text and "hurt yourself" not in after.text
    await bot.emu.wait_until(lambda: {a.kind for a in _alerts(bot)} == {"abuse", "not_safe"})


async def test_a_threat_to_someone_else_gets_step_away_and_the_counselor_hears_it_as_such(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "im going to kill him when he gets home")
    answer = await bot.emu.wait_for_message(patient, contains="step away")
    assert "988" in answer.text and "911" in answer.text and answer.buttons
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "talked about hurting someone else" in alert.text


async def test_ending_ones_life_and_an_overdose_are_named_in_the_alert(bot: Harness, patient: int) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="talked about ending their life")
    bot.emu.send_text(patient, "i took all my pills")
    answer = await bot.emu.wait_for_message(patient, contains="Call the emergency number below now")
    assert "988" in answer.text
    # newcomer9 N22: the emergency number first, not third, where minutes count
    assert answer.text.index("911") < answer.text.index("988"), answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="overdose")


async def test_not_safe_after_the_gentle_check_gives_every_line_not_only_911(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "i give up")
    question = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    assert "988" in question.text  # the lines are there before any answer
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)
    answer = await bot.emu.wait_for_message(patient, contains="741741", after=question.message_id)
    assert "988" in answer.text and "911" in answer.text and "an urgent alert now" in answer.text


async def test_the_spanish_crisis_answer_says_they_may_not_see_it_at_once_when_nobody_is_on_call(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "me quiero matar")
    answer = await bot.emu.wait_for_message(patient, contains="marca 2")
    assert "no lo vean de inmediato" in answer.text and "líneas de arriba" in answer.text


async def test_after_a_crisis_answer_nothing_pushes_the_check_in_and_a_number_still_resumes_it(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "i want to die")
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.send_text(patient, "6")
    craving = await bot.emu.wait_for_message(patient, contains="craving", after=crisis.message_id)
    between = [
        m.text for m in bot.emu.sent_to(patient) if crisis.message_id < m.message_id < craving.message_id
    ]
    assert between == [] and mood.message_id < crisis.message_id, between
