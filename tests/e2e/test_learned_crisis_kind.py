"""A crisis only the learned layer read is answered and carded for what we know (newcomer6 finding 38).

Carmen wrote "pues la verdad no sé, tengo miedo de que regrese" (afraid he will come back); the learned layer
alone read a crisis, and she got the suicide answer (988 first, no domestic-violence line) while her counselor
read "talked about ending their life". The layer says a crisis, never which kind: the answer is the general one
with every line, and the card says the kind is not clear.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot import texts
from bot.domain.escalation import Alert
from bot.domain.screen import assess as screen_assess
from bot.domain.screen.assess import Assessment, Level
from bot.handlers import crisis as crisis_handler
from tests.conftest import COUNSELOR, Harness

WORDS = "honestly i dont know, im scared he comes back tonight"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


@pytest.fixture
def learned_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen reads WORDS as the learned layer alone would (the rules' reading moves with the TOML)."""
    real = screen_assess.assess

    def reads(text: str, **kw: Any) -> Assessment:
        if text == WORDS:
            return Assessment(Level.CRISIS, ('crisis:learned("scared", "comes", "back")',), "en")
        return real(text, **kw)

    monkeypatch.setattr(crisis_handler, "assess", reads)


async def test_a_learned_only_crisis_is_answered_with_every_line_and_carded_as_unclear(
    bot: Harness, patient: int, learned_only: None
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, WORDS)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in answer.text and "1-800-799-7233" in answer.text, answer.text  # every line, DV too
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "ending their life" not in card.text and "not clear" in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["crisis_unclear"]
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    not_safe = await bot.emu.wait_for_message(patient, contains="911")
    assert "1-800-799-7233" in not_safe.text and "hurt yourself" not in not_safe.text, not_safe.text
