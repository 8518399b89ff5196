"""Someone else's danger, paged by the learned layer (session 22, found with the emulator's new /forward): "my friend
says she wants to kill herself tonight" reads check:someone_else_at_risk to the rules and crisis to the layer. The
patient got "What you're going through matters" with the domestic-violence line first-listed for the "she" named,
and the counselor a card saying "what about is not clear". Now the answer is a helper's (the emergency number
for them, stay with them, lines that help people worried about someone), then the writer's own safety asked; no
domestic-violence line; the card says someone else may be about to end their life, and that it may be their own."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.screen import assess as screen_assess
from bot.domain.screen.assess import Assessment, Level
from bot.handlers import crisis as crisis_handler
from tests.conftest import COUNSELOR, Harness

FRIEND = "my friend says she wants to kill herself tonight"
AMIGA = "mi amiga dice que se quiere matar esta noche"
# What the layer and the rules read in each, as `iop-bot screen` gave them (pinned: the model moves).
READS = {
    FRIEND: ('crisis:learned("tonight", "herself", "kill")', "check:someone_else_at_risk"),
    AMIGA: ('crisis:learned("matar", "esta", "noche")', "check:someone_else_at_risk"),
}


@pytest.fixture
def layer_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    real = screen_assess.assess

    def reads(text: str, **kw: Any) -> Assessment:
        if text in READS:
            return Assessment(
                Level.CRISIS,
                READS[text],
                "es" if text == AMIGA else "en",
                real(text, ngrams_layer=False).clauses,
            )
        return real(text, **kw)

    monkeypatch.setattr(crisis_handler, "assess", reads)


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_a_friends_danger_is_answered_as_a_helpers_and_carded_as_someone_elses(
    bot: Harness, patient: int, layer_pinned: None
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, FRIEND)
    answer = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    text = answer.text
    assert "Worrying about someone" in text and "stay with them" in text, text
    assert "What you're going through matters" not in text and "1-800-799-7233" not in text, text
    assert text.index("911") < text.index("988"), text  # the emergency number for them first
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "someone else" in card.text and "not clear" not in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["other_at_risk"]
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    not_safe = await bot.emu.wait_for_message(patient, contains="hurt yourself")  # now their own safety
    assert "1-800-799-7233" not in not_safe.text, not_safe.text


async def test_the_same_in_spanish(bot: Harness, patient: int, layer_pinned: None) -> None:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, AMIGA)
    answer = await bot.emu.wait_for_message(patient, contains="¿estás a salvo en este momento?")
    assert "Preocuparte así por alguien" in answer.text and "1-800-799-7233" not in answer.text, answer.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "someone else" in card.text, card.text
