"""The suicide family told in the words people use instead of clinical ones (issue 13, round 9): a dose
and a shrug in the next sentence, a dose meant to stop the heart, every one of the pills, God asked to
take me, a bus I would not mind. Every case is a paraphrase written for this test, not a corpus message;
each family has ordinary readings with the same words that must not page anyone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from bot.domain.screen.match import fired
from bot.domain.screen.rules import parse
from bot.domain.screen.tag import tag


@pytest.mark.parametrize(
    "text",
    [
        "snorted everything i had left. if i dont wake up i dont",
        "shot the rest of the bundle. dont really care if i wake up tbh",
        "me inyecté todo de golpe, si me muero me muero",
        "me voy a meter todo el cristal que me queda hasta que se me pare el corazon",
        "took my dads oxys, all of them, like 20 min ago",
        "me tomé los clonazepam de mi tía, todos juntos",
        "every night i pray god takes me in my sleep",
        "lord please take me, im so tired",
        "le ruego a Dios que me lleve ya, no aguanto",
        "honestly I'd be fine with a truck hitting me on the way home",
        "if that car had hit me i wouldn't have minded",
        "a veces quisiera que me chocara un carro",
        "si me pasa un carro encima ni me muevo",
        "pressed a lighter to my arm again tonight",
        "took the razor to my thighs in the bathroom, nobody knows",
        "put the hot iron on my leg because i deserve it",
        "me pasé la navaja por el brazo otra vez",
        "no mames me corté el brazo otra vez",
        "cut again. its deep this time",
        "the intrusive thoughts are back, the kill yourself ones",
        "cant stop thinking about not being alive",
        "i aint gonna be around much longer",
        "im checking out for good tonight",
        "hoy sí me voy de este mundo",
        "si me quito la vida nadie lo notaría",
        "just letting somebody know im doing it tonight",
        "wrote my will and gave my sister my passwords. first time ive felt calm in months",
        "sitting on the bed with the box cutter, staring at my wrists",
        "tengo el cuchillo en la mano y no dejo de ver mis venas",
        "do you think the rafter in the shed would hold my weight",
        "la viga del cuarto aguantaría mi peso?",
        "i keep thinking about the railroad tracks, the 11:15 never slows down there",
        "i have it all worked out. saturday night, the old quarry, nobody goes there",
        "ya lo tengo estudiado, el domingo en el puente cuando no haya nadie",
        "gave my guitar to my brother, told him its just for a while",
        "if anyone reads this, i'm sorry. take care of my cat",
        "me voy pa la playa el martes y me meto al mar hasta que no pueda regresar",
        "been thinking about taking myself out.",
        "Diosito, ya no aguanto. ojala me llevaras contigo",
        "crossing the highway without looking, kind of hoping something hits me",
        "they gave me narcan again. should've just let me go",
        "me corté el brazo con un vidrio y quiero seguir",
        "me estoy pegando con la cabeza en la pared. lo hago otra vez",
        "on the roof of my building. the ledge only comes up to my knees",
        "at the overlook. its a long way down. been standing here an hour",
        "tomé las pastillas de mi tía, todas, hace rato",
        "took a handful of bars. now i can't stand up right",
        "me metí todo el cristal. ya no siento las piernas",
        "la neta ya no kiero estar aki",
    ],
)
def test_a_suicide_family_phrasing_without_the_clinical_words_is_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "if i go to the party i go, whatever",
        "took all of them with breakfast like the doctor said",
        "me tomo mis pastillas todas las mañanas",
        "my heart gives out every time i see my baby smile",
        "thank god my sponsor took me to a meeting",
        "the bus hit a pothole and i spilled my coffee on me lol",
        "ojala no me atropelle un carro, los de aqui manejan horrible",
        "le pido a Dios que me de fuerzas para seguir limpio",
        "the razor nicked my leg while shaving again lol",
        "cut my hair again, short this time",
        "me corté el dedo cocinando otra vez",
        "volví a las tijeras para el proyecto de costura de mi hija",
        "my scars are healing nicely, 8 months clean from sh",
        "some kid in fortnite told me to kill yourself lol, reported him",
        "i'm checking out of the hotel at noon",
        "taking myself out to dinner tonight, self care",
        "just letting somebody know im running late tonight",
        "meditation tonight, felt calm for the first time in weeks",
        "my wrist hurts from typing all day, thinking about getting a brace",
        "the nurse had to search for a vein for 10 minutes, my arm is bruised",
        "the beam in the garage has to hold the weight of the new shelves",
        "the train comes through at 6am every day and wakes me up, the tracks are right behind my house",
        "got it all worked out with my boss, friday off for the appointment",
        "told her its just a cold, going to the doctor tomorrow",
        "if anyone reads this thread, any tips for sleeping on suboxone?",
        "updated my will after the baby was born, feels good to be responsible",
        "taking myself out to dinner tonight, i deserve it",
        "thinking about taking myself out for a walk",
        "we went to the tracks to take photos, a train came thru",
        "me corté con un vidrio lavando los trastes, nada grave",
        "burned my arm on the oven rack again, so clumsy",
        "the window opens all the way, great for airing out the apartment",
        "our new office on the 20th floor has a view, its a long way down lol",
        "me tomo las pastillas todas las mañanas con el café",
        "my knee is bad, i can't stand up right after sitting",
        "it would be so easy to just skip the meeting tonight, but i won't",
    ],
)
def test_the_same_words_in_an_ordinary_reading_stay_below_crisis(text: str) -> None:
    assert assess(text).level < Level.CRISIS


_LEXICON = """
[concept.DRUG]
en = ["bag"]
es = []
[concept.OUTING]
en = ["party"]
es = []
[concept.FATALISM]
en = ["whatever"]
es = []
"""
_FRAMES = """
[[frame]]
name = "overdose"
level = "crisis"
slots = ["FATALISM"]
also = ["DRUG"]
reach = {reach}
unless = "OUTING"
"""


def _fired(text: str, reach: int) -> dict[str, int]:
    rules = parse(_LEXICON, _FRAMES.format(reach=reach))
    lang, clauses = tag(text, rules)
    return fired(clauses, lang, rules)


def test_reach_lets_a_frames_also_be_met_in_the_next_or_previous_sentence_and_no_further() -> None:
    assert _fired("did the bag. whatever", reach=0) == {}
    assert "crisis:overdose" in _fired("did the bag. whatever", reach=1)
    assert "crisis:overdose" in _fired("whatever. did the bag", reach=1)
    assert _fired("did the bag. ok. whatever", reach=1) == {}
    assert "crisis:overdose" in _fired("did the bag. ok. whatever", reach=2)


def test_unless_is_read_in_the_frames_own_sentence_even_when_also_reaches_further() -> None:
    assert _fired("whatever at the party. did the bag", reach=1) == {}  # the shrug's own sentence is a party
    assert "crisis:overdose" in _fired("the party was ok. did the bag. whatever", reach=1)
    assert "crisis:overdose" in _fired("did the bag. whatever. the party was ok", reach=1)
