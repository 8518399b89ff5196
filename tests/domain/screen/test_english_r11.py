"""English, session 11 (issue 13): an overdose told by the body (a chest crushing, a heart pounding,
"i think im dying") beside the drug or the dose; a recent "an hour ago" is no history; a passive wish told
as a heart or a liver hoped to stop, an illness hoped for, something hoped to hit me, sorry to wake, "it
should have been me" beside a death; UK, Irish and Australian words for drinking and using. Every case is
a paraphrase written for this test, not a corpus message; each family has ordinary readings with the same
words that must not page anyone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hit the pipe way too hard, my chest feels like its caving in", "crisis:overdose"),
        ("my buddy railed a bunch of fent and his lips are going blue", "crisis:overdose"),
        ("sank a litre of vodka and 20 of my pills, heart is pounding", "crisis:overdose"),
        ("i did a whole bag by myself. i think im dying", "crisis:overdose"),
        ("swallowed 25 sleeping tablets about an hr ago", "crisis:overdose"),
        ("some nights i just lie there hoping my heart stops", "crisis:passive_wish"),
        ("id be relieved if my liver finally packed in", "crisis:passive_wish"),
        ("bloods came back bad, liver is shot. honestly hoping it just gets me quick", "crisis:passive_wish"),
        ("sometimes i wish i had cancer so it would all be over", "crisis:passive_wish"),
        ("walking home i kinda hope something hits me", "crisis:passive_wish"),
        ("upset that i woke up again", "crisis:passive_wish"),
        ("my mate overdosed last month and it should have been me", "crisis:passive_wish"),
        ("hope the next point is laced honestly", "crisis:overdose"),
    ],
)
def test_the_body_an_illness_or_a_vehicle_wished_for_is_a_crisis(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and reason in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "three coffees before noon, my heart is pounding lol",
        "panic attack in the car park, chest went tight for ages",
        "my chest is tight from this cold, coughing all night",
        "i think im dying of boredom at this seminar",
        "hope my heart stops racing before the interview",
        "i want my hands to stop shaking, withdrawal is rough",
        "booked in for a cancer screening next week",
        "beat breast cancer 4 years ago and glad every day",
        "hope nothing hits me on the way home, roads are black ice",
        "my brother got the job instead, should have been me tbh",
        "hope this batch isnt laced, testing it with strips",
        "my heart stopped when i saw the rent increase",
        "upset i woke up at 5 again, neighbours drilling",
        "took 2 paracetamol for my headache an hour ago",
    ],
)
def test_the_same_words_read_ordinarily_page_nobody(text: str) -> None:
    not_crisis(text)


def test_dying_with_nothing_taken_is_asked_about_not_paged() -> None:
    result = assess("i think im dying, whats happening to me")
    assert result.level == Level.CHECK and "check:dying" in result.reasons, result.reasons


def test_an_hour_ago_is_news_not_history() -> None:
    result = assess("took 40 of my sleeping pills about an hr ago")
    assert result.level == Level.CRISIS and "crisis:overdose" in result.reasons, result.reasons
    assert assess("took 40 of my sleeping pills years ago").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "was on the lash with the lads till 3",
        "got on the tins after work again",
        "had a few jars at the local, then a few more",
        "absolutely steaming by 9 last night",
        "off my face on pingers at the weekend",
        "had a big sesh on the goon with my cousin",
        "necked 6 cans before the match",
        "every evening it's a bottle of wine again",
    ],
)
def test_uk_irish_and_australian_drinking_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "good gym sesh this morning",
        "totally wasted a whole afternoon on my phone",
        "baked bread with my daughter",
        "ripped my jeans on the fence",
    ],
)
def test_the_same_words_in_everyday_life_are_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "handed my bike and my records over to my neighbour. wont be needing them",
        "gave my parrot to my aunt and told her i wouldnt be needing him back",
        "my uncles shotgun is across my lap right now",
        "pills all counted on the table, sitting here staring at them",
        "the cable is round my neck, sitting in the wardrobe",
        "engine running in the garage, door pulled down",
        "lit a charcoal grill in the bathroom and taped the door",
        "ive decided. im done.",
    ],
)
def test_things_given_away_means_held_a_shut_garage_or_a_decision_are_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gave away my winter coats, wont need them after the move to arizona",
        "gave my parrot to my aunt while im in detox for two weeks",
        "my toddler fell asleep in my lap during the film",
        "let the truck warm up in the garage for ten minutes",
        "fired up the charcoal grill for the kids birthday",
        "im done. heading to bed",
        "im done with my shift, see you thursday",
    ],
)
def test_ordinary_giving_laps_garages_and_being_done_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "honestly been thinking about topping myself",
        "might just do meself in this weekend",
        "my grandads rifle is in the loft. ive been thinking about that a lot",
        "the cord in the garage keeps popping into my head",
        "i hope i wreck on the way to work",
    ],
)
def test_uk_words_for_killing_myself_and_a_means_thought_about_are_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "went to the footy with my mate and enjoyed myself",  # 'mate' is a friend here, not Spanish 'maté' (killed)
        "at the VA all morning, they told me to look after myself",
        "been thinking about that rifle a lot, might buy one for the season",
        "that knife scene in the film keeps popping into my head",
        "hope i get wrecked at the party lol",
    ],
)
def test_a_mate_a_rifle_to_buy_or_a_night_out_page_nobody(text: str) -> None:
    not_crisis(text)


def test_dropped_gs_are_still_read() -> None:
    assert assess("i been thinkin bout takin myself out").level == Level.CRISIS
    assert assess("been poppin bars since friday").level >= Level.RELAPSE


def test_thoughts_back_in_full_force_are_now_and_a_foreman_is_someone() -> None:
    assert assess("suicidal thoughts are back in full force this week").level == Level.CRISIS
    assert assess("gonna run my supervisor over in the car park").level == Level.CRISIS
    assert assess("my landlord wants to kill me lol the rent is late").level != Level.CRISIS
