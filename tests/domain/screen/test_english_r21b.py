"""Session 21 (en19): what is told without a use or a crisis (newcomer N175, N180, N183 and the brief of round 21). A
success told with the place of use ("went to the gym instead of the bar"), a drink turned down, sober at the bar, a
bender denied, the baby's bottle, a warning of what someone will do if I relapse, "last time i felt like a zombie" (the
previous time, not a final one); and a rope tied or put up, which is preparation. Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


def _no_use(text: str) -> None:
    result = assess(text)
    assert not result.has(Level.RELAPSE) and result.level < Level.CHECK, (text, result.reasons)


def _relapse(text: str) -> None:
    result = assess(text)
    assert result.has(Level.RELAPSE), (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i went to the gym instead of the bar with my coworkers and im proud of that",
        "took my kids to the park instead of hitting the bar",
        "got a coffee instead of stopping at the liquor store",
        "skipped happy hour again and went to a meeting",
        "bailed on the bar crawl, watched a movie with my wife instead",
        "drove right past the bar and didnt stop, first time in years",
        "left the party early before anyone started drinking",
        "went for a run instead of drinking tonight",
        "avoided the liquor store on my way home, took the long way",
    ],
)
def test_a_place_of_use_avoided_is_no_use(text: str) -> None:
    _no_use(text)


@pytest.mark.parametrize(
    "text",
    [
        "i was supposed to go to the gym but went to the bar instead",
        "ended up at the bar again last night",
        "stopped at the liquor store on the way home and got a bottle",
        "left the bar at 2 am pretty wasted",
    ],
)
def test_the_bar_gone_to_is_still_a_relapse(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "turned down drinks at the work party and left early",
        "my cousin offered me a beer and i said no to the beer",
        "they passed the blunt around and i passed on the blunt",
        "went to a bar for karaoke and stayed sober the whole night",
        "was at the bar for my cousins birthday and drank water all night",
        "i was the designated driver at the bar, proud of me",
    ],
)
def test_a_drink_turned_down_or_sober_at_the_bar_is_no_use(text: str) -> None:
    _no_use(text)


@pytest.mark.parametrize(
    "text",
    [
        "went to the bar after work and had a few",
        "at the bar rn, third beer",
    ],
)
def test_drinks_had_at_the_bar_are_a_relapse(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "i feel like garbage about it but its not like i went on a bender",
        "its not like i went on a binge or anything, i just stayed home",
        "ok update the baby finally took a bottle",
        "my baby took a bottle from her dad for the first time",
    ],
)
def test_a_bender_denied_or_the_babys_bottle_is_no_use(text: str) -> None:
    _no_use(text)


@pytest.mark.parametrize(
    "text",
    [
        "i went on a bender this weekend",
        "took a bottle of jack to the face last night",
    ],
)
def test_a_bender_or_a_bottle_told_is_a_relapse(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        "my girl said shell kill me if i relapse again lmao",
        "my wife says shes done with me if i drink again",
        "my PO said if i use again im going back",
        "mom told me if i relapse again she will take the kids",
        "my sponsor swore if i pick up again hed kick my ass lol",
    ],
)
def test_a_warning_of_what_someone_will_do_if_i_relapse_is_no_craving(text: str) -> None:
    result = assess(text)
    assert result.level < Level.CRAVING, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "if i drink again tonight nobody would even know",
        "i really want to relapse again",
    ],
)
def test_a_use_thought_of_is_still_a_craving(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CRAVING, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "my therapist wants me to try a new med and im nervous about side effects, last time i felt like a zombie",
        "doc wants to switch my meds again, last time i was on that one i slept all day",
        "they want me to try group again, the last time i went it was awkward",
        "scared of the new med, last time i tried one like it i gained 20 pounds",
    ],
)
def test_the_last_time_said_of_before_is_no_final_one(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "this is the last time youll hear from me",
        "tonight is the last time, im done for good",
    ],
)
def test_a_last_time_said_of_now_is_still_final(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CHECK, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i have the rope tied in the closet already",
        "got the noose hanging in my closet",
        "already tied my belt to the closet rod",
        "rope's over the beam in the garage now",
        "put the rope up last night, its ready",
    ],
)
def test_a_rope_tied_or_put_up_is_preparation(text: str) -> None:
    crisis(text, "crisis:means_at_hand")


@pytest.mark.parametrize(
    "text",
    [
        "got the rope tied to the dock so the boat dont drift",
        "the rope is tied between two trees for the hammock",
        "my kid has the rope hanging from the tree for the tire swing",
        "put the rope up in the gym for climbing class",
    ],
)
def test_a_rope_for_a_boat_a_hammock_or_a_swing_is_no_preparation(text: str) -> None:
    not_crisis(text)
