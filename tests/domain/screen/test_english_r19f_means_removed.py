"""Session 19 (en17), newcomer N117 and N107.

N117: someone else taking the means AWAY ("my roommate came in and took them from me. im ok now"), read after "i have
the pills in my hand", was read as the patient's overdose (crisis_context.in_context raises a reported taking under
an open alert: taken.reports_taking). Means taken from me, away, or by someone named before the verb are means
removed; "took them" with the patient as the one who took them stays a taking. Read alone, "my sister grabbed the
pills off me" was an assault (grabbed ... me); it is means removed.

N107: a thought of taking all one's pills ("i could just take the whole bottle") is a plan, answered as one
(overdose_planned), not the overdose-under-way answer. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from bot.domain.screen.taken import reports_taking
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my roommate came in and took them from me. im ok now",
        "he took the bottle away. im ok",
        "my sister grabbed the pills off me",
        "mom took my pills away and locked them in her car",
        "my roommate took them. im ok now",
        "my buddy snatched the bottle out of my hand",
    ],
)
def test_means_taken_from_me_is_no_taking_reported(text: str) -> None:
    assert not reports_taking(text)


@pytest.mark.parametrize(
    "text",
    [
        "ok i took them",
        "i took them all",
        "i gave my roommate the keys and took them all",
        "i found them and took them",
        "took the whole bottle",
    ],
)
def test_the_patient_taking_them_is_still_a_taking(text: str) -> None:
    assert reports_taking(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sister grabbed the pills off me",
        "my roommate came in and took them from me. im ok now",
        "he snatched the gun out of my hands and called my mom",
        "my wife took the knife from me and hid it",
    ],
)
def test_means_taken_from_me_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "he grabbed me off the couch and hit me",
        "she grabbed the pills off me. then she slapped me across the face",
    ],
)
def test_an_assault_beside_it_still_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "i could just take the whole bottle",
        "i should just take all my pills",
        "id take the whole bottle if i had the guts",
        "i could swallow every pill in the cabinet",
    ],
)
def test_a_dose_thought_of_is_a_plan(text: str) -> None:
    result = crisis(text, "crisis:overdose_planned")
    assert "crisis:overdose" not in result.reasons


@pytest.mark.parametrize(
    "text", ["i took the whole bottle", "just took all my pills", "i might have taken the whole bottle"]
)
def test_a_dose_taken_is_still_an_overdose(text: str) -> None:
    assert "crisis:overdose" in assess(text).reasons
