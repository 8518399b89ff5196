"""Audit times were handling times, not when the patient acted (ops O85): /sos sent at 18:38 during an outage was on
the record as "18:46:10 sos_opened": for a records request or an incident review, the patient asked for help 8
minutes later than they did. A row written while handling a person's message a minute or more after they wrote it
now also says when they did (``acted_at``, the message's Telegram date)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import Harness


def _rows(bot: Harness, action: str) -> list[dict[str, object]]:
    svc = bot.services
    return [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == action]


async def test_a_row_for_words_read_late_says_when_they_were_written(bot: Harness, patient: int) -> None:
    svc = bot.services
    sent = svc.now()
    later = sent + timedelta(minutes=8)
    svc.clock = lambda: later  # the bot reads it 8 minutes after Telegram took it (an outage, a restart)
    bot.emu.send_text(patient, "/sos")
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_until(lambda: bool(_rows(bot, "sos_opened")))
    (row,) = _rows(bot, "sos_opened")
    acted = datetime.fromisoformat(str(row["acted_at"]))
    assert abs(acted - sent) < timedelta(seconds=5) and row["at"] == later.isoformat(), row


async def test_a_row_written_at_once_has_no_second_time(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/sos")
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_until(lambda: bool(_rows(bot, "sos_opened")))
    (row,) = _rows(bot, "sos_opened")
    assert "acted_at" not in row
