"""An unclean stop (kill -9, a watchdog kill of a hung bot) left no trace for the clinic (ops O68): the next start
looked like any other. Now it logs a WARNING, adds an audit row, shows a `note` in doctor for a week (when, and
how long messages waited), and tells the admins once when messages waited longer than a few minutes."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.admin.doctor_last_run import last_run_check
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.store import last_run
from tests.conftest import bot_running, say_hello

RAE = 1002


def _killed(settings: Settings, stamp: bytes, silent_for: timedelta) -> None:
    """What a kill -9 leaves: the stamp as it was while the bot ran, its last sign of life ``silent_for`` ago."""
    row = json.loads(stamp)
    row["alive"] = (datetime.now(UTC) - silent_for).isoformat()
    (settings.data_dir / last_run.STAMP).write_text(json.dumps(row), encoding="utf-8")


async def test_an_unclean_stop_is_on_the_record_and_the_admins_hear_of_a_long_wait(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    emulator.add_user(RAE, first_name="Rae")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim", role="admin"))
        await say_hello(emulator, RAE)
        during = (settings.data_dir / last_run.STAMP).read_bytes()
    _killed(settings, during, timedelta(minutes=12))
    with caplog.at_level(logging.WARNING, logger="bot.jobs.last_run"):
        async with bot_running(settings, emulator) as bot:
            svc = bot.services
            notice = await emulator.wait_for_message(RAE, contains="without a clean stop")
            assert "12 min" in notice.text, notice.text
            (row,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "unclean_stop"]
            assert 12 * 60 <= row["waited_s"] < 13 * 60, row
    assert "did not stop cleanly" in caplog.text
    (note,) = list(last_run_check(settings))
    assert note.note and "waited up to 12 min" in note.line(), note.line()
    async with bot_running(settings, emulator) as bot:  # after that clean stop: nothing more is said
        svc = bot.services
        rows = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "unclean_stop"]
        assert len(rows) == 1
    assert len([m for m in emulator.sent_to(RAE) if "without a clean stop" in m.text]) == 1


async def test_a_short_unclean_stop_is_recorded_without_a_telegram_notice(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    emulator.add_user(RAE, first_name="Rae")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim", role="admin"))
        await say_hello(emulator, RAE)
        during = (settings.data_dir / last_run.STAMP).read_bytes()
    _killed(settings, during, timedelta(minutes=2))
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        (row,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "unclean_stop"]
        assert row["waited_s"] >= 120
    # The start sends its notice before the bot takes updates (bot/runtime.py): none by now is none at all.
    assert not [m for m in emulator.sent_to(RAE) if "without a clean stop" in m.text]
    assert "waited up to 2 min" in next(iter(last_run_check(settings))).line()


def test_a_crash_loop_is_one_summary_and_the_newest_stops(settings: Settings) -> None:
    """Ops O113: six kill -9s in two minutes gave six near-identical 300-character notes, each for a week; a crash
    loop under systemd would give hundreds."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    rows = [
        {
            "alive": (now - timedelta(minutes=30 - n)).isoformat(),
            "at": (now - timedelta(minutes=29 - n)).isoformat(),
        }
        for n in range(6)
    ]
    stamp = {"started": now.isoformat(), "alive": now.isoformat(), "clean": True, "unclean": rows}
    (settings.data_dir / last_run.STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    lines = [f.line() for f in last_run_check(settings)]
    assert len(lines) == 3 and "6 stops without a clean stop" in lines[0], lines
