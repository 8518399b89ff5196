"""Someone else's overdose read as a check (newcomer25 N286): "my roommate took a bunch of pills an hour ago and said
not to call anyone" was told "If they might act on it soon, call the emergency number": of pills already taken.
The helper's answer for an overdose says call now, do not wait, stay with them, in both languages."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot.domain.screen import assess as screen_assess
from bot.domain.screen.assess import Assessment, Level
from bot.handlers import crisis as crisis_handler
from tests.conftest import Harness

ROOMMATE = "my roommate took a bunch of pills an hour ago and said not to call anyone"
ROOMIE = "mi roomie se tomó un montón de pastillas hace una hora"


@pytest.fixture
def read_as_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pinned to the check the rules gave (en21 may page it later: the answer's words are what is tested)."""
    real = screen_assess.assess

    def reads(text: str, **kw: Any) -> Assessment:
        if text in (ROOMMATE, ROOMIE):
            lang = "es" if text == ROOMIE else "en"
            return Assessment(Level.CHECK, ("check:overdose.third_person",), lang, real(text).clauses)
        return real(text, **kw)

    monkeypatch.setattr(crisis_handler, "assess", reads)


async def test_someone_elses_overdose_is_told_to_call_now(
    bot: Harness, patient: int, read_as_check: None
) -> None:
    bot.emu.send_text(patient, ROOMMATE)
    answer = await bot.emu.wait_for_message(patient, contains="safe right now?")
    assert "don't wait" in answer.text and "might act on it soon" not in answer.text, answer.text


async def test_the_same_in_spanish(bot: Harness, patient: int, read_as_check: None) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(patient, ROOMIE)
    answer = await bot.emu.wait_for_message(patient, contains="a salvo en este momento?")
    assert "no esperes" in answer.text and "podría hacerse daño" not in answer.text, answer.text
