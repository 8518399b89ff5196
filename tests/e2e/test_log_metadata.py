"""What the logs say about a patient's safety events at default levels: the patient id, never the kind."""

from __future__ import annotations

import logging

import pytest

from bot import texts
from tests.conftest import COUNSELOR, PATIENT, Harness

CRISIS = "honestly I just want to kill myself tonight"
WORDS = ("crisis", "suicid", "sos", "not_safe", "phq9", "relapse")


@pytest.fixture(autouse=True)
def _default_level(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)


async def test_a_crisis_is_logged_by_alert_and_patient_id_without_naming_what_happened(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/sos")
    sos = await bot.emu.wait_for_message(
        patient, predicate=lambda m: texts.BTN_TELL_COUNSELOR in m.button_texts()
    )
    bot.emu.press_button(patient, sos, texts.BTN_TELL_COUNSELOR)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.settle()
    # As the bot's own handler writes them (logger name included: "bot.handlers.crisis" names it too).
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    lines = [formatter.format(r) for r in caplog.records if r.levelno >= logging.INFO]
    enrolled = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert enrolled is not None
    patient_id = enrolled.patient_id
    assert sum(f"raised for patient {patient_id}" in line for line in lines) == 2, lines
    for line in lines:
        assert not any(word in line.lower() for word in WORDS), line
