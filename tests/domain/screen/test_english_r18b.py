"""English, session 18 (en15): nobody to be called or sent, and the ending accepted in the same sentence or the next
(newcomer N63: "dont call anyone. im ok with this" read as nothing) is intent. "im ok, just tired" accepts nothing; a
plan, a ride or a repair accepted, or someone who did not call, is no refusal of help. Paraphrases written for this
test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "please dont call anyone. i accept it",
        "dont send anybody. ive accepted it",
        "don't send anyone. i've made peace with it",
        "you dont need to call anyone. ive accepted it",
        "no need to send anyone, im good with this",
        "pls dont call anyone. i'm okay with it now",
    ],
)
def test_nobody_to_call_and_the_ending_accepted_is_intent(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "dont call anyone, im ok, just tired",
        "im ok with this plan for dinner",
        "dont call me tomorrow, im ok with this new schedule",
        "she didnt call. im fine with it honestly",
        "dont come pick me up from group, im fine with it",
        "we dont need to call the plumber, im ok with this leak for now",
        "dont call me, ill call you after work. im ok with this",
    ],
)
def test_an_arrangement_accepted_or_a_call_not_made_is_not(text: str) -> None:
    not_crisis(text)
