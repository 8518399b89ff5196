"""The audit log watched while the bot runs (ops O122, O123, both P1): a segment replaced under the running bot
(`sed -i`), or a row deleted in it while the bot was stopped, was found only by a plain `doctor` someone ran; the
bot ran on without a word, the admins were never told, and `doctor --live` said ok."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path

from bot.admin.live import live_doctor
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs.audit_watch import look
from bot.store import audit_log
from tests.conftest import COUNSELOR, Harness, bot_running, say_hello

ADMIN = 1003


async def _admin(bot: Harness) -> None:
    svc = bot.services
    if svc.worker.call(svc.repo.counselor, ADMIN) is None:
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        bot.emu.add_user(ADMIN, first_name="Morgan")
        await say_hello(bot.emu, ADMIN)


def _sed_delete(path: Path, line: int) -> None:
    """`sed -i Nd`: the file without that line written beside it and renamed over it (a new inode)."""
    lines = path.read_bytes().split(b"\n")
    del lines[line - 1]
    temp = path.with_name(path.name + ".sed")
    temp.write_bytes(b"\n".join(lines))
    os.replace(temp, path)


def _actions(bot: Harness) -> list[str]:
    """Every row's action, the rows left at a replaced segment's path included (no chain check)."""
    codec = bot.services.repo._codec
    return [
        str(r.row["action"])
        for r in audit_log.records(bot.services.settings.data_dir, codec, check_chain=False)
    ]


async def _live(bot: Harness) -> str:
    out = io.StringIO()
    assert await asyncio.to_thread(live_doctor, bot.services.settings, out) == 1
    return out.getvalue()


async def test_a_segment_replaced_under_the_running_bot_is_told_and_fails_doctor_live(bot: Harness) -> None:
    svc = bot.services
    await _admin(bot)
    for n in range(4):
        svc.worker.call(svc.repo.audit, svc.now(), COUNSELOR, "patient_viewed", "p1", n=n)
    assert await look(bot.app) == []  # all well: nothing told, doctor --live ok
    (segment,) = audit_log.segments(svc.settings.data_dir)
    _sed_delete(segment, 3)  # an insider takes one row out
    svc.worker.call(svc.repo.audit, svc.now(), COUNSELOR, "patient_record_exported_cli", "p1")
    troubles = await look(bot.app)
    assert len(troubles) == 1 and "was replaced" in troubles[0], troubles
    told = await bot.emu.wait_for_message(ADMIN, contains="audit log")
    assert segment.name in told.text and "backup" in told.text, told.text
    assert "FAIL live audit: the audit segment" in await _live(bot)
    assert "patient_record_exported_cli" in _actions(
        bot
    )  # written on, in a new segment, not to a deleted file


async def test_a_chain_broken_while_the_bot_was_stopped_is_found_at_the_start(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await _admin(bot)
        for n in range(4):
            bot.services.worker.call(
                bot.services.repo.audit, bot.services.now(), COUNSELOR, "patient_viewed", "p1", n=n
            )
    (segment,) = audit_log.segments(settings.data_dir)
    _sed_delete(segment, 3)
    async with bot_running(settings, emulator) as bot:
        troubles = await look(bot.app)  # the start's look, 30 s in
        assert len(troubles) == 1 and "chain breaks" in troubles[0] and segment.name in troubles[0], troubles
        await bot.emu.wait_for_message(ADMIN, contains="chain breaks")
        assert "FAIL live audit" in await _live(bot)
        assert "audit_chain_broken" in _actions(bot)
        assert await look(bot.app) == troubles  # told once a day, not every minute
        last = bot.emu.sent_to(ADMIN)[-1].message_id
        bot.emu.send_text(ADMIN, "/help")  # anything the second look sent comes before this answer
        await bot.emu.wait_for_message(ADMIN, contains="Counselor tools", after=last)
        assert sum("chain breaks" in m.text for m in bot.emu.sent_to(ADMIN)) == 1


async def test_a_damaged_line_lets_the_bot_start_and_is_told(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """Ops O139: one altered byte of an old row refused start-up, exit 2: the bot stayed down."""
    async with bot_running(settings, emulator) as bot:
        await _admin(bot)
        for n in range(4):
            bot.services.worker.call(
                bot.services.repo.audit, bot.services.now(), COUNSELOR, "patient_viewed", "p1", n=n
            )
    (segment,) = audit_log.segments(settings.data_dir)
    raw = bytearray(segment.read_bytes())
    raw[30] = ord("A") if raw[30] != ord("A") else ord("B")
    segment.write_bytes(bytes(raw))
    async with bot_running(settings, emulator) as bot:  # starts: no StartupRefused
        troubles = await look(bot.app)
        assert any("damaged audit segment was set aside" in t for t in troubles), troubles
        await bot.emu.wait_for_message(ADMIN, contains="set aside as")
        assert "FAIL live audit" in await _live(bot)
