"""`iop-bot patient discharge`: the patient and their counselor are told (newcomer8 N12: nothing was said to
either, and the patient's daily prompts simply stopped)."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli import main
from tests.conftest import COUNSELOR, KEY, Harness


async def test_a_discharged_patient_and_their_counselor_are_told(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert await asyncio.to_thread(main, ["patient", "discharge", "Alex"]) == 0
    told = await bot.emu.wait_for_message(patient, contains="once a week", timeout=90)
    assert "session reminders have stopped" in told.text and "/sos" in told.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="is now in aftercare", timeout=90)
    assert "Alex" in card.text


async def test_no_discharge_while_their_urgent_alert_is_unacknowledged(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer18 N172: discharged minutes after "i just want to die", with the alert unacknowledged, the patient's
    next word from the bot was "From now on I'll check in with you once a week"."""
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    svc = bot.services
    bot.emu.send_text(patient, "i want to kill myself tonight")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 1)
    assert await asyncio.to_thread(main, ["patient", "discharge", "Alex"]) != 0
    assert "nobody has acknowledged" in capsys.readouterr().err
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None and found.status == "active"
    # --yes: the admin has decided; discharged and told as before
    assert await asyncio.to_thread(main, ["patient", "discharge", "Alex", "--yes"]) == 0
    await bot.emu.wait_for_message(patient, contains="once a week", timeout=90)
