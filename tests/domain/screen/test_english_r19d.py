"""Session 19 (en17): four families the rules missed on last round's held-out writers (now development text).
Paraphrases written for this test; rules alone (conftest.py turns the layer off).

- smothering or suffocating someone, thought of or meant (harm_to_others);
- a beating threatened in slang ("says hes gonna beat my ass"), read as the beating it is (abuse);
- "cant shake" a thought is a thought that persists, not a negated one ("cant shake thinking about ending it");
- my own head or a voice telling me to kill myself (suicidal_thoughts).
"""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad is passed out drunk and i keep thinking about putting a pillow over his face",
        "i want to smother him in his sleep",
        "gonna suffocate her if she keeps this up",
        "part of me wants to hold a pillow over her face till she stops breathing",
    ],
)
def test_smothering_someone_pages(text: str) -> None:
    crisis(text, "crisis:harm_to_others")


@pytest.mark.parametrize(
    "text",
    [
        "my mom smothers him in kisses every time he visits",
        "the nurse said crib bumpers can suffocate them",
        "i smothered them in gravy lol",
    ],
)
def test_kisses_gravy_or_safe_sleep_advice_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "he said hes gonna beat my ass when he finds me",
        "my husband is drunk and says hes gonna beat my ass",
        "she keeps saying shes gonna beat the shit out of me when i get home",
        "my bf threatened to beat the hell out of me last night",
    ],
)
def test_a_beating_threatened_in_slang_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    ["my coach is gonna beat my ass at practice tomorrow lol", "my sister used to beat my ass at mario kart"],
)
def test_practice_or_a_game_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cant shake thinking about ending it",
        "can't shake thinking about killing myself, its all day now",
        "i cant shake the thought of ending it all",
        "cant seem to shake thinking about suicide lately",
    ],
)
def test_a_thought_i_cant_shake_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["cant shake this cold", "cant shake the feeling im being watched at work lol"]
)
def test_a_cold_or_a_feeling_i_cant_shake_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the voice keeps saying you should kill yourself",
        "my mind keeps saying go kill yourself",
        "all night my head was like just kill yourself already",
        "these intrusive thoughts keep going kill yourself kill yourself",
    ],
)
def test_my_head_telling_me_to_kill_myself_pages(text: str) -> None:
    crisis(text, "crisis:suicidal_thoughts")


@pytest.mark.parametrize(
    "text",
    [
        "my mind keeps saying treat yourself, so i got the cake",
        "in the movie the voice says kill yourself and the guy fights it off",
    ],
)
def test_a_treat_or_a_movie_is_not(text: str) -> None:
    not_crisis(text)
