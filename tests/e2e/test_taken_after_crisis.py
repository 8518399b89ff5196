"""A report of having taken something, read with the crisis it follows (newcomer8 N15): under an open alert,
"i took all 30 of them" is an overdose (the overdose answer and a new urgent alert), never "at their next
review"; without an open alert the same words are read alone."""

from __future__ import annotations

from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

CRISIS = "i cant stop thinking about killing myself"
TAKEN = "i took all 30 of them"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_taken_under_an_open_alert_is_an_overdose(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, CRISIS)
    first = await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, TAKEN)
    answer = await bot.emu.wait_for_message(
        patient, contains="Call the emergency number below now", after=first.message_id
    )
    assert "next review" not in answer.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="overdose")
    assert "Urgent" in card.text
    assert len(_alerts(bot)) == 2


async def test_the_same_words_without_an_open_alert_are_read_alone(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, TAKEN)
    bot.emu.send_text(patient, "/help")  # answered after the words: the barrier
    await bot.emu.wait_for_message(patient, contains="/sos")
    assert _alerts(bot) == []
