"""The daily prompt and the missed check-in ladder, with the clock frozen."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import ApiError
from bot.domain.models import Patient
from bot.jobs import daily
from tests.conftest import COUNSELOR, Harness, check_in_with_note


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Without the weekly questionnaire push, which on a Monday would come due alongside these."""
    return dataclasses.replace(settings, measures_enabled=False)


NY = ZoneInfo("America/New_York")


def _patient(bot: Harness, telegram_id: int) -> Patient:
    found = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert found is not None
    daily.follow(bot.app, found)
    return found


async def _run(bot: Harness, name: str) -> None:
    kind, patient_id = name.split(":")
    await daily.run_now(bot.app, patient_id, kind)


def _local(days_ahead: int, at: time) -> datetime:
    """A wall time in New York some days after today (the fixture enrolls the patient today)."""
    day = datetime.now(NY).date() + timedelta(days=days_ahead)
    return datetime.combine(day, at, tzinfo=NY).astimezone(UTC)


async def test_prompt_and_nudge_are_planned_at_the_patients_local_times(bot: Harness, patient: int) -> None:
    p = _patient(bot, patient)
    prompt = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    nudge = daily.plan_of(bot.app).next_at(p.patient_id, "nudge")
    assert prompt is not None and prompt.astimezone(NY).time() == time(19, 0)
    assert nudge is not None and nudge.astimezone(NY).time() == time(21, 0)


async def test_the_sweep_sends_a_due_prompt_once_and_plans_the_next_day(bot: Harness, patient: int) -> None:
    p = _patient(bot, patient)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    assert due is not None
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        await bot.emu.settle(patient)
    assert [m.text for m in bot.emu.sent_to(patient)].count(texts.CHECKIN_PROMPT) == 1
    assert daily.plan_of(bot.app).next_at(p.patient_id, "prompt") == due + timedelta(days=1)


async def test_a_prompt_that_could_not_reach_telegram_is_tried_again(bot: Harness, patient: int) -> None:
    p = _patient(bot, patient)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    assert due is not None
    bot.emu.faults.fail_next("sendmessage", ApiError(502, "Bad Gateway"))
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        retry = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
        assert retry is not None and retry - due < timedelta(minutes=2)
    with time_machine.travel(retry + timedelta(seconds=1), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        await bot.emu.settle(patient)
    assert [m.text for m in bot.emu.sent_to(patient)].count(texts.CHECKIN_PROMPT) == 1


async def test_a_missed_check_in_gets_one_nudge_and_missed_days_flag_the_counselor(
    bot: Harness, patient: int
) -> None:
    p = _patient(bot, patient)
    with time_machine.travel(_local(3, time(19, 0)), tick=True):
        await _run(bot, f"prompt:{p.patient_id}")
        await _run(bot, f"prompt:{p.patient_id}")  # a second firing (restart) sends nothing more
        prompt = await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        assert prompt.button_texts() == [texts.BTN_START_CHECKIN]
        flags = bot.services.worker.call(bot.services.repo.open_flags, p.patient_id)
        assert [f["kind"] for f in flags] == ["missed_days"]
    with time_machine.travel(_local(3, time(21, 0)), tick=True):
        await _run(bot, f"nudge:{p.patient_id}")
        await _run(bot, f"nudge:{p.patient_id}")
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_NUDGE)
        await bot.emu.settle()
    sent = [m.text for m in bot.emu.sent_to(patient)]
    assert sent.count(texts.CHECKIN_PROMPT) == 1 and sent.count(texts.CHECKIN_NUDGE) == 1
    assert all("treatment" not in t and "IOP" not in t for t in sent)  # lock-screen wording


