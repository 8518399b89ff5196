"""The day after a lapse was told, the prompt asks how they are since (newcomer18 N174): the next days' prompts
were the same "Hi! Time for your daily check-in" and nobody followed up."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.jobs import daily
from tests.conftest import Harness

NY = ZoneInfo("America/New_York")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Without the weekly questionnaire push, which on a Monday would come due alongside these."""
    return dataclasses.replace(settings, measures_enabled=False)


def _local(day: datetime, days_ahead: int, at: time) -> datetime:
    return datetime.combine(day.astimezone(NY).date() + timedelta(days=days_ahead), at, tzinfo=NY).astimezone(
        UTC
    )


@pytest.mark.parametrize(("language", "words", "after", "plain"), [
    ("en", "i drank last night, i relapsed", texts.CHECKIN_PROMPT_AFTER_LAPSE, texts.CHECKIN_PROMPT),
    ("es", "anoche tomé otra vez, recaí", texts.CHECKIN_PROMPT_AFTER_LAPSE_ES, texts.CHECKIN_PROMPT_ES),
])  # fmt: skip
async def test_the_prompt_the_day_after_a_lapse_asks_how_they_are_since_once(
    bot: Harness, patient: int, language: str, words: str, after: str, plain: str
) -> None:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    p = p.with_changes(language=language)
    svc.worker.call(svc.repo.save_patient, p)
    told = svc.now()
    bot.emu.send_text(patient, words)
    await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))  # the relapse answer
    await bot.emu.settle()
    for days in (1, 2):
        with time_machine.travel(_local(told, days, time(19, 0)), tick=True):
            await daily.run_now(bot.app, p.patient_id, "prompt")
            await daily.run_now(bot.app, p.patient_id, "prompt")  # a second firing (restart): nothing more
            await bot.emu.settle()
    prompts = [m.text for m in bot.emu.sent_to(patient) if m.text in (after, plain)]
    assert prompts == [after, plain]
    assert not any(w in after.lower() for w in ("drink", "drank", "relapse", "use", "beber", "recaída"))
