"""English, session 18 (en15): newcomer N71's three lines read as nothing are asked about (check): worn out by
pretending to be ok, feeling like a ghost or a shell, and "it gets better" heard and denied. A child's game, a
costume, a film, faking sick to skip work, and "it gets better" agreed with are not. Paraphrases written for this
test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "so tired of pretending im fine",
        "i am so tired of faking a smile every day",
        "im worn out, sick of pretending everything is ok",
        "i feel like a ghost in my own life",
        "feel like a shell of myself lately",
        "everyone tells me it gets better. it hasnt",
        "people keep saying it gets better but it doesnt for me",
    ],
)
def test_a_front_kept_up_a_ghost_or_better_denied_is_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CHECK, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my son is tired of pretending to be a dinosaur lol",
        "dressed up as a ghost for halloween, i feel like a ghost lol",
        "my mom says i look like a ghost lately, need more sleep",
        "im so tired of faking sick to get out of work",
        "i feel like watching a ghost movie tonight",
        "my therapist says it gets better and honestly it does",
    ],
)
def test_a_game_a_costume_a_film_or_better_agreed_with_is_not(text: str) -> None:
    result = assess(text)
    assert result.level < Level.CHECK, result.reasons
