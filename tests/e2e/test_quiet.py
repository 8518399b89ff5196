"""Each patient's own quiet hours, end to end: nudges, reminders, silent pushes and /settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from telegram.ext import ExtBot

from bot import texts
from bot.admin.schedule import add_cohort, add_session
from bot.config.settings import Settings
from bot.domain.models import Patient
from bot.domain.quiet import OFF
from bot.jobs import daily, reminders
from tests.conftest import COUNSELOR, Harness

NY = ZoneInfo("America/New_York")
EARLY = (time(21, 0), time(7, 0))
COHORT = "Evening IOP"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Without the weekly questionnaire push, which on a Monday would come due alongside these."""
    return dataclasses.replace(settings, measures_enabled=False)


@pytest.fixture
def silenced() -> Iterator[Callable[[int, str], list[bool]]]:
    """disable_notification of each message sent to a chat containing a text (the emulator keeps no such flag)."""
    seen: list[tuple[int, str, bool]] = []
    original = ExtBot.send_message

    async def spy(self: ExtBot[Any], chat_id: int, text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append((int(chat_id), text, bool(kwargs.get("disable_notification"))))
        return await original(self, chat_id, text, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ExtBot, "send_message", spy)
        yield lambda chat, part: [silent for to, text, silent in seen if to == chat and part in text]


def _choose(bot: Harness, telegram_id: int, window: tuple[time, time] | None, **changes: Any) -> Patient:
    """Store the patient's quiet hours (as /settings would) and re-plan their pushes."""
    svc = bot.services
    start, end = window if window is not None else (None, None)

    def run() -> Patient:
        p = svc.repo.patient_by_telegram(telegram_id)
        assert p is not None
        p = p.with_changes(quiet_start=start, quiet_end=end, **changes)
        svc.repo.save_patient(p)
        return p

    p = svc.worker.call(run)
    daily.follow(bot.app, p)
    return p


def _sent(bot: Harness, telegram_id: int, text: str) -> int:
    return [m.text for m in bot.emu.sent_to(telegram_id)].count(text)


async def test_a_patient_with_quiet_hours_from_9_pm_gets_no_nudge_at_9_30_pm_but_one_at_7_am(
    bot: Harness, patient: int
) -> None:
    p = _choose(bot, patient, EARLY, checkin_time=time(5, 0))  # an early riser: nudge at 07:00
    nudge = daily.plan_of(bot.app).next_at(p.patient_id, "nudge")
    assert nudge is not None and nudge.astimezone(NY).time() == time(7, 0)
    with time_machine.travel(nudge - timedelta(hours=9, minutes=30), tick=True):  # 21:30 the evening before
        await daily.run_now(bot.app, p.patient_id, "nudge")  # outside the program's 22:00, inside theirs
        await bot.emu.settle()
    assert _sent(bot, patient, texts.CHECKIN_NUDGE) == 0
    with time_machine.travel(nudge + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_NUDGE)
        await bot.emu.settle()
    assert _sent(bot, patient, texts.CHECKIN_NUDGE) == 1


async def test_a_check_in_prompt_inside_the_patients_quiet_hours_arrives_silently(
    bot: Harness, patient: int, silenced: Callable[[int, str], list[bool]]
) -> None:
    p = _choose(bot, patient, EARLY, checkin_time=time(21, 0))
    due = daily.plan_of(bot.app).next_at(p.patient_id, "prompt")
    assert due is not None
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_PROMPT)
    assert silenced(patient, texts.CHECKIN_PROMPT) == [True]
    _choose(bot, patient, None)  # the program's 22:00 start: the same prompt would ring
    with time_machine.travel(due + timedelta(days=1, seconds=5), tick=True):
        await daily.run_now(bot.app, p.patient_id, "prompt")
        await bot.emu.settle()
    assert silenced(patient, texts.CHECKIN_PROMPT) == [True, False]


def _join_session(bot: Harness, telegram_id: int, at: str) -> None:
    """The patient joins a cohort meeting Mondays at `at`, New York time."""
    svc = bot.services

    def run() -> None:
        repo, now = svc.repo, svc.now()
        p = repo.patient_by_telegram(telegram_id)
        assert p is not None
        repo.save_patient(p.with_changes(cohort=COHORT))
        add_cohort(repo, svc.settings, now, {"name": COHORT})
        add_session(repo, svc.settings, now, {"cohort": COHORT, "weekdays": "mon", "time": at})

    svc.worker.call(run)


def _next_monday_at(hour: int, minute: int = 0) -> datetime:
    today = datetime.now(NY).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.combine(monday, time(hour, minute), tzinfo=NY)


