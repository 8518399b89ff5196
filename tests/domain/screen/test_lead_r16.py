"""English, session 16 (lead, newcomer10 N33/N34): "jump" counted as an ordinary-purpose word by itself (for a
jump rope), so the frame for a high place and jumping was blocked by its own word: "going to the bridge tonight
to jump" read as nothing. Its ordinary uses are phrases now. Paraphrases written for this test, not corpus
messages; rules alone (conftest.py turns the layer off). Left: a way of going that is also an ordinary activity
("walking to the roof to jump", "driving to the cliff to jump") still blocks the frame (BENIGN_ACTIVITY)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "going to the bridge tonight to jump",
        "heading to the overpass to jump",
        "going up to the roof so i can jump",
        "headed to the parking garage to jump",
        "on my way to the bridge, gonna jump",
    ],
)
def test_going_to_a_high_place_to_jump_pages(text: str) -> None:
    assert assess(text).level == Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "i got a jump rope for the kids",
        "my kid loves jumping rope at recess",
        "had to jump start the car this morning",
        "left the jumper cables in the truck",
    ],
)
def test_a_jump_rope_or_a_jump_start_is_not_a_plan(text: str) -> None:
    assert assess(text).level != Level.CRISIS, assess(text).reasons
