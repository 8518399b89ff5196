"""Session 19 (en17): three families the rules missed on last round's held-out writers (now development text):
something scalding thrown or poured on me (abuse); someone I owe or who is armed knows where I live (threatened);
walking into the water, the end unsaid (method). Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "she threw a pot of hot grease at me",
        "he poured boiling water on my arm",
        "my mom threw hot coffee at me this morning",
        "my boyfriend poured boiling water on me",
    ],
)
def test_something_scalding_thrown_at_me_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text", ["he spilled hot coffee on me by accident", "made a pot of coffee and poured me a cup"]
)
def test_a_spill_or_a_cup_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my old dealer says i owe him and he knows where i live",
        "he knows where i live and he has a gun",
        "the guy i owe money to knows where i live now",
        "my plug said he knows where i live. i still owe him 400",
    ],
)
def test_someone_i_owe_knowing_where_i_live_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["my mom knows where i live, she drops off groceries", "the pizza guy knows where i live lol"]
)
def test_family_or_a_delivery_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gonna drive out to the lake saturday night when nobody out there and just walk in. i cant swim anyway",
        "going to the river tonight. gonna just walk in",
        "the ice on the inlet is thin. im gonna walk out where its thin",
        "heading down to the ocean after dark to walk right in",
    ],
)
def test_walking_into_the_water_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "took the kids to the lake, they just walk in and splash around",
        "my coworker just walk in without knocking",
    ],
)
def test_kids_splashing_or_a_coworker_is_not(text: str) -> None:
    not_crisis(text)
