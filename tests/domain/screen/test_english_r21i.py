"""Session 21 (en19): fear for one's life, rules alone (G12 14/20), built from the concept: someone trying to get in
now, with fear, hiding or a plea; a picture of where I live or of my children sent by someone I owe or fled. A toddler
at the door, a delivery, a landlord's or a mother's photo are not. Paraphrases written for this test, not corpus
messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "someone keeps trying my door handle. im in the bathroom. please",
        "somebody is trying the back door and im hiding in the closet",
        "a guy is pounding on my door at 3am yelling my name, im terrified",
        "he is trying to kick the door in. i locked myself in the bedroom",
        "someone is at my window. i am scared. what do i do",
    ],
)
def test_someone_trying_to_get_in_now_with_fear_or_hiding_is_a_danger(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "my toddler keeps trying the door handle while im in the bathroom lol",
        "someone is banging on the door, probably the amazon guy",
        "the dog keeps banging on the door to get in, so annoying",
    ],
)
def test_a_toddler_a_delivery_or_the_dog_at_the_door_is_no_danger(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my ex just texted a pic of my apartment door. i never told him where i moved. im really scared",
        "the guy i owe sent me a picture of my kids school",
        "my old dealer dmed me a photo of my truck outside my job. im freaking out, im scared",
        "they sent pics of my moms house. i owe them 800",
    ],
)
def test_a_picture_of_where_i_live_sent_with_fear_or_a_debt_is_a_danger(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "my landlord sent a pic of my door, the new lock is in",
        "my mom sent a pic of my house in the snow, so pretty",
        "my sister posted a photo of my kids at the fair",
    ],
)
def test_a_landlords_or_a_mothers_photo_is_no_danger(text: str) -> None:
    not_crisis(text)
