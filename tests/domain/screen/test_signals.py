"""Two risk signals make a crisis (bot/domain/screen/match.py `_compose`, [composition] in screen_frames.toml).

A crisis is often told without a word of death or harm: a chosen day and a decision, pills kept close
and a time, a farewell and finality. One signal alone is no crisis; negation, someone else as the
subject and historical framing still keep a message down.
"""

from __future__ import annotations

import re

import pytest

from bot.config.resources import read_program_file
from bot.domain.screen.assess import Level, assess
from bot.domain.screen.match import _compose
from bot.domain.screen.rules import FRAMES, LEXICON, Composition, parse


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("sunday night after everyone's asleep. it's decided", "crisis:signals.others_away+resolved+when"),
        ("please make sure someone feeds my dog after tonight", "crisis:signals.farewell+finality"),
        ("this is my last message. thank you for trying", "crisis:signals.farewell+finality"),
        ("sorry for everything. i love you all", "crisis:signals.farewell"),
        ("i keep the razor right next to me, i already know when", "crisis:signals.means_at_hand+resolved"),
    ],
)
def test_two_signals_about_the_speaker_make_a_crisis_named_by_both(text: str, reason: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert reason in result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "saturday",  # a time alone
        "it's decided",  # a decision alone
        "i picked up my pills from the pharmacy tonight",  # means with an ordinary reason, and a time
        "it's decided, we're going to the beach on saturday",  # an outing
        "friday is my last day of group, thank you all for everything",  # the program's goodbye
        "i love you all, see you tuesday",  # a goodbye of someone coming back
    ],
)
def test_one_signal_or_an_ordinary_reading_is_not_a_crisis(text: str) -> None:
    assert assess(text).level != Level.CRISIS


def test_means_at_hand_alone_is_a_check() -> None:
    assert assess("the shotgun is loaded and sitting on my bed").reasons == ("check:means_at_hand",)


@pytest.mark.parametrize(
    "text",
    [
        "my friend said she gave away her cat before she went to rehab, she said goodbye to all of us",
        "i'm not saying goodbye, i'm not going anywhere tonight",
    ],
)
def test_someone_else_or_a_negation_cancels_a_signal(text: str) -> None:
    assert assess(text).level != Level.CRISIS


def test_two_weak_signals_are_not_a_crisis_and_signals_far_apart_do_not_meet() -> None:
    rules = Composition(need=2, sentences=2, weak=frozenset({"when", "distress"}))
    assert _compose({"when": {0}, "distress": {0}}, set(), rules) == {}
    assert _compose({"when": {0}, "farewell": {5}}, {"farewell"}, rules) == {"check:farewell": 3}
    assert _compose({"when": {0}, "farewell": {1}}, set(), rules) == {"crisis:signals.farewell+when": 4}


def test_a_family_named_twice_counts_twice_only_across_sentences() -> None:
    rules = Composition(twice=frozenset({"farewell"}))
    assert _compose({"farewell": {0, 1}}, set(), rules) == {"crisis:signals.farewell": 4}
    assert _compose({"farewell": {0}}, set(), rules) == {}


def test_the_composition_names_only_signal_frames() -> None:
    frames = re.sub(r"^weak = \[.*\]$", 'weak = ["tuesday"]', read_program_file(FRAMES), flags=re.M)
    assert 'weak = ["tuesday"]' in frames
    with pytest.raises(ValueError, match="tuesday"):
        parse(read_program_file(LEXICON), frames)


def test_three_weak_plan_parts_make_a_crisis_two_do_not() -> None:
    parts = frozenset({"when", "place", "others_away", "plan"})
    rules = Composition(weak=parts | {"distress"}, plan_parts=parts, plan_need=3)
    assert _compose({"when": {0}, "place": {1}}, set(), rules) == {}
    # distress is no plan part
    assert _compose({"when": {0}, "place": {1}, "distress": {1}}, set(), rules) == {}
    plan = {"when": {0}, "place": {1}, "others_away": {2}}
    assert _compose(plan, set(), rules) == {"crisis:signals.others_away+place+when": 4}
    assert _compose({"when": {0}, "place": {1}, "others_away": {5}}, set(), rules) == {}  # too far apart
    assert _compose(plan, set(), Composition(weak=parts, plan_parts=parts)) == {}  # plan_need 0: never


def test_plan_need_must_exceed_need_and_name_listed_parts() -> None:
    frames = read_program_file(FRAMES).replace("plan_need = 3", "plan_need = 2")
    with pytest.raises(ValueError, match="plan_need"):
        parse(read_program_file(LEXICON), frames)


@pytest.mark.parametrize(
    "text",
    [
        "i have it all planned, thursday while my wife is at work",  # a plan, a day, others away
        "friday night. the quarry. the kids will be at their dads",  # a day, a place, others away
        "i know how and when.",  # the plan and its time, both said
        "nobody will look for me until monday. tonight is it",
        "ya elegí el día, el viernes cuando no haya nadie en casa",
        "the 40 pills in my drawer would be enough",  # a means judged sufficient
        "how many of my lithium would it take",
        "las pastillas del botiquín serían suficientes",
        "if i didn't wake up tomorrow honestly i'd be fine with that",  # dying accepted
        "si mi corazón se detuviera esta noche no me importaría",
        "please tell my sister i love her. it's nobody's fault",  # a farewell and absolving others
        "que alguien cuide a mi perro por favor",
    ],
)
def test_plans_means_and_farewells_told_plainly_are_crises(text: str) -> None:
    assert assess(text).level == Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "saturday when my roommate is at work i'm deep cleaning the apartment",  # a day and others away only
        "sunday. the lake. my kids. best day ever",
        "i have it all planned for my sister's baby shower saturday",
        "we set the date! june 14th",
        "would 2 advil be enough for this headache",
        "if i didn't wake up till noon tomorrow i'd be fine honestly",
        "it's nobody's fault, it just happened. see you tuesday",
        "can someone take care of my cat while i'm at my sister's this weekend",
        "le escribí una carta a mi hija por su cumple",
    ],
)
def test_ordinary_days_places_and_doses_stay_below_crisis(text: str) -> None:
    assert assess(text).level != Level.CRISIS, assess(text).reasons
