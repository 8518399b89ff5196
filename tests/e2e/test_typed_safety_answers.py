"""A typed answer to "Are you safe right now?" is the answer (newcomer finding P2-8).

"no im not safe" typed under the question gets what the "I'm not safe" button gives (every line, the
counselor told urgently), not the whole crisis message again; "yes im safe" what "I'm safe" gives. Crisis
words beside the answer are screened as before, and a typed answer never lowers a level.
"""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness

CRISIS = "I want to kill myself"


def _asked(bot: Harness, patient: int) -> int:
    return len([m for m in bot.emu.sent_to(patient) if "Are you safe right now?" in m.text])


async def _crisis(
    bot: Harness, patient: int, text: str = CRISIS, question: str = "Are you safe right now?"
) -> int:
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, text)
    asked = await bot.emu.wait_for_message(patient, contains=question)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    return asked.message_id


@pytest.mark.parametrize("typed", ["no im not safe", "im not safe", "no", "No, I'm not safe right now."])
async def test_typed_not_safe_is_taken_as_the_button_is(bot: Harness, patient: int, typed: str) -> None:
    question = await _crisis(bot, patient)
    bot.emu.send_text(patient, typed)
    answer = await bot.emu.wait_for_message(patient, after=question, contains="emergency room")
    assert "988" in answer.text and "911" in answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="answered “I'm not safe”")
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    assert _asked(bot, patient) == 1  # not the crisis message again
    closed = next(m for m in bot.emu.sent_to(patient) if m.message_id == question)
    assert not closed.buttons  # a later tap cannot answer differently
    kinds = sorted(a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts))
    assert kinds == ["crisis", "not_safe"]


async def test_typed_safe_is_taken_and_the_alert_stays_for_a_person(bot: Harness, patient: int) -> None:
    question = await _crisis(bot, patient)
    bot.emu.send_text(patient, "yes im safe")
    await bot.emu.wait_for_message(COUNSELOR, contains="answered “I'm safe right now”")
    reply = await bot.emu.wait_for_message(patient, after=question)
    assert reply.text == texts.after_answer("safe", "en")
    assert _asked(bot, patient) == 1
    kinds = [a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts)]
    assert kinds == ["crisis"]


async def test_spanish_typed_answers(bot: Harness, patient: int) -> None:
    question = await _crisis(bot, patient, "quiero matarme", "¿Estás a salvo en este momento?")
    bot.emu.send_text(patient, "no estoy a salvo")
    answer = await bot.emu.wait_for_message(patient, after=question, contains="sala de emergencias")
    assert "988" in answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")


async def test_crisis_words_beside_an_answer_are_screened_as_before(bot: Harness, patient: int) -> None:
    question = await _crisis(bot, patient)
    bot.emu.send_text(patient, "yes im safe but i still want to kill myself")
    # Joined to the open alert with the short answer (newcomer9 N40), never "glad you're safe".
    again = await bot.emu.wait_for_message(patient, after=question, contains="I'm still here.")
    assert "988" in again.text
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "I'm safe right now" in m.text]


async def test_a_bare_no_without_an_open_question_is_not_an_answer(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "no")
    await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    assert bot.services.worker.call(bot.services.repo.open_alerts) == []


async def test_a_bare_yes_answers_the_check_in_question_shown_since(bot: Harness, patient: int) -> None:
    """Newcomer finding 9-3: "yes" typed to the check-in's "have you used?" once closed an older "Are you
    safe?" as "I'm safe right now" and told the counselor so. A plain yes/no answers the question shown last."""
    question = await _crisis(bot, patient)
    bot.emu.send_text(patient, "/checkin")
    last = question
    for press in ("3", "8", "Poor", "Yes"):
        shown = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons), after=last)
        last = shown.message_id
        bot.emu.press_button(patient, shown, press)
    used = await bot.emu.wait_for_message(patient, contains="have you used?", after=last)
    bot.emu.send_text(patient, "yes")
    await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT, after=used.message_id)
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "answered" in m.text]
    who = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert who is not None
    draft = bot.services.worker.call(bot.services.repo.draft, who.patient_id)
    assert draft is not None and draft["answers"]["used"] == 1
    # "Are you safe right now?" is still open: its buttons stay, and an answer about safety still answers it.
    bot.emu.send_text(patient, "im safe")
    await bot.emu.wait_for_message(COUNSELOR, contains="answered “I'm safe right now”")


@pytest.mark.parametrize(
    ("crisis", "typed", "question", "lines"),
    [
        (CRISIS, "idk", "Are you safe right now?", "emergency room"),
        ("quiero matarme", "no sé", "¿Estás a salvo en este momento?", "sala de emergencias"),
        ("quiero matarme", "la vdd no se", "¿Estás a salvo en este momento?", "sala de emergencias"),
        # newcomer16 N134: a hedge went on to the counselor as a one-word message, the question left open
        (CRISIS, "kinda", "Are you safe right now?", "emergency room"),
        ("quiero matarme", "más o menos", "¿Estás a salvo en este momento?", "sala de emergencias"),
    ],
)
async def test_an_unsure_answer_is_not_safe_said_gently(
    bot: Harness, patient: int, crisis: str, typed: str, question: str, lines: str
) -> None:
    """gaps11 #1: "idk" under "Are you safe right now?" was no answer at all. Not knowing is not "safe": every
    line, a gentle word that not being sure is all right, and the counselor paged, told it was "not sure"."""
    asked = await _crisis(bot, patient, crisis, question)
    bot.emu.send_text(patient, typed)
    answer = await bot.emu.wait_for_message(patient, after=asked, contains=lines)
    assert "988" in answer.text
    assert texts.unsure_head(texts.buttons_language("es" if "¿" in question else "en")) in answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="answered “not sure”")
    # Paged as urgently as "not safe", and the card says what they said, not "said they are not safe".
    await bot.emu.wait_for_message(COUNSELOR, contains="could not say they are safe right now")
    assert len([m for m in bot.emu.sent_to(patient) if question in m.text]) == 1  # not asked again
    kinds = sorted(a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts))
    assert kinds == ["crisis", "not_sure"]


async def test_not_safe_said_after_you_misunderstood_me_is_answered_not_asked_again(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N27: after tapping "You misunderstood me", "actually no, im not safe" got the whole crisis answer
    and "Are you safe right now?" again; the patient had to say it a second time to be answered."""
    question = await _crisis(bot, patient)
    asked = next(m for m in bot.emu.sent_to(patient) if m.message_id == question)
    bot.emu.press_button(patient, asked, texts.BTN_MISREAD)
    await bot.emu.wait_for_message(COUNSELOR, contains="answered “You misunderstood me”")
    bot.emu.send_text(patient, "actually no, im not safe")
    answer = await bot.emu.wait_for_message(patient, after=question, contains="emergency room")
    assert "988" in answer.text and _asked(bot, patient) == 1
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
