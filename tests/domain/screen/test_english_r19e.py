"""Session 19 (en17): seven families the rules missed on last round's held-out writers (now development text).
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


# someone on the way to me with a weapon (abuse)
@pytest.mark.parametrize(
    "text",
    [
        "my ex said hes coming over with a gun",
        "hes on his way here with a knife. please",
        "my brother said hes coming after me with a bat",
        "she texted shes heading over with her boyfriends gun",
    ],
)
def test_someone_coming_to_me_armed_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "my dad is coming over with his rifle to go hunting saturday",
        "my uncle is coming over with a knife set he got me for christmas",
        "my cousin is coming back with a new gun he bought",
    ],
)
def test_a_hunt_a_gift_or_a_purchase_is_not(text: str) -> None:
    not_crisis(text)


# hiding from someone raging, or a door broken with the kids shut away (abuse)
@pytest.mark.parametrize(
    "text",
    [
        "im hiding in the bathroom, hes drunk and screaming",
        "he's raging and throwing stuff. im hiding in the closet with the baby",
        "locked myself in the car, hes drunk and banging on the window",
        "hes screaming and throwing stuff, he broke the bedroom door. kids are in their room",
        "she punched a hole in the wall and im scared to come out of the bathroom",
    ],
)
def test_hiding_from_someone_raging_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "hiding from the kids in the closet for the surprise party lol",
        "my roommates are drunk and yelling at the game so im hiding in my room",
        "my husband broke the door handle fixing it, kids are in their room",
    ],
)
def test_a_party_a_game_or_a_repair_is_not(text: str) -> None:
    not_crisis(text)


# stepping closer to the edge (at a high place)
@pytest.mark.parametrize(
    "text",
    [
        "the edge is right there. i keep stepping closer",
        "up on the parking garage roof. keep inching closer to the edge",
        "leaning over the railing on the bridge again",
        "at the pullout above the inlet. scooted closer to the edge again",
    ],
)
def test_moving_toward_the_edge_pages(text: str) -> None:
    crisis(text, "crisis:at_a_high_place")


@pytest.mark.parametrize(
    "text",
    [
        "stepping closer to my goals every day",
        "took pics at the overlook, stepping closer to the edge for a better view",
    ],
)
def test_goals_or_a_photo_is_not(text: str) -> None:
    not_crisis(text)


# parking, lying or waiting on the tracks (method)
@pytest.mark.parametrize(
    "text",
    [
        "gonna park on the tracks for the 4:15",
        "thinking about parking on the tracks by the grain elevator tonight",
        "im gonna lay on the tracks when the freight comes",
        "gonna stand on the tracks and wait",
    ],
)
def test_stopping_on_the_tracks_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "took some photos sitting on the tracks downtown",
        "the train was stopped on the tracks for an hour, late to group",
    ],
)
def test_a_photo_or_a_stopped_train_is_not(text: str) -> None:
    not_crisis(text)


# lost count of the pills taken (overdose)
@pytest.mark.parametrize(
    "text",
    [
        "i took another and another and now i dont remember how many",
        "lost count of how many pills i took",
        "took a handful of my xans, dont know how many",
        "swallowed some of the bottle, no idea how many. so sleepy",
    ],
)
def test_a_count_lost_of_pills_taken_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    ["lost count of how many days clean i am lol", "lost count of how many times i watched that show"],
)
def test_days_clean_or_a_show_is_not(text: str) -> None:
    not_crisis(text)


# the night chosen, and an apology said alone (intent)
@pytest.mark.parametrize(
    "text",
    [
        "tonights the night i think. sorry yall",
        "tonight is the night. sorry all",
        "todays the day. sorry everyone",
        "i think tonights the night. sorry guys",
    ],
)
def test_the_night_chosen_and_an_apology_pages(text: str) -> None:
    crisis(text, "crisis:intent")


@pytest.mark.parametrize(
    "text",
    [
        "tonights the night! big date, sorry yall im skipping bowling",
        "tonight is the night of the finale. sorry im late",
    ],
)
def test_a_date_or_a_finale_is_not(text: str) -> None:
    not_crisis(text)


# in a body bag, six feet under; gone to sleep and not come back (passive wish)
@pytest.mark.parametrize(
    "text",
    [
        "told my supervisor id rather be in a body bag than work another double",
        "id honestly rather be in a bodybag",
        "if i just went to sleep n didnt come back that would be fine by me",
        "i wouldnt mind if i went to sleep and never came back",
    ],
)
def test_a_body_bag_or_sleep_without_return_wished_pages(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "they zipped him into a body bag on the show",
        "the kids went to sleep and i came back downstairs to watch tv",
    ],
)
def test_a_show_or_bedtime_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "scared to go back inside, he punched a hole in the wall right by my head",
        "im scared to go back in the house, she smashed the bedroom door and took my phone",
    ],
)
def test_a_wall_broken_told_with_going_back_is_now_not_history(text: str) -> None:
    # a check (abuse.historical) here would also keep the learned layer from paging
    crisis(text, "crisis:abuse")


def test_pills_hidden_years_ago_are_not_hiding_from_someone() -> None:
    not_crisis(
        "i used to keep a bottle of pills hid for a bad day, years ago. threw them out when i got sober"
    )
