"""English, session 14 (issue 13): a medical emergency after a use is an overdose under way, an overdose that
needed emergency care told the day after, a voice heard without the word "voices", a joke taken back ("lol but
fr"), and four readings that paged or flagged nobody's news: a song listened to, "i'll pick up" (the phone),
"dying to" see a film, a chest "crushing" read as a crush. Every case is a paraphrase written for this test,
not a corpus message; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "chest pain after that hit, left arm tingling",
        "i used and now my heart wont slow down",
        "smoked some crack an hour ago and my chest is killing me",
        "heart beating out of my chest after a bump, its not stopping",
        "did a couple lines. my arm went numb and my chest hurts",
        "my roommate took some xanax and now hes seizing",
        "drank all day and now im having a seizure i think",
        "did way too much dope, chest is crushing",
    ],
)
def test_a_medical_emergency_after_a_use_is_an_overdose_under_way(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "my chest hurts after leg day at the gym",
        "chest hurts from coughing all night, this flu is brutal",
        "my arm is numb from sleeping on it",
        "my heart races when i think about using",
        "detox is rough, shaking and my chest hurts, day 3 off the pills",
        "chest pain from the panic attack this morning, havent used in 40 days",
        "my chest hurt all the time when i was using, glad those days are over",
    ],
)
def test_the_same_signs_with_another_cause_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "at the hospital rn, took too much yesterday",
        "they pumped my stomach this morning, i took way too much",
        "woke up in the icu after taking too much last night",
        "paramedics narcanned me an hour ago, used too much",
        "ambulance brought me in last night after i did too much, theyre keeping me for observation",
    ],
)
def test_too_much_taken_with_emergency_care_now_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "ended up in the ER last month after taking too much, been clean since",
        "i took too much cough syrup for my cold lol",
        "long night at work in the ER, so tired",
        "ate way too much at thanksgiving, now at the hospital with grandma for her checkup",
    ],
)
def test_too_much_months_back_or_without_emergency_care_pages_nobody(text: str) -> None:
    not_crisis(text)


def test_someone_else_who_took_too_much_is_asked_about() -> None:
    result = assess("im at the hospital with my mom, she took too many of her pills")
    assert result.level == Level.CHECK, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i keep hearing someone telling me to jump",
        "hearing a voice saying i need to cut myself",
        "the whispers are back, i hear them whispering that i should just die",
        "a voice keeps telling me to hurt myself",
    ],
)
def test_a_voice_heard_commanding_harm_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i hear them telling me the new taco place is to die for",
        "i hear them arguing every night through the wall",
        "heard a voice message from my grandma today",
        "i hear them telling me im doing better in group",
    ],
)
def test_people_heard_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to die lol but fr",
        "i wanna die haha not joking",
        "kms lmao but deadass",
        "thinking about taking a long walk off a short pier tonight",
        "gonna take a long walk off a short pier lol but fr",
    ],
)
def test_a_joke_taken_back_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gonna take a long walk off a short pier lol",
        "if i have to sit thru one more meeting i'm gonna shoot myself lol jk but seriously its boring",
        "lol fr that movie was so good",
        "this traffic is gonna kill me lol for real",
        "my ex can take a long walk off a short pier",
    ],
)
def test_a_joke_left_a_joke_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        'listening to "suicide and redemption" by metallica on repeat',
        "been listening to that song suicidal all day lol",
        "listened to the new album, the one about overdosing hits hard",
    ],
)
def test_a_song_listened_to_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "nobody is listening to me and i want to die",
        "i keep listening to the voices telling me to kill myself",
        "nobody listened to me so im going to end it tonight",
    ],
)
def test_a_person_not_listened_to_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("ok. im home. i'll pick up", Level.NONE),
        ("call me later, i'll pick up", Level.NONE),
        ("i'm dying to see the new marvel movie", Level.NONE),
        ("im dying to try that new burger spot", Level.NONE),
        ("gonna pick up some dope after work", Level.CRAVING),
        ("going to pick up from my dealer tonight", Level.CRAVING),
        ("i'm dying to get high rn", Level.RELAPSE),
        ("lost my time. had to pick up another white chip", Level.RELAPSE),
    ],
)
def test_pick_up_and_dying_to_read_by_what_follows(text: str, level: Level) -> None:
    result = assess(text)
    assert result.level == level, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my son died in march. i just want to join him",
        "since my wife passed all i think about is joining her",
        "lost my brother last year, some nights i wanna join him",
    ],
)
def test_joining_someone_who_died_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "my grandma passed last year, joining my cousins for lunch sunday to remember her",
        "lost my job so im joining my brother's roofing crew",
        "thinking about joining a gym with my sister",
        "i hope my husband joins me at group, he lost his dad last month",
    ],
)
def test_joining_the_living_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "at the bridge, trying to work up the nerve",
        "top of the parking garage. been sitting here an hour getting up the courage",
        "sitting in the truck with the glock right now, safety's off",
        "took the safety off and its in my hand",
        "he made me have sex with his buddies to pay for the dope, he says hell put me out if i dont",
        "my landlord makes me do stuff for him so i can keep my room",
    ],
)
def test_the_nerve_at_a_high_place_a_gun_made_ready_and_sex_as_rent_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "trying to get the nerve to ask her out lol",
        "trying to get the nerve to call my dad, on the roof of my building smoking",
        "took the safety course for my gun permit",
        "got the 9 am shift tomorrow, safety meeting after",
        "my daughter makes me do her hair every morning lol",
    ],
)
def test_courage_for_a_talk_a_safety_course_and_chores_page_nobody(text: str) -> None:
    not_crisis(text)
