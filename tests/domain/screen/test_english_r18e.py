"""English, session 18 (en15): three false pages of the session 17 list, each as a family. Things thrown away after a
clean-out are no jump ("cleaned the garage and threw it all away" paged crisis:method); a pet that swallowed the pills
is an emergency at home, not the patient's overdose ("my dog swallowed them all"); taking myself out of a group chat,
the running or a rotation is no suicide ("going to take myself out of the group chat" paged kill_self). The patient's
own words stay read. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "cleared out the attic and threw it all away, feels good",
        "cleaned out my building's storage room and threw it all away",
        "the puppy ate all of them off the floor",
        "omg my cat got into my pills",
        "my dog swallowed the whole bottle, at the vet now",
        "my kitten swallowed them all, driving to the emergency vet",
        "im taking myself out of this group chat, too much drama",
        "thinking about taking myself out of the running for the promotion",
        "i want to take myself out of the rotation at work",
        "gonna take myself out of the league this year",
    ],
)
def test_a_clean_out_a_pets_emergency_or_leaving_a_chat_is_no_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed them all, my dog is next to me",
        "im standing on the roof about to throw myself off",
        "been thinking about taking myself out.",
        "im taking myself out tonight and im at peace with it",
    ],
)
def test_the_patients_own_overdose_jump_or_intent_is_still_read(text: str) -> None:
    crisis(text)
