"""Being kicked or thrown out (of a home, a team, a bar) is not violence; being kicked or thrown is."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "not really. my landlord is kicking me out friday and i dont know where ill go",
        "my roommate kicked me out last night",
        "my dad threw me out of the house",
        "I could kick myself for forgetting",
    ],
)
def test_an_eviction_is_not_abuse(text: str) -> None:
    assert assess(text).level is not Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my husband kicked me in the stomach",
        "he threw me against the wall",
        "he kicked me so hard i cant walk",
        "she keeps kicking me when she's drunk",
    ],
)
def test_being_kicked_or_thrown_is_abuse(text: str) -> None:
    assessment = assess(text)
    assert assessment.level is Level.CRISIS and "crisis:abuse" in assessment.reasons
