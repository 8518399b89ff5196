"""Real restarts (a new Application on the same data dir) around due times: nothing twice, nothing lost."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot import texts
from bot.admin.schedule import add_cohort, add_session
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, PATIENT, Harness, bot_running, enroll_alex, say_hello

NY = ZoneInfo("America/New_York")
ONCALL = 1002


async def _swept(bot: Harness, name: str) -> None:
    """Until the job `name` (a sweep) has run at least once in this run, then the bot is idle: a barrier
    where each run lasted 1.5 s (the sweeps' first runs are due within a second of the start)."""
    assert bot.app.job_queue is not None
    (sweep,) = bot.app.job_queue.get_jobs_by_name(name)
    first = sweep.job.trigger.start_date  # the first run's time; after it, the next run is later
    await bot.emu.wait_until(lambda: sweep.next_t is not None and sweep.next_t > first, timeout=60)
    await bot.emu.settle()


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """With an on-call counselor to escalate to, and without the weekly questionnaire push."""
    return dataclasses.replace(settings, oncall=(ONCALL,), measures_enabled=False)


def _next_monday_at(hour: int) -> datetime:
    today = datetime.now(NY).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.combine(monday, time(hour), tzinfo=NY)


@pytest.mark.slow
async def test_reminders_across_many_restarts_around_their_due_times_arrive_once_each(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    session = _next_monday_at(18)
    # Set up on the Friday before: run on a Monday before 6 PM (or a Sunday evening), a "mon 18:00" series has an
    # occurrence within a day of the real clock, and a slow set-up run sent its reminder too (3 reminders, not 2).
    with time_machine.travel(session - timedelta(days=3), tick=True):
        async with bot_running(settings, emulator) as bot:
            await enroll_alex(bot)

            def join() -> None:
                repo, now = bot.services.repo, bot.services.now()
                p = repo.patient_by_telegram(PATIENT)
                assert p is not None
                repo.save_patient(p.with_changes(cohort="Evening IOP"))
                add_cohort(repo, settings, now, {"name": "Evening IOP"})
                args = {"cohort": "Evening IOP", "weekdays": "mon", "time": "18:00"}
                add_session(repo, settings, now, args)

            bot.services.worker.call(join)
    day_before, hour_before = session - timedelta(hours=24), session - timedelta(hours=1)
    runs = [day_before - timedelta(minutes=1), day_before, day_before + timedelta(seconds=20)]
    runs += [hour_before - timedelta(seconds=30), hour_before, hour_before + timedelta(minutes=5)]
    for at in runs:
        with time_machine.travel(at, tick=True):
            async with bot_running(settings, emulator) as bot:
                await _swept(bot, "reminders")
    reminders = [m.text for m in emulator.sent_to(PATIENT) if m.text.startswith("Reminder")]
    assert len(reminders) == 2  # the day before and the hour before, once each
    assert "tomorrow" in reminders[0] and "today" in reminders[1]


async def test_an_unacknowledged_alert_escalates_once_across_restarts(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    emulator.add_user(ONCALL, first_name="Sam")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Sam Oncall"))
        await say_hello(emulator, ONCALL)
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "honestly I just want to kill myself tonight")
        await emulator.wait_for_message(COUNSELOR, contains="Urgent")
        raised = bot.services.now()
    later = raised + timedelta(minutes=settings.escalate_after_minutes + 1)
    for at in (later, later + timedelta(minutes=1)):  # the bot restarts twice after the alert is due
        with time_machine.travel(at, tick=True):
            async with bot_running(settings, emulator) as bot:
                await _swept(bot, "alerts")
    escalations = [m for m in emulator.sent_to(ONCALL) if "Alex" in m.text]
    assert len(escalations) == 1


async def test_a_typed_not_safe_after_a_restart_still_answers_the_open_question(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """The question "Are you safe right now?" outlives the process: a bare "no" typed after a restart is the
    answer (an urgent alert), not an ordinary message read at the next review."""
    async with bot_running(settings, emulator) as bot:
        await say_hello(emulator, COUNSELOR)
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "honestly i give up <3")
        await emulator.wait_for_message(PATIENT, contains="next review")
    async with bot_running(settings, emulator) as bot:
        emulator.send_text(PATIENT, "no")
        told = await emulator.wait_for_message(COUNSELOR, contains="↪")
        assert "They answered “I'm not safe”" in told.text
        await emulator.wait_for_message(COUNSELOR, contains="said they are not safe right now")
        await emulator.wait_for_message(PATIENT, contains="Please reach out now")
    async with bot_running(settings, emulator):  # once answered, a later "im safe" is not a second answer
        emulator.send_text(PATIENT, "im safe")
        await emulator.wait_for_message(PATIENT)
    answers = [m for m in emulator.sent_to(COUNSELOR) if "They answered" in m.text]
    assert len(answers) == 1


async def test_a_counselor_message_typed_across_a_restart_still_reaches_the_patient(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """ "Message patient" outlives the process as a patient's /message does (newcomer9 N38: after a restart
    the counselor's text was refused and had to be sent again); once sent, the next text is not relayed."""
    async with bot_running(settings, emulator) as bot:
        await say_hello(emulator, COUNSELOR)
        await enroll_alex(bot)
        emulator.send_text(COUNSELOR, "/caseload")
        screen = await emulator.wait_for_message(COUNSELOR, contains="Your caseload")
        emulator.press_button(COUNSELOR, screen, "Alex")
        page = await emulator.wait_for_message(COUNSELOR, contains="Last check-ins")
        emulator.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)
        await emulator.wait_for_message(COUNSELOR, contains="Type your message for")
    async with bot_running(settings, emulator):
        emulator.send_text(COUNSELOR, "Alex, I'm calling you at 1pm.")
        sent = await emulator.wait_for_message(COUNSELOR, contains="Sent to")
        got = await emulator.wait_for_message(PATIENT, contains="calling you at 1pm")
        assert "Dana" in got.text or "counselor" in got.text.lower()
    async with bot_running(settings, emulator):  # the relay ended with the message it sent
        emulator.send_text(COUNSELOR, "and a second thought")
        told = await emulator.wait_for_message(
            COUNSELOR, contains="haven't sent that to anyone", after=sent.message_id
        )
        assert "and a second thought" in told.text
    assert not [m for m in emulator.sent_to(PATIENT) if "second thought" in m.text]
