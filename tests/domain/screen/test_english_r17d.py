"""English, session 17d (issue 13, en13): benign idioms that paged — nearly dying of laughter ("i about died"), a
smell or a look "like death", the heat killing me up on a roof at work, an overdose counted in years since — each
beside the crisis that must still page. Every case is a paraphrase written for this test, not a corpus message;
rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my cousin told that story at dinner and i about died",
        "laughed so hard in group i bout died",
        "when the dog stole the turkey i liked to died",
        "i about died when she walked in wearing that hat",
    ],
)
def test_nearly_dying_of_laughter_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the fridge smells like death, somebody left fish in there",
        "the locker room smelled like death after practice",
        "you look like death warmed over, go to bed",
        "i looked like death in my license photo lol",
    ],
)
def test_a_smell_or_a_look_like_death_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the sun up on this roof is killing me",
        "this heat is killin me on the roof today",
        "humidity is killing me up on this roof, 98 degrees",
        "the heat's killing me on these rooftops, crew wants to quit early",
    ],
)
def test_the_heat_on_a_roof_at_work_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "three years since my overdose today and i'm doing good",
        "18 months since i overdosed. grateful to be alive",
        "it's been a year since my od, my kids made me a cake",
        "five years since my overdose and i still think about the nurse who saved me",
    ],
)
def test_an_overdose_counted_in_years_since_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im on the roof and i want to jump",
        "this heat is killing me and i want to die",
        "i want to die, i wish i was dead",
        "i took too much last night, two years since my last overdose and i did it again",
    ],
)
def test_a_crisis_beside_the_idiom_still_pages(text: str) -> None:
    crisis(text)
