"""Spanish, session 20 (es18): means put away, locked, or handed over to be kept ("ya guardé el cuchillo en el cajón",
"la pistola la dejé bajo llave", "se las di a mi mamá pa que me las guarde") are safety, not means kept close (read
as a check before); a knife hidden under the pillow for tonight or a loaded gun in the nightstand still are.
Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "ya guardé el cuchillo en el cajón",
        "ya guardé la navaja en el cajón, ya estoy más tranquila",
        "la pistola la dejé bajo llave y le di la llave a mi hermano",
        "regresé el cuchillo al cajón y me fui a acostar",
        "las pastillas ya están guardadas bajo llave",
    ],
)
def test_means_put_away_are_not_asked_about(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "guardé el cuchillo debajo de la almohada para esta noche",
        "tengo las pastillas guardadas en el cajón, ya las conté",
    ],
)
def test_means_hidden_close_still_page(text: str) -> None:
    crisis(text)
