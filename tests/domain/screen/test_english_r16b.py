"""English, session 16b (issue 13, en12): false pages from everyday talk (shooting hoops, jumping on a call, "bye
guys", a week away, a long sleep, loneliness said plainly, an overdose told as behind me, "here" named as the group).
Every case is a paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the layer
off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "shooting hoops with my daughter tonight",
        "shot hoops with my nephew at the park",
        "we were shooting baskets in the driveway",
        "need to jump on a zoom real quick then ill text you",
        "sorry gotta hop on a call with my boss",
        "jumping on a call, brb",
        "ok bye guys see you thursday",
        "bye yall, good group today",
    ],
)
def test_hoops_calls_and_a_chat_goodbye_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im gonna shoot him if he comes back",
        "i want to shoot myself",
        "going to jump off the overpass tonight",
        "bye guys, i love you all. this is the end",
        "bye forever everyone",
        "goodbye everyone",
    ],
)
def test_a_gun_a_jump_or_a_real_goodbye_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "honestly i want to disappear for like a week and just sleep",
        "wanna disappear for a couple days and turn my phone off",
        "i want to pass out and not wake up for 10 hours",
        "i could sleep and not wake up for a few days haha",
    ],
)
def test_a_rest_measured_in_days_or_hours_is_no_death_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to disappear",
        "i just want to disappear forever",
        "i want to go to sleep and never wake up",
        "i wish i could fall asleep and not wake up",
    ],
)
def test_a_wish_to_disappear_or_not_wake_without_a_bound_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["nobody cares about me", "no one cares about me at all", "feels like nobody cares about me lately"],
)
def test_loneliness_said_plainly_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    ["nobody would miss me", "nobody would care if i died", "no one would even notice if i was gone"],
)
def test_nobody_would_miss_me_gone_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i almost od'd last year, glad im past that",
        "od'd twice back in 2019, glad thats behind me",
        "i overdosed on heroin a while back, im past that now",
        "nearly overdosed last summer. glad i'm past that",
    ],
)
def test_an_overdose_told_as_behind_me_is_asked_about_not_paged(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize("text", ["i od'd last night", "i think im overdosing", "took all my pills, i od'd"])
def test_an_overdose_now_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to be here anymore, this group is boring",
        "dont want to be here anymore this class is so long",
        "i do not want to be here anymore, this meeting is pointless",
        "i don't want to be here anymore lol this party is dead",
    ],
)
def test_here_named_as_the_room_is_no_death_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text", ["i dont want to be here anymore", "i don't want to be here anymore, everything hurts"]
)
def test_not_wanting_to_be_here_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "walking to the roof to jump",
        "driving to the cliff to jump",
        "walked over to the bridge to jump off",
        "drove out to the overpass tonight, gonna jump",
        "im going to the tracks to wait for the train",
        "heading to the tracks to wait for a train",
    ],
)
def test_going_to_a_high_place_or_the_tracks_with_a_purpose_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "walking my dog on the bridge",
        "walking to the bridge to watch the fireworks",
        "driving to the bridge for work",
        "drove to the cliff for the sunset with my wife",
        "going to the station to wait for the train",
        "walking to the store, need anything?",
    ],
)
def test_a_walk_a_commute_or_a_view_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "if i dont answer tomorrow call my sister",
        "if you dont hear from me by tonight tell my mom",
        "if i dont answer my phone later call my brother",
        "if i don't answer this weekend, call my dad",
    ],
)
def test_who_to_call_if_i_dont_answer_is_never_silent(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i'm not gonna be at group. or anywhere.",
        "wont be at work tomorrow, or anywhere else",
        "im not going to be at church sunday. or anywhere",
        "not gonna be at my daughters game. or anywhere.",
        "i just cant anymore, everyones better off",
        "i just can't anymore",
        "honestly everyones better off",
    ],
)
def test_an_absence_from_everywhere_or_everyone_better_off_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im not going to the party or anywhere this weekend",
        "everyones better at math than me",
        "everybodys better at this game than me lol",
        "if i dont answer call my wife, she has the keys",
    ],
)
def test_a_weekend_in_or_a_comparison_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i cant take this much longer",
        "honestly cant take much more of this",
        "i can't hold on much longer",
        "i can't keep this up much longer",
    ],
)
def test_an_end_of_endurance_foreseen_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "got the pills counted out",
        "got my pills all counted out on the nightstand",
        "i got the pills counted up",
        "got the pills counted out on the table",
    ],
)
def test_pills_counted_out_are_preparation_never_a_relapse(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons
    assert not any(r.startswith("relapse:") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text", ["got some pills off my buddy last night", "bought pills from a guy at work and took two"]
)
def test_pills_got_to_use_stay_a_relapse(text: str) -> None:
    result = assess(text)
    assert "relapse:use" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed rat poison",
        "i just drank a bottle of bleach",
        "drank some antifreeze an hour ago",
        "i took the antifreeze",
        "swallowed drain cleaner, my throat is burning",
    ],
)
def test_a_poison_swallowed_is_an_overdose_never_a_drink(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:overdose" in result.reasons, result.reasons
    assert not any(r.startswith("relapse:") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text", ["my dog ate rat poison, at the vet now", "i drank a beer", "put out rat poison in the garage"]
)
def test_a_pet_poisoned_a_beer_or_poison_put_out_is_no_overdose(text: str) -> None:
    result = assess(text)
    assert "crisis:overdose" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "the voices are telling me to do it",
        "the voices keep saying do it",
        "voices in my head wont stop telling me to just do it",
        "cant sleep, the voices say i should do it",
    ],
)
def test_voices_commanding_an_unnamed_act_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my inner voice told me to do it so i applied for the job",
        "my gut keeps telling me to do it, take the new job",
        "the voices in that video game keep telling me to do it lol",
    ],
)
def test_an_inner_voice_or_an_app_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i found a way out",
        "think i finally found a way out",
        "i found a way out. dont worry about me anymore",
        "finally found a way out",
    ],
)
def test_a_way_out_found_said_bare_is_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level in (Level.CHECK, Level.CRISIS), result.reasons


@pytest.mark.parametrize(
    "text", ["i found a way out of my lease", "found a way out of the parking garage lol"]
)
def test_a_way_out_of_something_named_is_not_read(text: str) -> None:
    read_as(text, Level.NONE)