async def test_no_nudge_while_a_crisis_alert_about_the_patient_is_followed(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 40: the routine nudge came minutes after "I'm not safe".
    p = _patient(bot, patient)
    with time_machine.travel(_local(3, time(20, 50)), tick=True):
        bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    with time_machine.travel(_local(3, time(21, 0)), tick=True):
        await _run(bot, f"nudge:{p.patient_id}")  # returns once anything it sends has been sent
    assert not any(texts.CHECKIN_NUDGE in m.text for m in bot.emu.sent_to(patient))
    day = datetime.now(NY).date() + timedelta(days=3)
    assert bot.services.worker.call(bot.services.repo.was_sent, p.patient_id, f"nudge:{day}")  # not retried


async def test_no_nudge_after_a_check_in_or_inside_quiet_hours(bot: Harness, patient: int) -> None:
    p = _patient(bot, patient)
    before = bot.emu.sent_to(patient)
    with time_machine.travel(_local(1, time(22, 30)), tick=True):
        await _run(bot, f"nudge:{p.patient_id}")  # quiet hours
        await bot.emu.settle()
    assert bot.emu.sent_to(patient) == before


async def test_the_prompt_button_starts_the_check_in(bot: Harness, patient: int) -> None:
    p = _patient(bot, patient)
    with time_machine.travel(_local(0, time(19, 0)) + timedelta(minutes=1), tick=True):
        await _run(bot, f"prompt:{p.patient_id}")
        prompt = await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        bot.emu.press_button(patient, prompt, texts.BTN_START_CHECKIN)
        await bot.emu.wait_for_message(patient, contains="mood")


async def test_no_prompt_after_todays_check_in_is_done(bot: Harness, patient: int) -> None:
    """Newcomer finding 17: a check-in done before the prompt's time (or the time moved after it) means no
    "Time for your daily check-in" that day; the next day's prompt is still planned."""
    p = _patient(bot, patient)
    with time_machine.travel(_local(1, time(11, 22)), tick=True):
        await check_in_with_note(bot, patient, "long day at work")
    with time_machine.travel(_local(1, time(19, 0)) + timedelta(minutes=1), tick=True):
        await _run(bot, f"prompt:{p.patient_id}")
        await bot.emu.settle(patient)
        assert texts.CHECKIN_PROMPT not in [m.text for m in bot.emu.sent_to(patient)]
    with time_machine.travel(_local(2, time(19, 0)) + timedelta(minutes=1), tick=True):
        await _run(bot, f"prompt:{p.patient_id}")  # the positive barrier: the next day's prompt comes
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
    assert [m.text for m in bot.emu.sent_to(patient)].count(texts.CHECKIN_PROMPT) == 1


async def test_a_prompt_found_after_the_clock_jumped_is_dropped_and_the_next_days_still_comes(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    """newcomer6 findings 16/20: after the clock stepped forward (a suspended VM), Tuesday's 19:00 prompt went
    out on Wednesday afternoon filed under Wednesday, and Wednesday's never came; one found hours late went
    out at 2 AM. A push of a day that is over is dropped, logged, and the next one comes at its time."""
    p = _patient(bot, patient)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    assert due is not None
    with time_machine.travel(due + timedelta(hours=7), tick=True):  # 2 AM the next night: hours late
        await daily.sweep(bot.app)  # returns once anything it sends was sent
        assert texts.CHECKIN_PROMPT not in [m.text for m in bot.emu.sent_to(patient)]
    assert "dropped: found 7 h 0 min late" in caplog.text
    assert daily.plan_of(bot.app).next_at(p.patient_id, "prompt") == due + timedelta(days=1)
    with time_machine.travel(due + timedelta(days=1, seconds=5), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
    assert [m.text for m in bot.emu.sent_to(patient)].count(texts.CHECKIN_PROMPT) == 1
    day = (due + timedelta(days=1)).astimezone(NY).date()
    assert bot.services.worker.call(bot.services.repo.was_sent, p.patient_id, f"prompt:{day}")


async def test_a_prompt_retried_past_midnight_is_dropped_not_filed_under_the_next_day(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    p = _patient(bot, patient)
    plan = daily.plan_of(bot.app)
    moved = dataclasses.replace(p, checkin_time=time(23, 59))
    bot.services.worker.call(bot.services.repo.save_patient, moved)
    daily.follow(bot.app, moved)
    due = plan.next_at(p.patient_id, "prompt")
    assert due is not None
    bot.emu.faults.fail_next("sendmessage", ApiError(502, "Bad Gateway"))
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
    retry = plan.next_at(p.patient_id, "prompt")
    assert retry is not None and retry.astimezone(NY).date() > due.astimezone(NY).date()
    with time_machine.travel(retry + timedelta(seconds=1), tick=True):
        await daily.sweep(bot.app)
    assert texts.CHECKIN_PROMPT not in [m.text for m in bot.emu.sent_to(patient)]
    assert "dropped: its local day had ended" in caplog.text


@pytest.mark.parametrize(("typed", "mood"), [("ok", None), ("3", 3)])
async def test_words_typed_under_the_prompt_start_the_check_in(
    bot: Harness, patient: int, typed: str, mood: int | None
) -> None:
    """newcomer9 N39: "empezar", "ok" or a first answer typed under the prompt went to the "send to your
    counselor?" drawer, so answers typed as if asked were never recorded. The check-in starts (and a number
    answers its first question)."""
    p = _patient(bot, patient)
    due = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    assert due is not None
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        prompt = await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
        bot.emu.send_text(patient, typed)
        asked = "cravings" if mood is not None else "mood"
        await bot.emu.wait_for_message(patient, contains=asked, after=prompt.message_id)
        said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > prompt.message_id]
        assert not [t for t in said if "haven't passed" in t], said
        draft = bot.services.worker.call(bot.services.repo.draft, p.patient_id)
        assert draft is not None and draft["answers"].get("mood") == mood
