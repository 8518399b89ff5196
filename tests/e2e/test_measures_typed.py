"""Questionnaire items answered by typing (newcomer5 finding 18): read like the buttons, in English and
Spanish; at PHQ-9 item 9 words that cannot be read as an answer page, never kept unsent."""

from __future__ import annotations

from bot import texts
from bot.devtools.emulator import SentMessage
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_measures import _answer, _first_question, _patient, _results


def _set_spanish(bot: Harness, telegram_id: int) -> None:
    def change() -> None:
        bot.services.repo.save_patient(_patient(bot, telegram_id).with_changes(language="es"))

    bot.services.worker.call(change)


async def _item9(bot: Harness, patient: int) -> SentMessage:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/measures")
    item9 = await _answer(bot, patient, await _first_question(bot, patient), [0] * 8)
    assert "9/9" in item9.text
    return item9


async def test_typed_answers_are_read_like_the_buttons(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    bot.emu.send_text(patient, "several days")
    second = await bot.emu.wait_for_message(patient, contains="PHQ-9 · 2/9", after=first.message_id)
    bot.emu.send_text(patient, "2")
    third = await bot.emu.wait_for_message(patient, contains="PHQ-9 · 3/9", after=second.message_id)
    bot.emu.send_text(patient, "hmm what?")  # not an answer, not item 9: asked again, kindly
    await bot.emu.wait_for_message(patient, contains=texts.MEASURES_TYPED_HINT, after=third.message_id)
    again = await bot.emu.wait_for_message(patient, contains="PHQ-9 · 3/9", after=third.message_id)
    gad = await _answer(bot, patient, again, [0] * 7)
    assert "GAD-7 · 1/7" in gad.text
    done = await _answer(bot, patient, gad, [0] * 7)
    assert "3 out of 27" in done.text


async def test_nearly_every_day_typed_at_item_9_gets_the_crisis_answer_and_pages(
    bot: Harness, patient: int
) -> None:
    item9 = await _item9(bot, patient)
    bot.emu.send_text(patient, "nearly every day tbh")
    crisis = await bot.emu.wait_for_message(
        patient, contains="Are you safe right now?", after=item9.message_id
    )
    assert "988" in crisis.text
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "weekly questionnaire" in alert.text
    (phq,) = _results(bot, patient)
    assert phq.safety_item_positive and phq.total == 3


async def test_words_at_item_9_that_are_no_answer_page_with_the_words(bot: Harness, patient: int) -> None:
    item9 = await _item9(bot, patient)
    bot.emu.send_text(patient, "honestly idk how to answer this one")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?", after=item9.message_id)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Message from")
    assert "item 9" in shown.text and "honestly idk how to answer this one" in shown.text


async def test_a_spanish_speaker_answers_in_spanish_and_is_not_told_they_relapsed(
    bot: Harness, patient: int
) -> None:
    _set_spanish(bot, patient)
    item9 = await _item9(bot, patient)
    bot.emu.send_text(patient, "varios días")
    crisis = await bot.emu.wait_for_message(patient, contains="988", after=item9.message_id)
    assert "marca 2" in crisis.text
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    relapse = texts.relapse_response("es")[:30]
    assert not any(relapse in m.text for m in bot.emu.sent_to(patient))
    (phq,) = _results(bot, patient)
    assert phq.safety_item_positive and phq.total == 1


async def test_a_typed_refusal_at_item_9_is_carded_as_words_and_answered_in_their_language(
    bot: Harness, patient: int
) -> None:
    """newcomer6 finding 10: "prefiero no contestar esa" (an English-set patient writing Spanish) was carded as
    "reported thoughts of self-harm", which she had not, and answered in English with no "You misunderstood me"
    though the bot had read her words."""
    item9 = await _item9(bot, patient)
    bot.emu.send_text(patient, "prefiero no contestar esa")
    answer = await bot.emu.wait_for_message(patient, contains="¿Estás a salvo", after=item9.message_id)
    assert "Me entendiste mal" in answer.button_texts()
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "in words the bot could not read as an answer" in alert.text
    assert "reported thoughts" not in alert.text


async def test_a_typed_no_at_an_item_answers_the_item_not_an_older_safety_question(
    bot: Harness, patient: int
) -> None:
    """newcomer10 N36: with "Are you safe right now?" left unanswered an hour earlier, "nah not really" typed at
    PHQ-9 item 2 ("Feeling down?") answered the old question: "I'm not safe" recorded and paged, the item lost."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i give up, nothing matters anymore")
    await bot.emu.wait_for_message(patient, contains="safe right now?")
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    bot.emu.send_text(patient, "nah not really")
    await bot.emu.wait_for_message(patient, contains="PHQ-9 · 2/9", after=first.message_id)
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    assert not [a for a in alerts if a.kind == "not_safe"], alerts


async def test_crisis_words_at_a_gad7_item_are_no_answer_and_the_questionnaire_waits(
    bot: Harness, patient: int
) -> None:
    # newcomer14 N98: "sometimes i think everyone would be better off without me" at GAD-7 1/7 was stored as
    # "Several days" and GAD-7 2/7 came right under "Are you safe right now?".
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/measures")
    gad = await _answer(bot, patient, await _first_question(bot, patient), [0] * 9)
    assert "GAD-7 · 1/7" in gad.text
    pid = _patient(bot, patient).patient_id
    before = bot.services.worker.call(bot.services.repo.measure_draft, pid)
    bot.emu.send_text(patient, "sometimes i think everyone would be better off without me")
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?", after=gad.message_id)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.settle(patient)
    after = [m.text for m in bot.emu.sent_to(patient) if m.message_id > crisis.message_id]
    assert not any("GAD-7" in text for text in after), after
    assert bot.services.worker.call(bot.services.repo.measure_draft, pid) == before


async def test_crisis_words_at_item_9_are_carded_as_item_9_with_the_question(
    bot: Harness, patient: int
) -> None:
    """newcomer22 N237: words the screen reads as a crisis, typed at item 9, were carded "what about is not clear",
    Show message giving the words alone: the English-only counselor could not tell what they answered."""
    _set_spanish(bot, patient)
    item9 = await _item9(bot, patient)
    bot.emu.send_text(patient, "ningun dia pero a veces si lo pienso, la neta")
    await bot.emu.wait_for_message(patient, contains="988", after=item9.message_id)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "item 9" in alert.text and "not clear" not in alert.text, alert.text
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Message from")
    assert "item 9" in shown.text and "a veces si lo pienso" in shown.text, shown.text
