"""English, session 12 (issue 13): told, not lived. A death, a method or an overdose named in a song, a
show, a game, the news or at someone's funeral is asked about ("check"), never paged, while the same words
about the speaker still page; a knife in the kitchen is no self-harm; "don't worry, I'm safe" is not
"not safe". Every case is a paraphrase written for this test, not a corpus message."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        'cant shake that "i just want to die" chorus, been on the radio all morning',
        "my niece keeps humming some song about wanting to be dead, kids these days",
        "the documentary had a whole chapter on suicide in the military, heavy stuff",
        "in the film the bloke jumps off a tower block at the end, proper grim",
        "the headline said another teen overdosed at a party upstate, so sad",
        "lad from my old meeting passed away from an overdose, the funeral's friday",
        "in minecraft i jumped off a cliff to get back to spawn lol",
        'the lyrics go "i dont wanna live no more" and the whole bar sang along',
    ],
)
def test_a_death_told_in_a_song_a_show_or_the_news_is_asked_about_not_paged(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("been listening to sad songs all night and i just want to die", "crisis:passive_wish"),
        ("after the funeral today i honestly want to die too", "crisis:passive_wish"),
        ("i overdosed last night and nobody knows", "crisis:overdose"),
        # session 15: an intent, named a plan
        ("my buddy died of an overdose and now i want to overdose too", "crisis:overdose_planned"),
        ("standing on the bridge with the radio on, i'm going to jump", "crisis:method"),
        ("i want to cut again tonight", "crisis:self_harm"),
        ("dont worry, im not safe tonight", "crisis:not_safe"),
    ],
)
def test_the_same_words_about_the_speaker_still_page(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and reason in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "reading a murder mystery on the bus, the butler did it",
        "in my game i poisoned the whole royal court, evil run",
        "before you panic, the photo was me cutting onions for the stew",
        "dont worry im safe, just needed to vent a bit",
        "my buddy who OD'd last spring would have been 30 today",
        "i know that last text sounded bad but im not going to do anything",
        "cravings hit hard, ate a tub of ice cream instead",
    ],
)
def test_ordinary_readings_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("been thinking about running my car in the garage with the door shut", "crisis:method"),
        ("the truck's idling in the garage, keys in the ignition, door down", "crisis:method"),
        ("honestly i just wanna be gone", "crisis:passive_wish"),
        ("the kids would be better off if i was just gone", "crisis:burden"),
        (
            "rang all my family today to tell them i love them. wanted them to hear it one more time",
            "crisis:",
        ),
        ("got my hands on a pistol today, you know why", "crisis:acquiring_means"),
        ("been stockpiling my seroquel, you know what for", "crisis:stockpiling"),
        ("swallowed the whole packet of paracetamol", "crisis:overdose"),
        ("i swallowed all my meds at once", "crisis:overdose"),
        ("every morning i wake up and im sad i did", "crisis:passive_wish"),
        ("the noose is up in the garage", "crisis:means_at_hand"),
        ("if a bus hit me tomorrow id be relieved honestly", "crisis:passive_wish"),
        ("hope a truck runs the red and ends it for me", "crisis:accident_wish"),
        ("anyone want my ps4 and controllers, free. wont be needing them", "crisis:signals"),
        ("i overdosed an hour ago and im scared", "crisis:overdose"),
        ("got the pills in my hand right now and im gonna take them all", "crisis:"),
    ],
)
def test_preparation_means_and_passive_wishes_told_plainly_page(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and any(r.startswith(reason) for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "running the car to warm it up, its freezing in the garage",
        "left the keys in the ignition at the gas station lol",
        "i want to be gone by 5 today",
        "i want to be gone before the snow hits",
        "bought a rifle for deer season, you know why lol",
        "you know why i love mondays? group",
        "swallowed my pride and called my sponsor",
        "swallowed a bottle of water after my run",
        "i swallowed everything he said like an idiot",
        "i woke up at 5 and im mad i did not sleep in",
        "rope is tied to the boat, ready for the lake",
        "the rope swing is up for the kids",
        "hope the bus ends up waiting for me",
        "my roommates lasagna was so salty i thought i was gonna die lol",
        "ems run tonight, one was an overdose, narcan brought her back",
        "had a beer in my hand at the party and put it back, still sober",
        "when i got back from afghanistan i kept a pistol under my pillow. that was 2011",
        "my sister asked me straight up if i was thinking about hurting myself and i said no",
    ],
)
def test_the_same_words_in_ordinary_life_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "back at day 1 after last night",
        "didn't stay sober at the work party",
        "did a line in the bathroom at the club saturday",
        "had rum in my coffee before my shift",
        "smoked weed three nights ago, havent told my sponsor",
        "not gonna lie i drank friday",
    ],
)
def test_a_reset_count_or_a_use_where_it_was_hidden_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "took my meds in the bathroom this morning",
        "not gonna lie, i didn't drink at the wedding",
        "my buddy didnt stay sober at the wedding",
        "made coffee and sat in my coffee corner reading",
    ],
)
def test_no_use_told_is_no_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE, assess(text).reasons
