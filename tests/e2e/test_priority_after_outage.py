"""After a Telegram outage, a patient's crisis answer waited out its own retry back-off (6.5 min) while routine
pushes went at once: the patient read "Your weekly questions are ready" before the crisis lines (ops O73). Now any
Bot API success releases every waiting crisis answer, and a routine push to that patient sends it first."""

from __future__ import annotations

import pytest

from bot.devtools.emulator import ApiError
from bot.handlers import safety_retry
from bot.jobs.sending import send_paced
from bot.telegram import priority
from bot.telegram.health import _probe_api
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness

CRISIS = "i took like 30 of my pills an hour ago"
SERVER_ERROR = ApiError(500, "Internal Server Error")
LONG = (600.0, 600.0, 600.0)  # a back-off far longer than the test: only a release sends the answer


async def _answer_waiting(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=4)  # every quick try of the answer
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="may not have the crisis lines")
    await bot.emu.wait_until(lambda: priority.waiting(bot.app, patient))  # its next try is scheduled
    assert not [m for m in bot.emu.sent_to(patient) if "Are you safe right now?" in m.text]


async def test_a_routine_push_to_the_patient_sends_their_crisis_answer_first(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety_retry, "WAITS", LONG)
    await _answer_waiting(bot, patient)
    await send_paced(bot.app, patient, "Your weekly questions are ready")
    said = [m.text for m in bot.emu.sent_to(patient)]
    answer = next(i for i, t in enumerate(said) if "Are you safe right now?" in t)
    assert answer < said.index("Your weekly questions are ready"), said


async def test_the_health_probe_answering_again_releases_the_crisis_answer(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety_retry, "WAITS", LONG)
    await _answer_waiting(bot, patient)
    await _probe_api(Context(bot.app))
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in answer.text
