"""English, session 12 (issue 13): told, not lived. A death, a method or an overdose named in a song, a
show, a game, the news or at someone's funeral is asked about ("check"), never paged, while the same words
about the speaker still page; a knife in the kitchen is no self-harm; "don't worry, I'm safe" is not
"not safe". Every case is a paraphrase written for this test, not a corpus message."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


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
    result = assess(text)
    assert result.level == Level.CHECK, result.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("been listening to sad songs all night and i just want to die", "crisis:passive_wish"),
        ("after the funeral today i honestly want to die too", "crisis:passive_wish"),
        ("i overdosed last night and nobody knows", "crisis:overdose"),
        ("my buddy died of an overdose and now i want to overdose too", "crisis:overdose"),
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
    assert assess(text).level != Level.CRISIS, assess(text).reasons
