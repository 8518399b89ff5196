"""Weekly measures end to end: the push, one item per screen, scores stored, PHQ-9 item 9 at once."""

from __future__ import annotations

import dataclasses
from datetime import time
from zoneinfo import ZoneInfo

from bot import texts
from bot.devtools.emulator import SentMessage
from bot.domain.instruments import Result
from bot.domain.models import Patient
from bot.jobs import daily
from tests.conftest import COUNSELOR, Harness

NY = ZoneInfo("America/New_York")
OPTIONS = ["Not at all", "Several days", "More than half the days", "Nearly every day"]


def _patient(bot: Harness, telegram_id: int) -> Patient:
    found = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert found is not None
    return found


def _results(bot: Harness, telegram_id: int) -> list[Result]:
    return bot.services.worker.call(bot.services.repo.measure_results, _patient(bot, telegram_id).patient_id)


async def _first_question(bot: Harness, patient: int) -> SentMessage:
    return await bot.emu.wait_for_message(patient, contains="PHQ-9 · 1/9")


async def _answer(bot: Harness, patient: int, screen: SentMessage, values: list[int]) -> SentMessage:
    """Tap one answer per screen; each answer turns the same message into the next item (or the end)."""
    at = screen.message_id
    for value in values:  # the options come first, in order, in whichever language they are shown
        bot.emu.press_button(patient, screen, screen.button_texts()[value])
        screen = await bot.emu.wait_for_message(patient, predicate=lambda m: m.message_id == at and m.edited)
    return screen


async def test_a_full_sitting_through_buttons_stores_each_score_and_band_and_the_counselor_sees_it(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/measures")
    await bot.emu.wait_for_message(patient, contains=texts.MEASURES_INTRO)
    first = await _first_question(bot, patient)
    assert "Over the last 2 weeks" in first.text and "Little interest or pleasure" in first.text
    assert first.button_texts() == [*OPTIONS, texts.BTN_MEASURES_STOP]
    gad = await _answer(bot, patient, first, [1, 1, 2, 1, 1, 2, 1, 1, 0])
    assert "GAD-7 · 1/7" in gad.text and "Feeling nervous" in gad.text
    done = await _answer(bot, patient, gad, [1, 1, 1, 1, 1, 0, 0])
    assert "10 out of 27" in done.text and "moderate" in done.text
    assert "5 out of 21" in done.text and "mild" in done.text and not done.buttons
    phq, gad7 = _results(bot, patient)
    assert (phq.instrument_id, phq.total, phq.band, phq.safety_item_positive) == (
        "phq9",
        10,
        "moderate",
        False,
    )
    assert (gad7.instrument_id, gad7.total, gad7.band) == ("gad7", 5, "mild")
    assert bot.services.worker.call(bot.services.repo.open_alerts) == []
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Weekly measures")
    assert "PHQ-9" in page.text and "10 (moderate)" in page.text and "5 (mild)" in page.text


async def test_phq9_item_9_above_zero_brings_the_crisis_response_and_alert_before_the_sitting_ends(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    item9 = await _answer(bot, patient, first, [0] * 8)
    assert "9/9" in item9.text and "better off dead" in item9.text
    bot.emu.press_button(patient, item9, OPTIONS[1])
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in crisis.text and crisis.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE]
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and "weekly questionnaire" in alert.text
    # The safety question stands alone: the rest of the sitting is offered only once it is answered.
    await bot.emu.settle(patient)
    assert not any(texts.MEASURES_AFTER_SAFETY in m.text for m in bot.emu.sent_to(patient))
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)
    after = await bot.emu.wait_for_message(patient, contains=texts.MEASURES_AFTER_SAFETY)
    assert after.message_id > crisis.message_id
    # The sitting is still open (GAD-7 to come), and nothing summed it up before the crisis answer.
    pid = _patient(bot, patient).patient_id
    assert bot.services.worker.call(bot.services.repo.measure_draft, pid) is not None
    assert not any("out of 27" in m.text for m in bot.emu.sent_to(patient))
    (phq,) = _results(bot, patient)
    assert phq.safety_item_positive and phq.total == 1
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Message from")
    assert "item 9" in shown.text and "Several days" in shown.text
    bot.emu.press_button(patient, after, texts.BTN_MEASURES_CARRY_ON)
    gad = await bot.emu.wait_for_message(patient, contains="GAD-7 · 1/7")
    done = await _answer(bot, patient, gad, [0] * 7)
    assert "1 out of 27" in done.text and "0 out of 21" in done.text


