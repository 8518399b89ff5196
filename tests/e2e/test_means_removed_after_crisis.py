"""Means taken away by someone else, told after a crisis (newcomer N117): "my roommate came in and took them from
me. im ok now", after "i have the pills in my hand", was read as the patient's overdose (a second urgent alert and
the overdose answer). Someone else took the means AWAY: no taking is reported, no overdose raised. The patient's
own "i took them" under the same alert stays an overdose (test_taken_after_crisis.py)."""

from __future__ import annotations

import pytest

from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

CRISIS = "i have the pills in my hand and i want to die"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


@pytest.mark.parametrize(
    "removed",
    ["my roommate came in and took them from me. im ok now", "he took the bottle away. im ok"],
)
async def test_means_taken_away_under_an_open_alert_is_no_overdose(
    bot: Harness, patient: int, removed: str
) -> None:
    bot.emu.send_text(patient, CRISIS)
    first = await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, removed)
    bot.emu.send_text(patient, "/help")  # answered after the words: the barrier
    await bot.emu.wait_for_message(patient, contains="/sos", after=first.message_id)
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > first.message_id]
    assert not any("Call the emergency number below now" in t for t in said), said
    assert len(_alerts(bot)) == 1
