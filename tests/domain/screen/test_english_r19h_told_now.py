"""Session 19 (en17): words from the findings that were only a check where a counselor must hear now. At peace with
a decision never named, a way out found (said bare), not making it to a day, my savings emptied and given away: each
pages. A decision named, a way out of a garage or a lease, a day missed for a car or a shift, money for rent or a
wedding do not. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i'm at peace with my decision",
        "im at peace with my decision now",
        "made my peace with it. love you all",
        "honestly i made peace with it",
    ],
)
def test_at_peace_with_a_decision_never_named_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["im at peace with my decision to leave my job", "at peace with my decision to go to rehab"]
)
def test_a_decision_named_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i found a way out",
        "i think i finally found a way out",
        "finally found my way out",
        "found a way out. its ok now",
    ],
)
def test_a_way_out_found_said_bare_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["found a way out of the parking garage lol", "i found a way out of my lease"]
)
def test_a_way_out_of_a_place_or_a_lease_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont think ill make it to thursday",
        "dont think im gonna make it to tomorrow",
        "i honestly dont think ill make it to sunday",
        "i really dont think ill make it to friday",
    ],
)
def test_not_making_it_to_a_day_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont think ill make it to thursday, my car broke down",
        "i wont make it to group thursday, i have a double",
        "dont think ill make it to friday lol this week is endless",
    ],
)
def test_a_day_missed_for_a_reason_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i emptied my bank account and gave it to my sister",
        "drained my savings and gave it all to my mom",
        "closed out my savings account and handed the cash to my son",
        "emptied my checking account and gave it to my brother today",
    ],
)
def test_savings_emptied_and_given_away_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "emptied my bank account to pay rent",
        "i emptied my savings and gave it to my daughter for her wedding",
    ],
)
def test_money_for_rent_or_a_wedding_is_not(text: str) -> None:
    not_crisis(text)
