"""Ops O137 (P1, silent): deleting the whole audit log, or its newest rows, went unnoticed: doctor and `audit
--verify` said the chain was whole, and the bot started a new chain without a word. The head (count and last
hash) is kept in the index and set against the segments."""

from __future__ import annotations

import asyncio
import io
import shutil

from bot.admin.doctor import run_checks
from bot.admin.live import live_doctor
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs.audit_watch import look
from bot.store import audit_log
from tests.conftest import COUNSELOR, Harness, bot_running, enroll_alex, say_hello

ADMIN = 1003


async def _program(settings: Settings, emulator: BotApiEmulator) -> None:
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        bot.emu.add_user(ADMIN, first_name="Morgan")
        await say_hello(bot.emu, ADMIN)
        await enroll_alex(bot)
        for n in range(4):
            svc.worker.call(svc.repo.audit, svc.now(), COUNSELOR, "patient_viewed", "p1", n=n)
        assert await look(bot.app) == []  # all well; the head is kept


async def _doctor(settings: Settings) -> str:
    out = io.StringIO()
    await asyncio.to_thread(run_checks, settings, out)
    return "\n".join(s for s in out.getvalue().splitlines() if s.startswith("FAIL audit log"))


async def test_the_whole_log_deleted_fails_doctor_and_is_told_at_the_start(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    await _program(settings, emulator)
    shutil.rmtree(audit_log.segment_dir(settings.data_dir))
    assert "the program recorded" in await _doctor(settings)
    async with bot_running(settings, emulator) as bot:
        troubles = await look(bot.app)  # the start's look, 30 s in
        assert any("ends at record" in t for t in troubles), troubles
        await bot.emu.wait_for_message(ADMIN, contains="rows were removed")
        out = io.StringIO()
        assert await asyncio.to_thread(live_doctor, bot.services.settings, out) == 1
        assert "ends at record" in out.getvalue()
    assert "the running bot found rows gone" in await _doctor(settings)  # the head moved on; the row stays


async def test_the_newest_rows_cut_off_fail_doctor(settings: Settings, emulator: BotApiEmulator) -> None:
    await _program(settings, emulator)
    (segment,) = audit_log.segments(settings.data_dir)
    lines = segment.read_bytes().split(b"\n")
    segment.write_bytes(b"\n".join(lines[:-3]) + b"\n")  # `head -n`: the last two rows gone
    assert "ends at record" in await _doctor(settings)


async def test_rows_cut_off_in_place_under_the_running_bot_are_caught_at_the_next_append(
    bot: Harness,
) -> None:
    svc = bot.services
    for n in range(4):
        svc.worker.call(svc.repo.audit, svc.now(), COUNSELOR, "patient_viewed", "p1", n=n)
    (segment,) = audit_log.segments(svc.settings.data_dir)
    lines = segment.read_bytes().split(b"\n")
    with segment.open("r+b") as f:  # same inode: `truncate -s`
        f.truncate(len(b"\n".join(lines[:-3]) + b"\n"))
    svc.worker.call(svc.repo.audit, svc.now(), COUNSELOR, "patient_viewed", "p1", n=9)
    troubles = svc.worker.call(svc.repo.audit_troubles)
    assert len(troubles) == 1 and "was cut short" in troubles[0], troubles
