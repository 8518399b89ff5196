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
