"""English, session 17e (issue 13, en14): the passive wish typed fast ("wana", "dnt"), overdoses told plainly
(a count said "like 8", "all of them" already swallowed), and the hard negatives beside each family. Every case is a
paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


def _level(text: str) -> Level:
    return assess(text).level


@pytest.mark.parametrize(
    "text",
    [
        "i dont wana be alive anymore",
        "dont wana live no more honestly",
        "i dnt wanna be here anymore",
        "i wana die tbh",
        "honestly i dnt wanna wake up tomorrow",
    ],
)
def test_the_passive_wish_typed_fast_is_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont wana go back to that job anymore",
        "i dnt wanna live with my roommate anymore",
        "i dont wana drink anymore, that's why im here",
    ],
)
def test_a_typed_fast_wish_about_something_else_is_no_crisis(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "took like 8 xanax",
        "i drank half a bottle of jack and swallowed 6 percs",
        "took my sleeping pills, about 12 of them",
        "downed my dads oxys, maybe 20",
        "i took like seven of my klonopin",
        "took my grandmas pain pills, at least 15",
    ],
)
def test_a_count_of_pills_taken_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "took my pills like 10 minutes ago",
        "took my meds, like 5 hours ago",
        "took my pills at like 8 am",
        "i took like 6 advil for my back",
        "i take 6 gabapentin a day like my doctor said",
        "took my vitamins, like 12 of them lol",
    ],
)
def test_a_number_that_is_a_time_a_habit_or_a_small_dose_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i already swallowed them all",
        "already swallowed them, all of them",
        "i swallowed every single one",
        "i swallowed em all, every last one",
    ],
)
def test_them_swallowed_all_of_them_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed my pride, all of it",
        "the kids swallowed them all, the gummies i mean",
        "i popped them all in the microwave",
    ],
)
def test_pride_or_someone_else_swallowing_is_no_overdose_of_mine(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "been clean 45 days and i threw it away friday",
        "two months clean and i tossed it last night",
        "had 6 months clean, ruined it saturday",
        "i was clean since christmas and i blew it this weekend",
    ],
)
def test_clean_time_thrown_away_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "cleaned my room and tossed it all",
        "i threw it away, the old clean shirt",
        "i'm 60 days clean and not gonna throw it away",
        "i stayed sober and i nailed it",
    ],
)
def test_a_chore_or_clean_time_kept_is_no_relapse(text: str) -> None:
    assert _level(text) != Level.RELAPSE, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "i kinda want to disappear for a while, like a vacation",
        "i want to disappear for a while, need a break from everyone",
        "sometimes i wanna vanish for a little while and go camping",
        "i wish i could disappear for awhile",
    ],
)
def test_disappearing_for_a_while_is_asked_about_not_paged(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "i want to disappear",
        "i just want to disappear, i've been feeling like this for a while",
        "thinking of ending things",
    ],
)
def test_disappearing_or_ending_things_without_a_break_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking of ending things w my gf",
        "im ending things w him tonight",
        "ending things w my boyfriend, he cheated",
        "should i end things w her or wait",
    ],
)
def test_ending_things_w_a_partner_is_a_break_up(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gonna end it with pills tonight",
        "end it all w a gun",
        "thinking about ending things with a rope",
        "i'll end it with my dads pistol",
    ],
)
def test_ending_it_with_a_means_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "end it with a knife fight in the movie",
        "we should end it with a toast",
        "ending things with my gf",
    ],
)
def test_ending_a_film_a_party_or_a_relationship_is_no_crisis(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I feel like I'm drowning with all these assignments",
        "i feel like im drowning in bills",
        "it feels like i'm drowning at work",
        "been feeling like i'm drowning lately",
    ],
)
def test_drowning_as_a_feeling_is_a_check_not_a_page(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    ["i feel like drowning myself", "i want to drown myself", "thinking about drowning myself in the lake"],
)
def test_drowning_myself_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["im so high rn lmao", "i'm so drunk right now lol", "im so stoned haha", "i was so wasted last night"],
)
def test_so_high_is_read_as_high(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    ["im so high up on this ladder", "my rent is so high rn", "i'm so tired after work lol"],
)
def test_so_high_up_or_a_high_price_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "ok im outside my dealers house",
        "im near my old dealers apartment",
        "standing outside the plugs spot again",
        "im right by my dealers place",
    ],
)
def test_at_the_dealers_door_is_a_craving_at_least(text: str) -> None:
    assert _level(text) >= Level.CRAVING, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    ["cops were outside my old dealers house on the news", "waiting outside for the guy to fix my car"],
)
def test_the_dealers_house_on_the_news_or_a_repair_guy_is_no_craving(text: str) -> None:
    assert _level(text) not in (Level.CRAVING, Level.RELAPSE, Level.CRISIS), assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "haven't slept in days and the voices are loud",
        "the voices are back",
        "hearing voices again",
        "the voices in my head wont stop talking",
    ],
)
def test_voices_heard_loud_or_back_are_asked_about(text: str) -> None:
    assert _level(text) >= Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "the voices in the choir were loud",
        "i heard voices next door, the neighbors are loud",
        "lost my voice from yelling at the game",
    ],
)
def test_voices_of_people_or_music_are_nothing(text: str) -> None:
    read_as(text, Level.NONE)
