"""A forwarded message about a crisis (newcomer24 N252, N273): the bot knows it came from another chat, so the patient
gets a helper's answer (the emergency number for them, stay with them, lines for people worried about someone,
then their own safety asked) and the card says on its face that they forwarded it, with its kind kept: an overdose,
taken or planned, stays an overdose (N273: "hoy me tomo todas mis pastillas" was carded "ending their life").
"Show message" explains the patient's words only, as `iop-bot screen` reads them, never the bot's own labels."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

ORIGIN = {"type": "hidden_user", "sender_user_name": "A friend", "date": int(time.time()) - 3600}


def _forward(bot: Harness, patient: int, text: str) -> None:
    bot.emu.send_extra(patient, {"text": text, "forward_origin": dict[str, Any](ORIGIN)})


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_a_forwarded_overdose_is_answered_as_a_helpers_and_carded_as_forwarded(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    _forward(bot, patient, "i took all my pills an hour ago, tell my mom i love her")
    answer = await bot.emu.wait_for_message(patient, contains="safe right now?")
    assert "stay with them" in answer.text and "even if you feel okay" not in answer.text, answer.text
    assert "don't wait" in answer.text and "might act on it soon" not in answer.text, answer.text  # N286
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "forwarded" in card.text and "overdose" in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["forwarded_overdose"]


async def test_a_forwarded_plan_to_end_it_is_carded_as_forwarded(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    _forward(bot, patient, "bro ima end it tonight fr, got the rope in my trunk")
    answer = await bot.emu.wait_for_message(patient, contains="safe right now?")
    assert "Worrying about someone" in answer.text, answer.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "forwarded" in card.text and "talked about ending their life" not in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["forwarded"]


async def test_a_forwarded_spanish_overdose_plan_keeps_its_kind_and_its_reasons(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    _forward(bot, patient, "amiga ya no aguanto, hoy me tomo todas mis pastillas, perdoname")
    answer = await bot.emu.wait_for_message(patient, contains="a salvo en este momento?")
    assert "no esperes" in answer.text, answer.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "overdose" in card.text and "forwarded" in card.text, card.text
    bot.emu.press_button(COUNSELOR, card, "Show message")
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Why the screen flagged it")
    assert "overdose" in shown.text, shown.text  # the plan read, as `iop-bot screen` reads it
