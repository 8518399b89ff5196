"""Crises told through a means, a dose or a farewell rather than a word of death (issue 13, round 4).

Each case is a paraphrase written for the test, not a corpus message: a family of phrasings must fire,
and an ordinary reading with the same words must not page anyone.
"""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("left the engine running in the garage and shut the door", "crisis:method"),
        ("tengo el carro prendido en la cochera con la puerta cerrada", "crisis:method"),
        ("sadly still alive after last night", "crisis:passive_wish"),
        ("le pido a dios que me lleve esta noche", "crisis:passive_wish"),
        ("snorted everything i had, if i go i go", "crisis:overdose"),
        ("me metí todo, que sea lo que dios quiera", "crisis:overdose"),
        ("took a bunch of pills and if i dont come back thats ok", "crisis:passive_wish"),
        ("punched the mirror till my knuckles split", "crisis:self_harm"),
        ("relapsed on self harm last night", "crisis:self_harm"),
        ("deleted all my socials. told my dad i love him", "crisis:signals.farewell+finality"),
        ("called my brother to say i love him. didnt tell him why", "crisis:signals.farewell+secret"),
        ("lying here thinking not waking up would be a relief", "crisis:passive_wish"),
        ("gave away my cat this morning", "crisis:giving_things_away"),
        ("estoy parado en la vía del tren", "crisis:at_a_high_place"),
        (
            "after my wife is asleep tonight i'm taking all of them",
            "crisis:signals.means_at_hand+others_away+when",
        ),
        ("not sure i'll still be alive by friday honestly", "crisis:passive_wish"),
        ("i'll be gone by friday. i've decided", "crisis:signals.finality+resolved+when"),
        ("thinking about hitting the wall at full speed on the freeway tonight", "crisis:method"),
        ("took double my usual amount on purpose", "crisis:overdose"),
        ("the rope is in my truck", "crisis:means_at_hand"),
        ("ya sé cómo y cuándo.", "crisis:plan"),
        ("at the quarry. legs hanging over the edge", "crisis:signals.at_place_of_means+looking_down+place"),
        ("found a good home for my cat. made my peace", "crisis:signals.rehoming+resolved"),
    ],
)
def test_a_means_a_dose_or_a_farewell_is_a_crisis(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and reason in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "warming up the car in the garage, it's freezing today",
        "bought charcoal and duct tape for the bbq saturday",
        "ugh still here at work lol, long shift",
        "i pray god takes care of my mom",
        "if i go i go, gonna ask her out at the party tomorrow",
        "hit my head on the door getting in the car lol",
        "urge to cut my hair short tonight",
        "called my mom to say i love her, happy mothers day",
        "one more time before bed i'll try the breathing exercise tonight",
        "deleted instagram for a detox, feeling good",
        "i'm on the bridge of my guitar learning chords lol",
        "taking all of them to the zoo tomorrow, wish me luck",
        "i'll be gone all week, back on monday",
        "drove at full speed to get to work on time",
        "found a new home for my cat because my landlord said no pets. see you tuesday",
    ],
)
def test_the_same_words_in_an_ordinary_day_stay_below_crisis(text: str) -> None:
    assert assess(text).level != Level.CRISIS, assess(text).reasons