def _reminders(bot: Harness, telegram_id: int) -> list[str]:
    return [m.text for m in bot.emu.sent_to(telegram_id) if m.text.startswith("Reminder")]


async def test_a_reminder_waits_for_the_end_of_the_patients_own_quiet_hours(
    bot: Harness, patient: int
) -> None:
    _join_session(bot, patient, "21:30")
    _choose(bot, patient, EARLY)
    start = _next_monday_at(21, 30)
    with time_machine.travel(start - timedelta(days=1) + timedelta(seconds=5), tick=True):  # Sun 21:30
        await reminders.sweep(bot.app)  # the program's quiet hours would have let it through
        await bot.emu.settle()
    assert _reminders(bot, patient) == []
    with time_machine.travel(_next_monday_at(6, 59), tick=True):
        await reminders.sweep(bot.app)
        await bot.emu.settle()
    assert _reminders(bot, patient) == []
    with time_machine.travel(_next_monday_at(7, 0) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
    assert "today at 9:30 PM" in reminder.text


async def test_a_patient_who_turned_quiet_hours_off_gets_a_reminder_in_the_night(
    bot: Harness, patient: int
) -> None:
    _join_session(bot, patient, "23:00")
    _choose(bot, patient, OFF)
    with time_machine.travel(_next_monday_at(23) - timedelta(days=1) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)  # Sunday 23:00: inside the program's quiet hours
        await bot.emu.wait_for_message(patient, contains="Reminder")


async def test_settings_offers_quiet_hours_and_stores_the_preset(bot: Harness, patient: int) -> None:
    svc = bot.services
    bot.emu.send_text(patient, "/settings")
    zones = await bot.emu.wait_for_message(patient, contains="Your settings")
    assert texts.btn_quiet_hours((time(22, 0), time(8, 0)), "en") in zones.button_texts()
    bot.emu.press_button(patient, zones, callback_data="qh:menu")
    menu = await bot.emu.wait_for_message(patient, contains="Quiet hours")
    assert menu.button_texts()[0] == "10:00 PM–8:00 AM (default)" and "Off" in menu.button_texts()
    bot.emu.press_button(patient, menu, "9:00 PM–7:00 AM")
    await bot.emu.wait_for_message(patient, contains="9:00 PM–7:00 AM", after=menu.message_id)
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None and (p.quiet_start, p.quiet_end) == EARLY
    assert svc.worker.call(svc.repo.pending_input, p.patient_id) is None  # typing is not a time zone
    nudge = daily.plan_of(bot.app).next_at(p.patient_id, "nudge")  # re-planned before 21:00
    assert nudge is not None and nudge.astimezone(NY).time() == time(20, 30)


async def test_settings_can_turn_quiet_hours_off_and_back_to_the_default(bot: Harness, patient: int) -> None:
    svc = bot.services
    for label, stored in (("Off", OFF), ("10:00 PM–8:00 AM (default)", (None, None))):
        bot.emu.send_text(patient, "/settings")
        zones = await bot.emu.wait_for_message(patient, contains="Your settings")
        bot.emu.press_button(patient, zones, callback_data="qh:menu")
        menu = await bot.emu.wait_for_message(patient, contains="Pick the hours", after=zones.message_id)
        bot.emu.press_button(patient, menu, label)
        await bot.emu.wait_for_message(patient, contains="uiet hours", after=menu.message_id)
        p = svc.worker.call(svc.repo.patient_by_telegram, patient)
        assert p is not None and (p.quiet_start, p.quiet_end) == stored


async def test_a_broadcast_reaches_a_patient_in_quiet_hours_silently_and_the_counselor_is_told(
    bot: Harness, patient: int, silenced: Callable[[int, str], list[bool]]
) -> None:
    _join_session(bot, patient, "18:00")
    _choose(bot, patient, EARLY)
    with time_machine.travel(_next_monday_at(21, 30), tick=True):
        bot.emu.send_text(COUNSELOR, f"/broadcast {COHORT}")
        await bot.emu.wait_for_message(COUNSELOR, contains="Type the message")
        bot.emu.send_text(COUNSELOR, "No group Thursday: holiday.")
        preview = await bot.emu.wait_for_message(COUNSELOR, contains="Preview")
        bot.emu.press_button(COUNSELOR, preview, texts.BTN_SEND)
        done = await bot.emu.wait_for_message(COUNSELOR, contains="Broadcast delivered to 1 patient")
        await bot.emu.wait_for_message(patient, contains="holiday")
    assert "reached them silently" in done.text
    assert silenced(patient, "holiday") == [True]
