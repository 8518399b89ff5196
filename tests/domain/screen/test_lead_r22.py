"""Session 22 (lead), newcomer24 N277: "I am in danger", "estoy en peligro" read as nothing. The speaker in danger is the
speaker not safe (frame not_safe, second form). Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I am in danger",
        "im in danger rn",
        "i feel like im in danger, please",
        "honestly i think im in danger tonight",
        "estoy en peligro",
        "siento que estoy en peligro ahorita",
        "creo que estoy en peligro, ayuda",
    ],
)
def test_the_speaker_in_danger_is_not_safe(text: str) -> None:
    crisis(text, "crisis:not_safe")


@pytest.mark.parametrize(
    "text",
    [
        "im not in danger, just tired",
        "my job is in danger if i miss another shift",
        "i am in danger of failing this class lol",
        "mi trabajo está en peligro por las faltas",
        "no estoy en peligro, tranquila, solo cansada",
        "the danger zone song is stuck in my head",
        "stranger danger talk at my kids school today",
    ],
)
def test_danger_that_is_not_the_speakers_is_not(text: str) -> None:
    not_crisis(text)
