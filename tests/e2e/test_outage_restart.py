"""An outage the bot was restarted in was told to nobody (ops O102): Telegram went at 01:39, the admin upgraded
and restarted the bot at 01:54, its starts exited 1 ("cannot reach the Bot API") until Telegram came back at
02:01. The first process's window ended with its clean stop and the next never saw Telegram fail: no "Bot health"
notice, no audit row, no doctor note, though a 7-minute outage without a restart got all three."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from telegram.error import NetworkError

from bot.admin.doctor_conflicts import conflicts_check
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs.outage import report_outage
from bot.jobs.polling import polling_failed
from bot.store import last_run
from bot.telegram.health import _probe_api
from bot.telegram.services import Context
from tests.conftest import Harness, bot_running, say_hello

RAE = 1002


async def _with_admin(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim", role="admin"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)


async def _start_fails(settings: Settings, emulator: BotApiEmulator) -> None:
    emulator.faults.outage = True
    with pytest.raises(NetworkError):
        async with bot_running(settings, emulator):
            pass
    emulator.faults.outage = False


def _stamp_moved(settings: Settings, key: str, ago: timedelta) -> None:
    path = settings.data_dir / last_run.STAMP
    stamp = json.loads(path.read_text(encoding="utf-8"))
    assert stamp.get(key), stamp  # as the bot wrote it
    stamp[key] = (datetime.now(UTC) - ago).isoformat()
    path.write_text(json.dumps(stamp), encoding="utf-8")


async def test_an_outage_begun_before_a_restart_is_told_after_it(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await _with_admin(bot)
        svc = bot.services
        svc.api.last_ok = svc.now() - timedelta(minutes=15)  # Telegram's last answer before it went
        emulator.faults.outage = True
        await _probe_api(Context(bot.app))  # the window begins; the admin restarts the bot in it
        emulator.faults.outage = False
    await _start_fails(settings, emulator)  # exit 1, restarted, while Telegram is still away
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        assert await report_outage(bot.app)
        notice = await emulator.wait_for_message(RAE, contains="could not reach Telegram")
        assert "restarted" in notice.text, notice.text
        assert not await report_outage(bot.app)  # told once
        (row,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "bot_api_outage"]
        assert row["restarted"] is True
        assert datetime.fromisoformat(row["until"]) - datetime.fromisoformat(row["since"]) >= timedelta(
            minutes=15
        )
    (note,) = [f for f in conflicts_check(settings) if f.area == "bot api outage"]
    assert note.note and "restarted" in note.message, note


async def test_an_outage_that_kept_a_restarted_bot_from_starting_is_told(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await _with_admin(bot)  # a clean stop while Telegram answered (an upgrade)
    await _start_fails(settings, emulator)
    await _start_fails(settings, emulator)
    _stamp_moved(settings, "api_failed", timedelta(minutes=6))  # the first failed start, 6 minutes ago
    async with bot_running(settings, emulator) as bot:
        assert await report_outage(bot.app)
        await emulator.wait_for_message(RAE, contains="could not reach Telegram")


async def test_a_plain_restart_tells_of_no_outage(settings: Settings, emulator: BotApiEmulator) -> None:
    async with bot_running(settings, emulator) as bot:
        await _with_admin(bot)
    _stamp_moved(settings, "alive", timedelta(minutes=30))  # a long maintenance stop is no outage
    async with bot_running(settings, emulator) as bot:
        assert bot.services.api.outage_over is None
        assert not await report_outage(bot.app)


async def test_a_stop_seconds_into_an_outage_counts_it_from_the_last_answer(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """Ops O119: getUpdates failed from 04:06:36, the clean stop came at 04:06:43 before the minute's probe had
    failed, so nothing recorded Telegram as down; the window began at the next process's first failed start and
    a 3.5-minute outage read as 2 min 48 s, told to nobody."""
    async with bot_running(settings, emulator) as bot:
        await _with_admin(bot)
        svc = bot.services
        svc.api.last_ok = svc.now() - timedelta(minutes=4)  # the minute's probe answered then
        polling_failed(bot.app, NetworkError("Bad Gateway"))  # a poll fails; the stop comes before any probe
    async with bot_running(settings, emulator) as bot:
        assert await report_outage(bot.app)
        notice = await emulator.wait_for_message(RAE, contains="could not reach Telegram")
        assert "restarted" in notice.text, notice.text
