"""A flaky Telegram for a simulated week: 20 % of Bot API calls answer 429, 500 or too late.

Every session reminder and daily push still reaches each patient exactly once, and every check-in
a patient typed is stored exactly once. Days pass by moving the clock in 15-minute steps and
running the sweeps directly. `make test` runs a small cohort; `make soak` (IOP_SOAK=1) runs 200.
"""

from __future__ import annotations

import asyncio
import os
import time as clock
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
import time_machine
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

from bot import texts
from bot.admin.schedule import add_cohort, add_session
from bot.config.resources import read_program_file
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.checkin_ladder import nudge_time, prompt_datetime
from bot.domain.enrollment import hash_code
from bot.domain.sessions import occurrences
from bot.jobs import daily, reminders
from bot.jobs.sending import Pacer
from tests.conftest import KEY, TOKEN, Harness, enrolled_code

pytestmark = pytest.mark.slow

SOAK = os.environ.get("IOP_SOAK") == "1"
PATIENTS = int(os.environ.get("IOP_FLAKY_PATIENTS", "200" if SOAK else "12"))
DAYS, RATE, STEP = 7, 0.2, timedelta(minutes=15)
READ_TIMEOUT, LATE = 0.15, 0.3  # the bot gives up after 0.15 s; a late answer comes after 0.3 s
RETRY_AFTER = 0.05  # Telegram says whole seconds; the wait is shortened, the path is the same
NY = ZoneInfo("America/New_York")
CHECKIN_TIMES = (time(9), time(12), time(18), time(19))  # prompt times; nudges 2 h later
CHECKIN_AT = time(19, 30)  # 9:00 and 12:00 are nudged first; 18:00 and 19:00 only on days off
COHORTS = {"Evening": ("mon,wed,fri", "18:00"), "Midday": ("tue,thu", "12:00")}
FIRST_ID = 30001


@pytest.fixture
def settings(tmp_path: Path, emulator: BotApiEmulator) -> Settings:
    """Every check-in is stored as its own entry, so one stored twice would show."""
    items = tmp_path / "items.toml"
    shipped = read_program_file("checkin_items.toml")
    items.write_text(shipped.replace('same_day = "update"', 'same_day = "add"'))
    return Settings(
        bot_token=TOKEN,
        bot_api_url=emulator.base_url,
        data_dir=tmp_path / "data",
        data_keys=(KEY,),
        checkin_items_file=items,
        flood_messages=10_000,  # flood control counts real seconds, and here a day passes in seconds
    )


async def _enroll(bot: Harness, start: datetime) -> dict[int, str]:
    """The cohorts, their sessions and the patients; returns patient ids by Telegram id."""
    svc, out = bot.services, {}
    for name, (weekdays, at) in COHORTS.items():
        svc.worker.call(add_cohort, svc.repo, svc.settings, start, {"name": name})
        svc.worker.call(
            add_session, svc.repo, svc.settings, start, {"cohort": name, "weekdays": weekdays, "time": at}
        )
    for n in range(PATIENTS):
        telegram_id, code = FIRST_ID + n, enrolled_code(svc, f"W{n}")

        def enroll(code: str = code, telegram_id: int = telegram_id, n: int = n) -> str:
            invitation = svc.repo.code(hash_code(code))
            assert invitation is not None
            p = svc.repo.enroll(invitation, telegram_id, start).with_changes(
                timezone="America/New_York",
                checkin_time=CHECKIN_TIMES[n % len(CHECKIN_TIMES)],
                cohort=list(COHORTS)[n % len(COHORTS)],
            )
            svc.repo.save_patient(p)
            return p.patient_id

        out[telegram_id] = svc.worker.call(enroll)
        bot.emu.add_user(telegram_id)
        bot.emu.start_bot(telegram_id)  # every patient has opened the bot before the week begins
        patient = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
        assert patient is not None
        daily.follow(bot.app, patient)
    await bot.emu.wait_until(lambda: all(bot.emu.events(telegram_id) for telegram_id in out), timeout=60)
    return out


def _unthrottle(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test is about faults, not Telegram's 30 messages/s: lift the pacing and the limits."""
    bot.services.state.pacer = Pacer(1000.0)
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, AIORateLimiter)
    limiter._base_limiter = None  # 429s are still retried, just not paced
    request = bot.app.bot.request
    assert isinstance(request, HTTPXRequest)
    request._client.timeout = httpx.Timeout(5.0, read=READ_TIMEOUT)
    bot.emu.faults.enforce_limits = False
    assert bot.app.job_queue is not None
    for job in bot.app.job_queue.jobs():
        job.enabled = False  # the test runs the sweeps itself, at the simulated times


def _checkin_at(n: int, day: date) -> datetime | None:
    """When patient n checks in on a local day: all at 19:30 (one batch a day), except one day in five."""
    if (n + day.toordinal()) % 5 == 0:
        return None
    return prompt_datetime(day, CHECKIN_AT, NY)


def _answers(n: int, day: date) -> list[str]:
    d = day.toordinal()
    return [str((3 * n + d) % 11), str((n + 2 * d) % 11), "OK", "Yes", "No", f"note {n} {day}"]


