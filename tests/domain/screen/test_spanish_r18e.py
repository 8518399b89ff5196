"""Spanish, session 18 (es15): death or heaven said to be better than this life ("el cielo tiene que ser mejor que
esto", "estar muerta sería mejor que seguir así") is a wish to be dead, a crisis (the Spanish twin of "heaven has to be
better than this"; read as nothing). The sky better than yesterday, a film about the dead, a cake "de muerte" and a
life that has to get better stay unread. Paraphrases written for this test; rules alone (conftest.py turns the layer
off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "el cielo tiene que ser mejor que esto",
        "estar muerta sería mejor que esto",
        "morirme sería mejor que seguir así",
        "la muerte tiene que ser mejor que esta vida",
        "en el cielo voy a estar mejor que aquí",
        "el más allá debe ser mejor que este infierno",
    ],
)
def test_death_or_heaven_better_than_this_life_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "el cielo está mejor que ayer, ya no llueve",
        "la película de muertos estuvo mejor que esto",
        "este pastel está de muerte, mejor que esto no hay",
        "la vida tiene que ser mejor que esto, voy a echarle ganas",
        "el cielo tiene que estar mejor mañana para el partido",
    ],
)
def test_the_sky_a_film_and_a_better_life_are_not(text: str) -> None:
    read_as(text, Level.NONE)