async def test_stopping_after_the_crisis_response_keeps_the_finished_questionnaire(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    item9 = await _answer(bot, patient, first, [2] * 8)
    bot.emu.press_button(patient, item9, OPTIONS[3])
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)
    after = await bot.emu.wait_for_message(patient, contains=texts.MEASURES_AFTER_SAFETY)
    bot.emu.press_button(patient, after, texts.BTN_MEASURES_STOP_HERE)
    await bot.emu.wait_for_message(patient, contains=texts.MEASURES_STOPPED)
    summary = await bot.emu.wait_for_message(patient, contains="out of 27")
    assert "19 out of 27" in summary.text and "moderately severe" in summary.text
    assert [r.instrument_id for r in _results(bot, patient)] == ["phq9"]


async def test_not_safe_after_item_9_is_never_followed_by_carry_on(bot: Harness, patient: int) -> None:
    # newcomer5 finding 33: "you can carry on with the rest of the questions" followed "I'm not safe".
    bot.emu.send_text(patient, "/measures")
    item9 = await _answer(bot, patient, await _first_question(bot, patient), [0] * 8)
    bot.emu.press_button(patient, item9, OPTIONS[3])
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, crisis, texts.BTN_NOT_SAFE)
    answered = await bot.emu.wait_for_message(patient, after=crisis.message_id, contains="988")
    bot.emu.send_text(patient, "/help")  # handled after the tap: its answer is the barrier
    await bot.emu.wait_for_message(patient, after=answered.message_id, contains="/sos")
    assert not any(texts.MEASURES_AFTER_SAFETY in m.text for m in bot.emu.sent_to(patient))


async def test_the_weekly_push_is_discreet_sent_once_a_week_and_its_start_button_begins(
    bot: Harness, patient: int
) -> None:
    p = _patient(bot, patient)
    daily.follow(bot.app, p)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "measures")
    assert due is not None and due.astimezone(NY).weekday() == 0 and due.astimezone(NY).time() == time(17, 0)
    await daily.run_now(bot.app, p.patient_id, "measures")
    await daily.run_now(bot.app, p.patient_id, "measures")
    push = await bot.emu.wait_for_message(patient, contains="weekly questions are ready")
    assert "about 3 minutes" in push.text and push.button_texts() == [texts.BTN_MEASURES_START]
    assert not any(word in push.text.lower() for word in ("depress", "anxi", "phq", "gad", "mood"))
    await bot.emu.settle()
    assert sum("weekly questions are ready" in m.text for m in bot.emu.sent_to(patient)) == 1
    bot.emu.press_button(patient, push, texts.BTN_MEASURES_START)
    await _first_question(bot, patient)


async def test_a_double_tap_counts_once_and_buttons_after_cancel_are_answered_as_closed(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    bot.emu.press_button(patient, first, OPTIONS[2])
    await bot.emu.wait_for_message(patient, contains="2/9")
    bot.emu.press_button(patient, first, OPTIONS[3])  # the old screen, as the patient still saw it
    await bot.emu.wait_until(
        lambda: bot.emu.last_callback_answer(patient) == {"text": texts.MEASURES_ALREADY, "show_alert": False}
    )
    pid = _patient(bot, patient).patient_id
    draft = bot.services.worker.call(bot.services.repo.measure_draft, pid)
    assert draft is not None and draft["answers"] == [2]
    bot.emu.send_text(patient, "/measures")  # a restart or a new day: the sitting resumes
    await bot.emu.wait_for_message(patient, contains=texts.MEASURES_RESUMING)
    resumed = await bot.emu.wait_for_message(patient, contains="PHQ-9 · 2/9")
    bot.emu.send_text(patient, "/cancel")
    await bot.emu.wait_for_message(patient, contains=texts.CANCELLED)
    bot.emu.press_button(patient, resumed, OPTIONS[0])
    await bot.emu.wait_until(
        lambda: (bot.emu.last_callback_answer(patient) or {}).get("text") == texts.MEASURES_STALE
    )
    assert _results(bot, patient) == []
    assert bot.services.worker.call(bot.services.repo.measure_draft, pid) is None


async def test_when_phq9_is_the_only_questionnaire_item_9_brings_the_crisis_response_then_the_result(
    bot: Harness, patient: int
) -> None:
    bot.services.settings = dataclasses.replace(bot.services.settings, measures_instruments=("phq9",))
    bot.emu.send_text(patient, "/measures")
    first = await _first_question(bot, patient)
    item9 = await _answer(bot, patient, first, [3] * 8)
    bot.emu.press_button(patient, item9, OPTIONS[2])
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    summary = await bot.emu.wait_for_message(patient, contains="out of 27")
    assert summary.message_id > crisis.message_id
    assert "26 out of 27" in summary.text and "severe" in summary.text
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    (phq,) = _results(bot, patient)
    assert phq.safety_item_positive and phq.band == "severe"
