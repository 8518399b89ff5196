"""Worrying but unclear words ("check"): nobody is paged, and the counselor can read them at review."""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from tests.conftest import COUNSELOR, Harness

WORDS = "honestly i give up <3"


async def test_the_counselor_reads_the_worrying_words_and_the_answer_makes_sense_alone(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    question = await bot.emu.wait_for_message(patient, contains="next review")
    bot.emu.press_button(patient, question, texts.BTN_SAFE)

    told = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "Alex wrote something worrying but unclear" in told.text
    assert "“Are you safe right now?”. They answered “I'm safe right now”" in told.text
    assert "Nobody was paged" in told.text and WORDS not in told.text
    assert told.button_texts() == [texts.BTN_SHOW_WORDS]
    bot.emu.press_button(COUNSELOR, told, texts.BTN_SHOW_WORDS)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains=WORDS)
    assert "Alex: worrying words of the last 30 days" in shown.text and "(acknowledged)" not in shown.text

    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert "💬 Worrying words: a message, the latest" in page.text and WORDS not in page.text
    bot.emu.press_button(COUNSELOR, page, texts.BTN_SHOW_WORDS)
    await bot.emu.wait_for_message(COUNSELOR, contains=WORDS)
    views = [e for e in svc.worker.call(svc.repo.audit_log) if e["action"] == "words_viewed"]
    assert len(views) == 2 and all(WORDS not in str(e) for e in views)

    bot.emu.press_button(COUNSELOR, page, texts.BTN_ACK_FLAGS)  # reviewed: the words stay readable
    await bot.emu.wait_until(lambda: (bot.emu.last_callback_answer(COUNSELOR) or {}).get("text") is not None)
    a_minute_on = svc.now() + timedelta(minutes=1)  # a second look, not a double tap
    svc.clock = lambda: a_minute_on
    bot.emu.press_button(COUNSELOR, told, texts.BTN_SHOW_WORDS)
    later = await bot.emu.wait_for_message(COUNSELOR, contains=WORDS)
    assert "(acknowledged)" in later.text


async def test_not_safe_after_worrying_words_says_an_alert_follows(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    question = await bot.emu.wait_for_message(patient, contains="next review")
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "They answered “I'm not safe”" in told.text and "an urgent alert follows." in told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    answer = await bot.emu.wait_for_message(patient, contains="Please reach out now")
    assert "hurt" not in answer.text.split("Please reach out now")[0]  # their own safety, not someone else's


async def test_a_typed_answer_to_the_check_question_reads_like_a_tap(bot: Harness, patient: int) -> None:
    """The typed answer (merged with the check marker) gives the counselor the same standalone message."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    await bot.emu.wait_for_message(patient, contains="next review")
    bot.emu.send_text(patient, "im safe")
    told = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "Alex wrote something worrying but unclear" in told.text
    assert "They answered “I'm safe right now”" in told.text and "Nobody was paged" in told.text
    assert told.button_texts() == [texts.BTN_SHOW_WORDS]


async def test_a_typed_not_safe_after_worrying_words_pages_at_once(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    await bot.emu.wait_for_message(patient, contains="next review")
    bot.emu.send_text(patient, "no im not safe")
    told = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "They answered “I'm not safe”" in told.text and "an urgent alert follows." in told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    await bot.emu.wait_for_message(patient, contains="Please reach out now")


async def test_someone_else_at_risk_gets_a_helpers_answer_then_the_question(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N7: "my brother said he is going to kill himself" was asked only whether the writer is safe.
    What a helper does comes first (the emergency number, stay with them, call a line together), then the
    question about the writer, whose answer the counselor is told as for any worrying words."""
    bot.emu.send_text(patient, "my brother said he is going to kill himself")
    answer = await bot.emu.wait_for_message(patient, contains="next review")
    assert "worried about someone else" in answer.text and "call the emergency number below" in answer.text
    assert "988" in answer.text and "are you safe right now?" in answer.text
    assert "That sounds really hard" not in answer.text
    assert answer.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE]


async def test_worrying_words_under_an_open_alert_never_promise_the_next_review(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N23: within two hours of an alert, the check answer said "Your counselor will see this at their
    next review" and at once "I've passed that to …": the words go to the alert's people now, so only that."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i want to kill myself")
    crisis = await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, WORDS)
    # The crisis answer's "Are you safe right now?" still waits: pointed at, not asked again (newcomer18 N181).
    told = await bot.emu.wait_for_message(patient, contains="passed that", after=crisis.message_id)
    assert "answer the question above" in told.text and "next review" not in told.text, told.text
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(patient) if m.message_id > crisis.message_id and m.buttons]


async def test_the_answer_card_counts_the_messages_written_while_the_question_waited(
    bot: Harness, patient: int
) -> None:
    """newcomer21 N186 follow-up: after "I'm safe", the card said only what was asked about; the lines written
    while the question waited sat on separate 💬 cards above, never read with it."""
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    question = await bot.emu.wait_for_message(patient, contains="next review")
    for line in ("ok", "my sister is here now"):
        bot.emu.send_text(patient, line)
        await bot.emu.wait_for_message(COUNSELOR, contains="while my question")
        await bot.emu.settle()
    bot.emu.press_button(patient, question, texts.BTN_SAFE)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="↪")
    assert "They also wrote 2 messages while the question waited" in told.text, told.text
