"""Session 20 (en18): method, passive wish and intent as last round's held-out writers told them and the rules missed
(G11 rules alone: method 13/20, passive wish 15/20, high place 15/20): at the tracks with the train's times told, a
wish that a vehicle had hit me, something taking the house "with me in it", not waking up "fine with me", cutting
deep, checking out for real, "offing myself", a thought "like a radio stuck on one station", drifting into oncoming
traffic, the means seen again and again in my mind. Paraphrases written for this test, not corpus messages; rules alone
(conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "sitting on the tracks near the yard. trains come thru here around midnight",
        "im sitting on the rails right now, the freight comes through at 2",
        "by the tracks behind the plant, train passes every half hour. sitting here to decide",
        "laying on the rails, the train goes by at like 3",
    ],
)
def test_at_the_tracks_with_the_train_times_told_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "we walked along the tracks and a train came through, the kids waved",
        "my brother drives freight, his train comes thru town at 5",
        "we live by the tracks so the train passes every night, took a while to decide on the house",
    ],
)
def test_the_tracks_on_a_walk_a_stall_or_a_home_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "a semi came into my lane and i wish it had just hit me",
        "kinda wish that truck would have hit me",
        "bus almost clipped me today. honestly i wish it had hit me",
        "i keep wishing a car would hit me on my walk home",
    ],
)
def test_a_wish_that_a_vehicle_had_hit_me_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to hit the car in front of me lol",
        "i wish the ball had hit me instead of my son",
    ],
)
def test_road_rage_or_a_ball_is_no_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "some nights i pray the next storm takes the house with me in it",
        "hope the fire takes the whole trailer with me inside",
        "i wish the roof would cave in with me under it",
        "praying the boat sinks with me in it",
    ],
)
def test_wishing_it_all_taken_with_me_in_it_pages(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "the storm shook the house with me in it, scary night but we are ok",
        "drove the car through the car wash with me in it lol",
    ],
)
def test_with_me_in_it_told_not_wished_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "if i dont wake up tomorrow it is fine with me",
        "if i never wake up thats fine by me",
        "if i dont wake up tomorrow thats ok with me",
        "if i dont wake up tomorrow honestly i prefer it",
    ],
)
def test_not_waking_up_fine_with_me_pages(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "if i dont wake up on time tomorrow its fine with me, its my day off",
        "whatever you pick for dinner is fine with me",
    ],
)
def test_oversleeping_or_dinner_fine_with_me_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking about cutting deep this time not the surface stuff",
        "gonna cut deeper this time",
        "i want to cut deep tonight",
        "planning to cut deeper than last time",
    ],
)
def test_cutting_deep_thought_of_or_meant_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "thinking about cutting deep into our budget this month",
        "gonna cut the roots deeper this time so the weeds stop",
    ],
)
def test_a_budget_or_roots_cut_deep_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "fuck it im checking out for real this time",
        "im checking out for good",
        "gonna check out tonight, i mean it",
        "done. checkin out for real",
    ],
)
def test_checking_out_for_real_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "checking out of the hotel for real this time, finally home",
        "gonna check out the new gym tonight for real",
        "im checking out early today, doctor appointment",
    ],
)
def test_checking_out_of_a_hotel_or_a_gym_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brain wont shut up about offing myself",
        "been thinking about offing myself",
        "cant stop thinking about suicide, its like a radio stuck on one station",
        "thinking about suicide all day like a broken record",
    ],
)
def test_offing_myself_or_a_thought_like_a_song_on_repeat_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the song on the radio was about suicide, turned it off",
        "cant stop thinking about that song, its like a radio stuck on one station",
    ],
)
def test_a_song_about_it_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking about drifting the truck into oncoming traffic on the way home",
        "might veer into the median on the way home",
        "keep thinking about veering into a pole",
        "wanna just drift into oncoming on the highway",
    ],
)
def test_drifting_into_oncoming_traffic_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "i was drifting off to sleep on the couch",
        "the car kept veering to the right, need an alignment",
    ],
)
def test_drifting_off_to_sleep_or_an_alignment_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the extension cord in the garage. i keep seeing it in my mind",
        "the rope in the shed, i keep picturing it",
        "dads gun in the closet. cant stop seeing it",
        "my belt on the hook. i keep seeing it when i close my eyes",
    ],
)
def test_the_means_seen_again_and_again_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the new couch at the store, i keep seeing it in my mind, want to buy it",
        "i keep picturing it, the beach trip next month",
    ],
)
def test_a_couch_or_a_trip_pictured_does_not_page(text: str) -> None:
    not_crisis(text)
