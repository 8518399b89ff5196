"""The suicide family, round 10 (issue 13): weak signs that make a crisis only beside a stronger one
("don't worry about me" + "after tonight", "cancel my sessions" + "I won't be needing them", "I'm ready"
after a decision, nobody must come, a reason told and taken back), burden said as "fine without me",
self-harm with everyday verbs, the painless way asked bare, Spanish "acabar conmigo" / "darme un tiro".
Every case is a paraphrase written for this test, not a corpus message; each family has ordinary readings
with the same words that must not page anyone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("dont worry about me after tonight", "crisis:signals.finality+reassure"),
        ("no te preocupes por mi, ya no voy a estar", "crisis:signals.finality+reassure"),
        (
            "go ahead and cancel my sessions. won't need them where im going",
            "crisis:signals.cancelled+finality",
        ),
        ("its time. i'm ready", "crisis:signals.ready+resolved"),
        ("ya lo decidi. estoy listo", "crisis:signals.ready+resolved"),
        ("gave my brother my watch and my guitar. i'm ready", "crisis:signals.farewell+ready"),
        ("i've decided. please don't call anyone", "crisis:signals.no_rescue+resolved"),
        ("ya tome la decision, no quiero que nadie venga", "crisis:signals.no_rescue+resolved"),
        (
            "sold my truck to my cousin. told him i needed the cash. that's not really why",
            "crisis:signals.farewell+pretense",
        ),
        ("gave my sister my jewelry. she doesnt know why", "crisis:signals.farewell+secret"),
        ("honestly everyone would be fine without me", "crisis:burden"),
        ("mis hijos estarian bien sin mi", "crisis:burden"),
        ("whats the least painful way", "crisis:method"),
        ("cual es la manera menos dolorosa?", "crisis:method"),
        ("i keep picking at my arm with a pin till it bleeds, i deserve it", "crisis:self_harm"),
        ("me raspe los brazos con la cuchilla otra vez", "crisis:self_harm"),
        ("tengo ganas de acabar conmigo ya", "crisis:end_it"),
        ("a veces pienso en pegarme un tiro", "crisis:kill_self"),
        ("i just want to close my eyes and not open them again", "crisis:passive_wish"),
        ("ojala pudiera dormir y no abrir los ojos nunca mas", "crisis:passive_wish"),
    ],
)
def test_a_weak_sign_beside_a_strong_one_or_a_new_phrasing_is_a_crisis(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and reason in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "dont worry about me, i'm just tired from work",
        "don't worry about me tonight, i'm at my sister's",  # a weak sign and a time: no crisis
        "no te preocupes por mi, estoy bien, nomas cansada",
        "can you cancel my session tomorrow, i have the flu",
        "interview is tomorrow at 9. i'm ready",
        "my sponsor wants me to write out my 4th step. its a lot but im doing it",
        "please don't call me tonight, i'm at work till late",
        "no quiero que me llamen hoy, estoy ocupada con los ninos",
        "gave my sister my old jacket, told her it was too small. it was",
        "sold my car to my cousin, told him it runs great. its not lol its a lemon",
        "the team will be fine without me this weekend",
        "mi hija va a estar bien sin mi en la fiesta, ya esta grande",
        "what's the least painful way to get a tattoo",
        "scraped my arm on the fence fixing the gate",
        "me rasque el brazo por un piquete de mosco",
        "mi novia quiere terminar conmigo",
        "el partido de hoy fue un tiro al arco tras otro",
        "i was so tired i could not open my eyes this morning",
        "en el juego me mataron como 10 veces seguidas",
        "finally beat the final boss. died like 200 times",
    ],
)
def test_the_same_words_in_an_ordinary_reading_page_nobody(text: str) -> None:
    assert assess(text).level < Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "no quiero ser una carga para nadie",
        "lost 5 games in a row kms lmao",
        "el examen me tiene al borde del suicidio jajaja",
    ],
)
def test_a_burden_or_a_laughing_hyperbole_is_asked_about_not_paged(text: str) -> None:
    assert assess(text).level == Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "el examen final me mató pero aprobé",  # "X me mató" of an exam, the gym, a joke
        "el gimnasio me mató hoy, me duelen las piernas",
        "me corté picando cebolla para la cena",
        "overdosed on candy at the movies lol",
        "me di una sobredosis de chocolate en navidad",
        "a mi hermana le quedó el pastel mejor que a mí",
        "running 5 min late, like the traffic on the bridge is insane",
    ],
)
def test_idioms_of_dying_and_kitchen_cuts_page_nobody(text: str) -> None:
    assert assess(text).level < Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "de adolescente me cortaba, ya no lo hago",  # the imperfect is the past
        "there was a suicide at my nephews college, so sad",  # someone else's death: asked about
    ],
)
def test_an_old_habit_or_someone_elses_suicide_is_asked_about(text: str) -> None:
    assert assess(text).level == Level.CHECK, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    ["it was a suicide attempt last night, mine", "el examen me mató. me quiero matar", "me mato hoy"],
)
def test_the_same_words_about_myself_still_page(text: str) -> None:
    assert assess(text).level == Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "if i hear that song at work one more time im jumping out the window lol",  # hyperbole, laughed at
        "uy esa salsa picante me mató, me lloran los ojos",
        "bueno ya me voy a tirar a dormir, mañana madrugo",
        "i want a new truck",  # one vehicle word filled two slots of accident_wish
        "i hope the bus is on time",
    ],
)
def test_hyperbole_and_plain_wishes_page_nobody(text: str) -> None:
    assert assess(text).level < Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "if i have to go back to that house im gonna kill myself",  # no laughter: meant
        "wish i'd get hit by a car on the way home",
        "i keep hoping the bus doesnt stop when i cross",
        "ojala un carro no frenara cuando cruzo",
    ],
)
def test_the_same_shapes_meant_still_page(text: str) -> None:
    assert assess(text).level == Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "standing at the lookout where we used to picnic. its a long way down. cant stop thinking about it",
        "estoy en el puente, hace mucho frio y pienso en tirarme",  # the weather, not "long ago"
        "todays the day. i feel lighter already",
        "sleep forever sounds nice right now",
    ],
)
def test_a_memory_of_the_place_or_the_weather_does_not_make_it_history(text: str) -> None:
    assert assess(text).level == Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "feel lighter after group today",
        "todays the day! 90 days sober",
        "the lookout where we used to picnic is closed now",
    ],
)
def test_calm_a_big_day_or_a_memory_alone_pages_nobody(text: str) -> None:
    assert assess(text).level < Level.CRISIS, assess(text).reasons
