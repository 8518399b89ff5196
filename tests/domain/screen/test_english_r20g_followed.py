"""Session 20 (en18): someone or a car following me, my fear told a few sentences on (G11 fear for life, rules alone
16/20: "the man following me ... im scared" was three sentences apart, past the signals' window). Paraphrases written
for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "theres a guy following me since the bus stop. i crossed the street. hes still behind me. im scared",
        "some dude been following me for like 10 blocks. i walked into a store. he waited outside. im terrified",
        "a truck is following me. i turned twice. its still there. im scared",
        "this man is following me from the train. i keep walking. he keeps walking. im so scared",
    ],
)
def test_followed_and_afraid_a_few_sentences_on_pages(text: str) -> None:
    crisis(text, "crisis:fear_for_life")


@pytest.mark.parametrize(
    "text",
    [
        "my dog keeps following me around the house. shes scared of the thunder",
        "this girl started following me on insta. im scared to follow back lol",
        "my toddler follows me everywhere. i was scared he would fall",
    ],
)
def test_a_pet_an_account_or_a_child_following_me_does_not_page(text: str) -> None:
    not_crisis(text)
