"""Ops O142 (P1, silent): an older copy of alerts.json put back (no key needed) dropped every alert raised since:
no card, no escalation, not in /caseload, doctor ok. The audit log records each alert raised, so the running bot
now names what the files lack, to the admins, and doctor --live fails."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

from bot.admin.doctor import run_checks
from bot.admin.live import live_doctor
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.enrollment import hash_code
from bot.domain.models import Counselor
from bot.jobs.audit_watch import look
from tests.conftest import COUNSELOR, PATIENT, Harness, bot_running, enroll_alex, enrolled_code, say_hello

ADMIN = 1003


async def _admin(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)


async def test_an_older_alerts_file_put_back_is_told_by_name(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await _admin(bot)
        await enroll_alex(bot)
        assert await look(bot.app) == []  # all well
    alerts = settings.data_dir / "alerts.json"
    before = alerts.read_bytes() if alerts.exists() else None  # none yet: the older state is no file
    people = (settings.data_dir / "patients.log").read_bytes()
    async with bot_running(settings, emulator) as bot:
        bot.emu.send_text(PATIENT, "i want to kill myself tonight")
        await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
        code = enrolled_code(bot.services, "Blake")
        svc = bot.services  # "I agree" pressed: the consent_given row
        svc.worker.call(svc.repo.enroll_with_code, 2002, hash_code(code), svc.now(), 99, timedelta(hours=1))
    if before is None:
        alerts.unlink()
    else:
        alerts.write_bytes(before)  # "restoring one file"
    (settings.data_dir / "patients.log").write_bytes(people)
    async with bot_running(settings, emulator) as bot:
        await look(bot.app)  # the start's look, 30 s in
        told = await bot.emu.wait_for_message(ADMIN, contains="do not hold them")
        assert "Alex's urgent alert raised" in told.text and "reach these patients" in told.text, told.text
        assert "who agreed to take part" in told.text, told.text
        out = io.StringIO()
        assert await asyncio.to_thread(live_doctor, bot.services.settings, out) == 1
        assert "1 alert(s) are in neither alerts.json" in out.getvalue(), out.getvalue()
        assert "Alex" not in out.getvalue()  # doctor --live names no person
        rows = bot.services.worker.call(bot.services.repo.audit_log)
        assert [r for r in rows if r["action"] == "data_rolled_back"], rows[-3:]
        await look(bot.app)  # once a day, not every look
        assert sum("do not hold them" in m.text for m in bot.emu.sent_to(ADMIN)) == 1
    out = io.StringIO()  # and doctor, the bot stopped
    await asyncio.to_thread(run_checks, settings, out)
    (line,) = [s for s in out.getvalue().splitlines() if "rolled back" in s]
    assert line.startswith("FAIL") and "Alex's urgent alert raised" in line, line
    assert "who agreed to take part" in line and "reach these patients" in line, line
