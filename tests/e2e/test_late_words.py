"""Words the bot reads long after they were written (it was down overnight) are not paged as "just now"
(newcomer6 finding 7): the alert says when the patient wrote them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import COUNSELOR, Harness

CRISIS = "cant sleep again. i keep thinking about the pills in the cabinet and how easy it would be"


async def _counselor_ready(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")


async def test_a_crisis_read_hours_after_it_was_written_says_when_it_was_written(
    bot: Harness, patient: int
) -> None:
    await _counselor_ready(bot)
    later = datetime.now(UTC) + timedelta(hours=20, minutes=3)
    bot.services.clock = lambda: later  # the bot reads it 20 hours after Telegram took it
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "They wrote it" in card.text and "20 h" in card.text and "ask how they are now" in card.text
    (alert,) = bot.services.worker.call(bot.services.repo.open_alerts)
    assert alert.written_at is not None and later - alert.written_at > timedelta(hours=20)


async def test_a_crisis_read_at_once_has_no_such_line(bot: Harness, patient: int) -> None:
    await _counselor_ready(bot)
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "They wrote it" not in card.text
