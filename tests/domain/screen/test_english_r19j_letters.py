"""Session 19 (en17, newcomer N133): a letter written to a child for an occasion ("i wrote a letter to my daughter for
her birthday") paged as a goodbye note. The occasion named makes it a letter, not a farewell; letters to the family
with no occasion still page. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i wrote a letter to my daughter for her birthday",
        "wrote a long letter to my wife for our anniversary",
        "writing letters to my kids for christmas this year",
        "wrote my son a letter for his graduation",
    ],
)
def test_a_letter_for_an_occasion_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "wrote letters to my kids",
        "wrote goodbye letters to my family",
        "i wrote a letter to each of my kids tonight",
    ],
)
def test_letters_to_the_family_with_no_occasion_still_page(text: str) -> None:
    crisis(text, "crisis:goodbye_note")
