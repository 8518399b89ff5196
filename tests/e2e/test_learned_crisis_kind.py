"""A crisis only the learned layer read is answered and carded for what we know (newcomer6 finding 38).

Carmen wrote "pues la verdad no sé, tengo miedo de que regrese" (afraid he will come back); the learned layer
alone read a crisis, and she got the suicide answer (988 first, no domestic-violence line) while her counselor
read "talked about ending their life". The layer says a crisis, never which kind: the answer is the general one
with every line (the domestic-violence line when someone else is named: newcomer9 N32, a death wish, got it too),
and the card says the kind is not clear. Where the rules read an urge to use or a dealer's door beside it, the
answer helps with the urge, the crisis lines after it, and the card says so (newcomer9 N10).
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
WISH = "sometimes i think it would be easier not to wake up"
CRAVING = "craving so bad, sitting outside my dealers place"
# What the learned layer alone reads in each (the rules' own readings beside it, as `iop-bot screen` gave them).
READS = {
    WORDS: ('crisis:learned("scared", "comes", "back")',),
    WISH: ('crisis:learned("wake", "easier", "think")',),
    CRAVING: ('crisis:learned("sitting", "outside", "place")', "relapse:dealer", "craving:urge"),
}


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


@pytest.fixture
def learned_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen reads WORDS as the learned layer alone would (the rules' reading moves with the TOML)."""
    real = screen_assess.assess

    def reads(text: str, **kw: Any) -> Assessment:
        if text in READS:  # the words' own clauses: who they name is read from them
            return Assessment(Level.CRISIS, READS[text], "en", real(text, ngrams_layer=False).clauses)
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


async def test_a_learned_only_death_wish_naming_nobody_else_gets_no_domestic_violence_line(
    bot: Harness, patient: int, learned_only: None
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, WISH)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in answer.text and "911" in answer.text, answer.text
    assert "1-800-799-7233" not in answer.text, answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="not clear")
    assert [a.kind for a in _alerts(bot)] == ["crisis_unclear"]
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    not_safe = await bot.emu.wait_for_message(patient, contains="911")
    assert "1-800-799-7233" not in not_safe.text, not_safe.text


async def test_a_strong_craving_at_a_dealers_door_is_answered_as_a_craving_and_still_paged(
    bot: Harness, patient: int, learned_only: None
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, CRAVING)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    text = answer.text
    # Help with the urge first: leave, call someone, ride it out; the crisis lines kept, after it.
    assert "Leave the place" in text and "sponsor" in text and "urge surfing" in text, text
    assert text.index("sponsor") < text.index("988") and "911" in text, text
    assert "1-800-799-7233" not in text, text  # nobody else named: no domestic-violence line
    labels = [b.text for row in answer.buttons for b in row]
    assert texts.BTN_URGE_SURFING in labels and texts.BTN_NOT_SAFE in labels, labels
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "strong craving" in card.text and "not clear" not in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["strong_craving"]
