"""Round 9's relapse and check families, each in phrasings written for this test (not from any corpus),
with the ordinary readings of the same words that must stay down: a lapse said as a fall or a setback
with its time, a clean date that is today again, not sober since a day, a dose doubled; a future that
cannot be pictured, being shut in, not talking to anyone for days, not caring about anything."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "honestly i went back out during thanksgiving, i'm so ashamed",
        "went back out for like three days",  # a time after little words: 'for', 'like', a count
        "had a setback on friday, the kind you warned me about",
        "fell off again last night",
        "i picked back up",
        "i did what i swore i wouldn't do",
        "my clean date is today now. again.",
        "had to start my count over this morning",
        "haven't been clean since the weekend",
        "doubled up on the xanax yesterday",
        "popped 3 of them and felt amazing",
        "had 15 beers by midnight",
        "wasted again last night, can't believe it",
        "got sauced at my cousins wedding",
        "reinicié mi conteo otra vez, ya saben por qué",
        "me jalé una raya en la fiesta",
        "terminamos dándole al tequila toda la noche",  # 'we' is the speaker too
        "volví al vicio esta semana",
        "no estoy limpio desde el sábado",
        "quería avisarles que el sábado tomé cerveza",  # a polite 'I wanted to' is no craving
        "toy bien prendío desde anoche",
    ],
)
def test_a_lapse_in_slang_or_euphemism_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "went back out to the car to grab my charger",
        "went back out on the porch to smoke a cigarette",
        "we had a setback at work with the new system",
        "fell off my bike again lol, knee is scraped",
        "the doctor doubled my dose of sertraline",
        "my clean date is today! one year!!",
        "been sober since march and feeling good",
        "took a few days off work to rest",  # a stretch of days right after the verb is no time
        "my anxiety is high again today",
        "fui para atrás de la casa a buscar al perro",
        "hoy es mi fecha de sobriedad, un año limpio",
        "le piqué cebolla a la sopa",
        "i wanted to let you know i'll be late to group",
    ],
)
def test_the_same_words_in_ordinary_use_are_not_a_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "i cant imagine anything good happening for me",
        "don't see how my life ever gets fixed",
        "nothing's ever gonna work out for me",
        "why even keep fighting at this point",
        "my daughter deserves a better mom than me",
        "i dont care about anything anymore, court, job, none of it",
        "curtains drawn, in bed all day, phone off",
        "haven't talked to anyone in days",
        "i just don't want to be around anybody",
        "i'm out of fight",
        "ya me cansé de luchar contra esto",
        "no me imagino nada bueno para mi",
        "mi vida ya no tiene arreglo",
        "q importa si tomo o no, nadie se da cuenta",
        "me la paso acostada mirando el techo",
        "i'm a lost cause",
        "just taking up space at this point",
        "i stopped going to meetings and i don't answer my sponsor",
        "whats the difference, sober or not, still broke",
    ],
)
def test_hopelessness_and_shutting_in_told_in_other_words_are_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "i dont see why not, sounds good",
        "stayed in bed all day with the flu",
        "blinds closed cause its so hot",
        "why keep going to the same store when the other one is cheaper",
        "haven't talked to anyone about my new job yet",
        "we need to work out the schedule",
        "me cansé de esperar el camión",
        "whats the difference between a lapse and a relapse",
    ],
)
def test_the_ordinary_readings_are_not_asked_about(text: str) -> None:
    assert assess(text).level < Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "been thinking about shooting up the office that laid me off",
        "i'm going to torch his car tonight, he had it coming",
        "gonna put antifreeze in her coffee, i already got it",
        "if she takes the kids from me i'm taking all of us with me",
        "heading to his place right now with the strap",
        "my uncle hits me when he's drunk",  # violence told as a habit
        "my boyfriend shoves me around if i talk to other guys",
        "he forces me to have sex with him or he takes my money",
        "mi esposo me obliga a tener relaciones cuando llega borracho",
        "mi padrastro me agarra a patadas cada que se enoja",
        "she said if i don't pay by friday she'll end me",  # the 'don't' of a condition negates nothing
        "mi ex me dijo que si no le contesto me va a matar",
        "my ex keeps driving past my house at night and he left a bullet on my car",
        "mi ex ya sabe dónde vivo y tengo mucho miedo",
    ],
)
def test_threats_abuse_and_danger_told_in_other_words_are_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i'd kill somebody for a cheeseburger rn",
        "compramos veneno para las cucarachas",
        "we watched a documentary about a wife who poisoned her husband",
        "it hit me when i saw my son graduate",
        "drove past the bar and kept going, proud of myself",
        "i know where he lives, i'm bringing him a casserole tomorrow",
        "mi hermano se comió mi pastel, lo voy a matar jajaja",  # laughing: asked about, not paged
        "ya me quiero aventar por la ventana jajaja es broma",  # said to be a joke, laughing
        "shot myself in the foot again by missing the deadline",
        "i took the kids with me to the park, we had fun",
        "tomé mate con mi abuela",
        "gonna burn his mixtape to a cd lol",
    ],
)
def test_idioms_jokes_and_errands_stay_below_crisis(text: str) -> None:
    assert assess(text).level < Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "me quiero aventar por la ventana jajaja no es broma",  # "no es broma": meant
        "me quiero matar, es broma",  # a joke said without laughing is not taken at its word
    ],
)
def test_a_joke_lowers_a_crisis_only_when_said_to_be_one_and_laughed(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i messed up saturday. you know what i mean", Level.RELAPSE),  # 'you know' in the next sentence
        ("my friend gave me two of her adderall. took both this morning", Level.RELAPSE),
        ("its a thing again, the pills", Level.RELAPSE),
        ("grabbed a few of my moms percs", Level.RELAPSE),
        ("its never going to get better. i know how this ends", Level.CHECK),
        ("can't even make myself care about my own birthday", Level.CHECK),
        ("nunca voy a llegar a nada, mi papá tenía razón", Level.CHECK),  # a double negative is no negation
    ],
)
def test_a_disclosure_told_across_two_sentences_or_in_a_double_negative(text: str, level: Level) -> None:
    assert assess(text).level >= level


@pytest.mark.parametrize(
    ("text", "below"),
    [
        ("in 2019 i overdosed in a parking lot. 3 years clean now", Level.CRISIS),  # a past year: history
        ("when i was feeding the dog i fell and hurt my wrist", Level.RELAPSE),
        ("it's a thing again, everyone wearing flares", Level.RELAPSE),
        ("my friend gave me a ride to group. took it gladly", Level.RELAPSE),
        ("my landlord is kicking me out friday and i dont know where ill go", Level.CRISIS),
    ],
)
def test_history_errands_and_evictions_stay_down(text: str, below: Level) -> None:
    assert assess(text).level < below
