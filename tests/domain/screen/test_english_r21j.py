"""Session 21 (en19, newcomer N203): an opioid with a benzodiazepine or drink, and a sedation sign said in other words
("kinda hard to keep my eyes open", "breathing feels slow", "keep nodding out"), is an overdose; an energy drink or
coffee with a racing heart is not. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i mixed my methadone with some xans, kinda hard to keep my eyes open",
        "took my subs and a couple bars, really hard to keep my eyes open",
        "had some percs with a few beers, breathing feels slow",
        "did fent and took a klonopin, keep nodding out",
    ],
)
def test_an_opioid_with_a_sedative_and_a_sedation_sign_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "i drank 2 monsters and now my heart is racing lol",
        "2 red bulls before my shift and my heart is racing",
        "pre workout hit different, heart pounding lol",
        "3 coffees and my heart is racing",
    ],
)
def test_an_energy_drink_or_coffee_with_a_racing_heart_is_no_overdose(text: str) -> None:
    not_crisis(text)