async def _check_in(bot: Harness, ids: dict[int, str], due: list[tuple[int, date]]) -> None:
    """The patients type a whole check-in each; wait until the bot has stored them."""
    want: Counter[int] = Counter()
    for n, day in due:
        for text in ["/checkin", *_answers(n, day)]:
            bot.emu.send_text(FIRST_ID + n, text)
        want[n] += 1
    svc = bot.services

    def count(n: int) -> int:
        return len(svc.worker.call(svc.repo.checkins, ids[FIRST_ID + n]))

    base = {n: count(n) for n in want}

    def done() -> bool:
        return all(count(n) >= base[n] + k for n, k in want.items())

    await bot.emu.wait_until(done, timeout=60)


async def _sweep(bot: Harness, traveller: time_machine.Traveller, now: datetime) -> None:
    """Both sweeps; after a fault, again a minute later (in production they run every few seconds)."""
    for extra in range(4):
        faults = sum(bot.emu.faults.injected.values())
        traveller.move_to(now + timedelta(minutes=extra))
        await reminders.sweep(bot.app)
        await daily.sweep(bot.app)
        if sum(bot.emu.faults.injected.values()) == faults:
            return


async def test_a_week_of_flaky_telegram_delivers_every_reminder_and_stores_every_check_in_once(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    began = clock.monotonic()
    _unthrottle(bot, monkeypatch)
    first = datetime.now(NY).date() + timedelta(days=1)
    start = datetime.combine(first, time(18, 30), tzinfo=NY).astimezone(UTC)
    last = start + timedelta(days=DAYS) - STEP
    days = [first + timedelta(days=d) for d in range(DAYS + 1)]
    checkins = ((n, day, _checkin_at(n, day)) for n in range(PATIENTS) for day in days)
    plan = {(n, day): at for n, day, at in checkins if at and start < at <= last}
    with time_machine.travel(start, tick=True) as traveller:
        ids = await _enroll(bot, start)
        bot.emu.faults.flaky(RATE, seed=8, retry_after=RETRY_AFTER, late=LATE)
        now = start
        while now <= last:
            await _sweep(bot, traveller, now)
            due = [key for key, at in plan.items() if now - STEP < at <= now]
            if due:
                await _check_in(bot, ids, due)
            now += STEP
        await asyncio.sleep(LATE + 0.5)  # late answers still in flight
        bot.emu.faults.flaky(0)
    calls, injected = sum(bot.emu.stats.calls.values()), bot.emu.faults.injected
    _assert_reminders(bot, start, last)
    _assert_pushes(bot, plan, days, start, last)
    _assert_checkins(bot, ids, set(plan))
    print(f"\nflaky week, {PATIENTS} patients: {calls} calls, faults {dict(injected)}, "
          f"{clock.monotonic() - began:.1f} s")  # fmt: skip
    assert sum(injected.values()) >= 0.15 * calls


def _assert_reminders(bot: Harness, start: datetime, last: datetime) -> None:
    """One reminder per patient, session and offset (1440 and 60 minutes before)."""
    svc, offsets = bot.services, bot.services.settings.reminder_offsets_minutes
    series = {s.cohort: s for s in svc.worker.call(svc.repo.all_series)}
    for n in range(PATIENTS):
        cohort = list(COHORTS)[n % len(COHORTS)]
        expected = {
            occ.key: sum(occ.starts_at - timedelta(minutes=o) <= last for o in offsets)
            for occ in occurrences(series[cohort], start, last + timedelta(days=2))
        }
        sent = Counter(
            ":".join(str(m.buttons[0][0].callback_data).split(":")[1:3])
            for m in bot.emu.events(FIRST_ID + n)
            if not m.edited and m.text.startswith("Reminder")
        )
        assert sent == +Counter(expected), (n, sent, expected)


def _assert_pushes(
    bot: Harness, plan: dict[tuple[int, date], datetime], days: list[date], start: datetime, last: datetime
) -> None:
    """One prompt a day, and one nudge on each day the patient had not checked in by then."""
    settings = bot.services.settings
    after = timedelta(hours=settings.nudge_after_hours)
    for n in range(PATIENTS):
        at = CHECKIN_TIMES[n % len(CHECKIN_TIMES)]
        nudge_at = nudge_time(at, after, settings.quiet_start, settings.quiet_end)
        prompts = sum(start < prompt_datetime(d, at, NY) <= last for d in days)
        nudges = 0
        for d in days:
            nudge = prompt_datetime(d, nudge_at, NY) if nudge_at else None
            checked_in = plan.get((n, d))
            nudges += bool(nudge and start < nudge <= last and (checked_in is None or checked_in > nudge))
        texts_sent = [m.text for m in bot.emu.events(FIRST_ID + n) if not m.edited]
        assert texts_sent.count(texts.CHECKIN_PROMPT) == prompts, n
        assert texts_sent.count(texts.CHECKIN_NUDGE) == nudges, n


def _assert_checkins(bot: Harness, ids: dict[int, str], done: set[tuple[int, date]]) -> None:
    """Each check-in typed is stored once, with the answers typed."""
    svc = bot.services
    for n in range(PATIENTS):
        entries = svc.worker.call(svc.repo.checkins, ids[FIRST_ID + n])
        notes = Counter(e.answers.get("note") for e in entries)
        expected = {f"note {n} {day}" for m, day in done if m == n}
        assert set(notes) == expected and all(c == 1 for c in notes.values()), (n, notes)
        for e in entries:
            mood, craving, *_ = _answers(n, date.fromisoformat(str(e.answers["note"]).split()[2]))
            assert (e.answers["mood"], e.answers["craving"]) == (int(mood), int(craving))
