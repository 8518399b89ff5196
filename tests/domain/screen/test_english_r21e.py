"""Session 21 (en19): preparation and a high place, rules alone (G12/G13 weak families), built from the concept. A pet
handed over with a story that it is for a while, the story denied next ("told him its temporary. its not"); the act
weighed where the means are ("thinking about it", "its high enough") beside a high place. Paraphrases written for
this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "dropped my cat at my moms. told her it was just for a while. it isnt",
        "gave my dog to my cousin today. told him its temporary. its not",
        "my neighbor took my parrot, i said i was moving. i'm not",
        "Left my dog with my brother this morning. I told him I'd be back. I won't",
        "gave my pup to my buddy, told him i was going away for work. thats a lie",
    ],
)
def test_a_pet_handed_over_with_a_story_denied_is_preparation(text: str) -> None:
    crisis(text, "crisis:preparation")


@pytest.mark.parametrize(
    "text",
    [
        "gave my dog to my sister for the weekend, told her i was going on a trip. she didnt mind",
        "gave my cat to my mom, told her i was moving. new landlord said no pets, it sucks",
        "told him its temporary, the job in denver. we will see",
    ],
)
def test_a_pet_kept_for_a_trip_or_a_real_move_is_no_preparation(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "on top of the parking garage downtown. nobody up here. thinking about it",
        "up on the roof of the hospital, been thinking bout it",
        "im on the bridge by the river. just thinking about it",
        "on the roof of my building. its high enough",
    ],
)
def test_the_act_weighed_at_a_high_place_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sponsor asked me to chair the meeting, thinking about it",
        "on the roof fixing the gutters, thinking about it as a side job",
        "on the bridge walking the dog, thinking about dinner",
    ],
)
def test_thinking_about_a_job_or_dinner_is_no_crisis(text: str) -> None:
    not_crisis(text)
