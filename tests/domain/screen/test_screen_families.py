"""Whole families of disclosures, each in phrasings written for this test (not from any corpus), with
the ordinary readings that must stay down: relapse told through someone else's pills, a dose counted
without a name, sobriety lost, a pattern of use."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "grabbed a few of my grandpas percs from his nightstand",
        "took two of my girlfriend's xanax last night to sleep",
        "found my moms old vicodin in the bathroom and took 3",  # the owner is not the subject
        "swiped some adderall off my coworker",
        "popped a couple last night, dont tell anyone",
        "me robé unos clonazepam de mi abuela",
        "tomé unas pastillas de mi tía que no eran mías",
        "me tomé unas cuantas de mi mamá",
        "threw away 8 months of sobriety on saturday",
        "ya perdí mi sobriedad otra vez",
        "i'm not sober anymore",
        "been on the dope every day this week",
        "back to a 12 pack a day",
        "went back out after my sister's funeral",
    ],
)
def test_a_use_told_without_the_usual_words_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "my friend stole her moms vicodin and took them all",  # someone else's relapse
        "my brother's girlfriend used again",
        "mi papá dice que me tome la medicina",  # told to take it
        "took a few days off work",
        "it took a few tries",
        "i don't want to lose my sobriety",
        "i went back out to the car to get my phone",
        "threw away all my pills",
        "i took 3 ibuprofen for my back",
    ],
)
def test_ordinary_readings_of_the_same_words_are_not_a_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


def test_fear_of_losing_sobriety_is_a_craving_not_a_disclosure() -> None:
    assert assess("i'm scared i'll lose my sobriety this weekend").level == Level.CRAVING
