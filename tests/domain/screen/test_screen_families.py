"""Whole families of disclosures, each in phrasings written for this test (not from any corpus), with
the ordinary readings that must stay down: relapse told through someone else's pills, a dose counted
without a name, sobriety lost, a pattern of use."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "grabbed a few of my grandpas percs from his nightstand",
        "took two of my girlfriend's xanax last night to sleep",
        "found my moms old vicodin in the bathroom and took 3",  # the owner is not the subject
        "swiped some adderall off my coworker",
        "popped a couple last night, dont tell anyone",
        "me robé unos clonazepam de mi abuela",
        "tomé unas pastillas de mi tía que no eran mías",
        "me tomé unas cuantas de mi mamá",
        "threw away 8 months of sobriety on saturday",
        "ya perdí mi sobriedad otra vez",
        "i'm not sober anymore",
        "been on the dope every day this week",
        "back to a 12 pack a day",
        "went back out after my sister's funeral",
        "had a little lapse last weekend",
        "my 30 day chip doesnt count anymore",
        "i'm taking my klonopin 3 at a time now, not for anxiety",  # one's own pills, misused
        "my cousin gave me a couple of his percs and i took them",
        "me vendieron unas tachas y me las tomé",
        "crack again. i know.",
        "volví al cristal",
        "smoked weed 6 days in a row",
        "la cagué otra vez el sábado",
    ],
)
def test_a_use_told_without_the_usual_words_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "my friend stole her moms vicodin and took them all",  # someone else's relapse
        "my brother's girlfriend used again",
        "mi papá dice que me tome la medicina",  # told to take it
        "took a few days off work",
        "it took a few tries",
        "i don't want to lose my sobriety",
        "i went back out to the car to get my phone",
        "threw away all my pills",
        "i took 3 ibuprofen for my back",
        "the doctor gave me percocet after surgery",
        "i messed up my knee again",
        "me cai otra vez de la bici",
        "se me fue la mano con la sal",
        "pharmacy messed up my suboxone again",
        "i haven't had a lapse in 200 days",
    ],
)
def test_ordinary_readings_of_the_same_words_are_not_a_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


@pytest.mark.parametrize(
    "text", ["i'm scared i'll lose my sobriety this weekend", "i'm afraid of having a lapse"]
)
def test_fear_of_a_slip_is_a_craving_not_a_disclosure(text: str) -> None:
    assert assess(text).level == Level.CRAVING


@pytest.mark.parametrize(
    "text",
    [
        "grabbing my pistol and heading to his house tonight",
        "i'm bringing my gun to school tomorrow",
        "im gonna make him pay for what he did",
        "if he doesn't pay me back by friday he's going to the hospital",
        "sometimes i picture driving my truck into my stepdad",
        "i'm going to beat the hell out of my neighbor",
        "he slammed my head into the wall",
        "my boyfriend punched me in the face last night",
        "mi esposo me aventó el plato a la cara",
        "he said he'll kill me if i leave",
        "she told me if i call the cops she'll hurt me",
        "dice que si lo dejo me mata",
        "someone followed me home from the bus stop",
        "there's a guy waiting outside my apartment and he says he's coming for me",
        "he took my phone. he says it's my fault and i have bruises everywhere",
        "my boyfriend broke my nose last month and says he'll do it again",
        "i'm gonna break that guy's legs if he comes back",
        "he pushed me down the stairs",
        "the guys from the block said they're gonna jump me after work",
        "mañana llego a su casa con el bate, ya me cansé",
        "tomorrow i'm heading to his place with my bat",
        "he's gonna regret ever touching her, i've got the knife",
        "el cartel dice que me van a levantar",
        "my son locks me in my room when i complain",
    ],
)
def test_threats_violence_and_fear_told_in_other_words_are_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "taking my gun to the range tomorrow",
        "bringing my rifle to my uncle's house for deer season",
        "i'm going to make her pay rent",
        "gonna make him pay me back",
        "my dad is going to the hospital if his fever doesn't stop",
        "he threw the ball at my head during practice lol",
        "she hit her head on the cabinet",
        "me pegué en la cabeza con la puerta",
        "my mom is gonna kill me if i leave the dishes",
        "my boss is going to kill me, im late again",
        "mi jefe me va a matar, llegue tarde otra vez",
        "me mato a trabajar toda la semana",
        "my dog follows me around everywhere",
        "my mom is coming for me at 5",
        "the doctor told me im not going to live to see 60 if i keep drinking",
        "bringing my knife to the cookout tomorrow",  # carrying a weapon and a time are weak signals together
        "i don't want to go home tonight, this party is too fun",
        "broke my wrist skateboarding with my brother",
        "my brother threw me into the pool lol",
        "heading to the park tomorrow with my bat and glove",
        "bringing the hammer to my dad's tomorrow to fix his deck",
        "you'll regret not coming to the party lol",
        "he's done with school tomorrow",
        "cut my finger cooking",
        "mi mamá dice que me va a matar si no limpio mi cuarto",
        "me van a matar mis papás cuando vean mis calificaciones",
    ],
)
def test_the_ordinary_readings_stay_below_crisis(text: str) -> None:
    assert assess(text).level < Level.CRISIS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("theres a car parked outside my house again, same one as yesterday", "check:watched"),
        ("he took my phone and said it's my fault", "check:controlled"),
    ],
)
def test_one_sign_of_danger_alone_is_asked_about(text: str, reason: str) -> None:
    assert assess(text).reasons == (reason,)


@pytest.mark.parametrize(
    "text",
    [
        "things are never going to get better for me",
        "i honestly can't see a future for myself",
        "stopped going to group and stopped answering my mom",
        "not even trying anymore",
        "i feel nothing at all lately",
        "haven't left my apartment in a week",
        "i just want to be alone all the time",
        "ignoring everyone this week",
        "ya no tengo ganas de nada, me doy por vencida",
        "no quiero hablar con nadie",
        "i'm such a waste of space",
        "i'm not okay tbh",
        "nothing i do matters",
        "idc about anything anymore",
        "im so done",
    ],
)
def test_hopelessness_giving_up_numbness_and_withdrawal_are_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, just tired",
        "im ok. just tired",
        "nothing better than a hot shower after work",
        "i'm not trying to be rude but the food was cold",
        "i'm done with my shift, heading home",
        "i'm so done with this homework lol",
        "i don't care what we eat tonight",
        "we're not fighting anymore, we made up",
        "nothing changed with my schedule",
        "i'm not okay with how they treated you",
        "haven't left the house today, too cold",
        "nothing matters more than my kids",
        "my dealer texted me, i blocked him",
        "estoy a salvo, no voy a hacer nada, solo quería que alguien supiera que hoy fue una mierda",
    ],
)
def test_ordinary_tiredness_and_plans_are_not_asked_about(text: str) -> None:
    assert assess(text).level < Level.CHECK


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my teacher is going to kill me, i forgot my essay", Level.NONE),  # a boss or a teacher: an idiom
        ("my husband is going to kill me, he said it last night with the knife out", Level.CRISIS),
        ("i'm going to kill my boss", Level.CRISIS),  # the idiom is about threats to me, not mine
        ("if she cheats again ill kill her", Level.CRISIS),
        ("he said if i ever leave he'll find me and kill me", Level.CRISIS),
        ("some car has been following me since work, im scared", Level.CRISIS),
        ("the car behind me followed me into the parking lot", Level.NONE),
        ("i keep thinking about what i'd do to her if i saw her", Level.CRISIS),
        ("watching a movie where the guy kills his wife, so creepy", Level.NONE),  # fiction
        ("finally beat my brother at mario kart", Level.NONE),
        ("honestly dont know if ill be alive after this leg day lol", Level.NONE),
        ("if i go home tonight i dont know if ill be alive tomorrow", Level.CRISIS),
        ("i'm scared i'll relapse now that my friend did", Level.CRAVING),  # fear of a relapse is no danger
    ],
)
def test_idioms_fiction_and_fear_of_relapse_are_told_from_threats(text: str, level: Level) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("bought a bat. next time that dealer shows his face on my block hes done", Level.CRISIS),
        ("got a new bat for softball. he's done with practice at 6", Level.NONE),
        ("you'll regret not coming to the party lol", Level.NONE),
        ("tonight i'm going over there with a bat for him", Level.CRISIS),
        ("he gave me a black eye last night", Level.CRISIS),
        ("mi novio me dejó el ojo morado", Level.CRISIS),
        ("i have a black eye from basketball lol", Level.NONE),
    ],
)
def test_a_weapon_and_vengeance_or_an_injury_given(text: str, level: Level) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("he pulled me by my hair and dragged me across the kitchen", Level.CRISIS),
        ("he spit in my face and held me down", Level.CRISIS),
        ("he held a pillow over my face", Level.CRISIS),
        ("he violated the restraining order and was at my door last night", Level.CRISIS),
        ("someone is trying to break down my door", Level.CRISIS),
        ("there's someone in my house, i'm hiding in the bathroom", Level.CRISIS),
        ("he's drunk and waving his gun around", Level.CRISIS),
        ("mi papá llega borracho y nos pega a mi mamá y a mí", Level.CRISIS),
        ("my stepdad hits my little brother and i'm scared to go home", Level.CRISIS),
        ("he tracks my location and wont let me see my friends", Level.CHECK),
        ("he pulled me aside after group to say good job", Level.NONE),
        ("my dad hit my brother with a water balloon lol", Level.NONE),
        ("the cop on tv was pointing his gun at everyone", Level.NONE),
        ("he hit us up for lunch", Level.NONE),
        ("my sister grabbed my face and kissed me", Level.NONE),
        ("nos pegamos un susto", Level.NONE),
    ],
)
def test_violence_at_home_and_danger_at_the_door(text: str, level: Level) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i'm so exhausted today", Level.NONE),  # 'exhausted' is tiredness, not a car's exhaust
        ("exhausted after work, going to bed", Level.NONE),
        ("i keep thinking about breathing in car exhaust", Level.CRISIS),
        ("did a couple lines at the bar", Level.RELAPSE),  # a use, not an overdose
        ("i used over the weekend", Level.RELAPSE),
        ("cant stop crying today", Level.CHECK),
        ("no tengo ganas de nada", Level.CHECK),
        ("ya no le encuentro sentido a nada", Level.CHECK),
    ],
)
def test_tiredness_a_use_and_plain_distress_get_their_own_level(text: str, level: Level) -> None:
    assert assess(text).level == level
