"""Someone hurting them there now (bot/domain/crisis_kind.danger_now, newcomer10 N35)."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds, danger_now
from bot.domain.screen.assess import assess


def _now(text: str) -> bool:
    a = assess(text)
    return danger_now(crisis_kinds(a.reasons, a.clauses), a.clauses)


@pytest.mark.parametrize(
    "text",
    [
        "my ex is outside my apartment banging on the door right now",
        "my husband is threatening me right now",
        "he is here and he wont leave, i think hes going to hurt me",
        "mi esposo me está amenazando ahorita",
        "mi ex está afuera de mi casa golpeando la puerta ahorita",
    ],
)
def test_abuse_here_and_now_is_danger_now(text: str) -> None:
    assert _now(text)


@pytest.mark.parametrize(
    "text", ["my boyfriend hit me last week", "my husband hits me", "i want to kill myself right now"]
)
def test_abuse_told_of_the_past_or_my_own_crisis_is_not(text: str) -> None:
    assert not _now(text)
