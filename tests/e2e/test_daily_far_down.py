"""A start-up with many stored patients plans their daily pushes lazily, in slices: the last one still gets theirs."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Patient
from bot.jobs import daily
from bot.store.crypto import FernetCodec
from bot.store.keyed_log import write_rows
from bot.store.migrate import PATIENTS_LOG
from tests.conftest import COUNSELOR, KEY, Harness, bot_running, say_hello

NY = ZoneInfo("America/New_York")
OTHERS = 3 * daily.SLICE + 7  # the last patient is planned in the fourth slice
LAST = 3_000_000
NOON = datetime(2026, 12, 1, 12, 0, tzinfo=NY)  # the others' 21:00 never comes due during the test


def _stored(n: int, telegram_id: int, alias: str, at: time) -> Patient:
    made = NOON - timedelta(days=3)
    return Patient(
        f"p{n:06d}", telegram_id, alias, COUNSELOR, made, made, timezone="America/New_York", checkin_time=at
    )


async def test_a_patient_far_down_the_list_still_gets_their_prompt(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    settings = dataclasses.replace(settings, measures_enabled=False)
    # Everyone else checks in at 21:00; the last patient (by alias, the plan's order) at 19:00.
    people = [_stored(n, 2_000_000 + n, f"A{n:05d}", time(21, 0)) for n in range(OTHERS)]
    people.append(_stored(OTHERS, LAST, "Zoe", time(19, 0)))
    settings.data_dir.mkdir(parents=True, mode=0o700)
    write_rows(
        settings.data_dir / PATIENTS_LOG, {p.patient_id: p.to_dict() for p in people}, FernetCodec([KEY])
    )
    emulator.add_user(LAST, first_name="Zoe")
    with time_machine.travel(NOON, tick=True):
        async with bot_running(settings, emulator) as bot:
            await say_hello(emulator, LAST)
            await _prompted_at_seven(bot)


async def _prompted_at_seven(bot: Harness) -> None:
    due = NOON.replace(hour=19)
    with time_machine.travel(due + timedelta(seconds=5), tick=True):
        await daily.sweep(bot.app)
        await bot.emu.wait_for_message(LAST, contains=texts.CHECKIN_PROMPT)
    plan = daily.plan_of(bot.app)
    assert plan.unsettled == 0 and plan.next_at("p000000", "prompt") == NOON.replace(hour=21)
