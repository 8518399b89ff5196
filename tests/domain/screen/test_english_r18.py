"""English, session 18 (en15): pills taken as "them", every one of them said after a full stop (newcomer N89: "i already
swallowed them. all of them" was a check from the layer only), and an overdose's reasons that said a use beside it
(N88: "i took all my pills" also gave relapse:use, answered as a slip). A use told in another clause is still told.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i already swallowed them. all of them",
        "took them. every last one",
        "downed them. all of them",
        "i popped them. every single one. bye",
        "already took em. all of em",
        "its done, i swallowed them. every last one of them",
    ],
)
def test_them_taken_and_every_one_said_after_a_full_stop_is_an_overdose(text: str) -> None:
    result = crisis(text)
    assert any(r.startswith("crisis:overdose") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i took the kids to the park. all of them had fun",
        "took them to school. all of them were late",
        "the cookies? i ate them. all of them lol",
        "i took off my boots, took them off. all of them",
        "popped the balloons, all of them. the kids loved it",
        "i swallowed my pride. all of it",
    ],
)
def test_kids_taken_somewhere_clothes_off_or_food_eaten_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i took all my pills",
        "i already swallowed them. all of them",
        "swallowed the whole bottle of my sleeping pills",
        "took every pill in the bottle",
    ],
)
def test_an_overdose_is_not_also_a_use_told(text: str) -> None:
    result = crisis(text)
    assert not result.has(Level.RELAPSE), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "relapsed last week. today i took all my pills",
        "today i took all my pills. i relapsed last week too",
        "drank all weekend. now i took all my pills",
    ],
)
def test_a_use_told_in_another_clause_beside_an_overdose_is_still_told(text: str) -> None:
    result = crisis(text)
    assert result.has(Level.RELAPSE), result.reasons
