"""Spanish, session 20 (es18, newcomer N163, P1 silent): pills taken beyond the dose, with a body sign now in the
sentence or the next, is an overdose under way ("se me fue la mano con las pastillas, me siento bien rara", "me tomé
de más de las pastillas y me siento rara", "se me pasó la mano con el clonazepam, estoy bien mareada"), as "i overdid
it with my pills, feeling really weird" pages; without a body sign it is asked about ("se me fue la mano con las
pastillas"), not silent. Salt, coffee, vitamins, or pills taken as the doctor said are not. Paraphrases written for
this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la mano con las pastillas, me siento bien rara",
        "me tomé de más de las pastillas y me siento rara",
        "se me pasó la mano con el clonazepam, estoy bien mareada",
        "creo que me pasé con las pastillas, no siento las piernas",
        "se me fue la mano con los rivotriles y veo borroso",
        "me tomé más de la cuenta de las pastillas de dormir. todo me da vueltas",
    ],
)
def test_pills_beyond_the_dose_with_a_body_sign_page(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la mano con las pastillas",
        "creo que me pasé con las pastillas",
        "se me pasó la mano con el clonazepam anoche",
    ],
)
def test_pills_beyond_the_dose_alone_are_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la mano con la sal",
        "me pasé con el café, ando acelerado",
        "se me fue la mano con las vitaminas y me siento rara",
        "me tomé mis pastillas como me dijo el doctor y me siento rara",
    ],
)
def test_salt_coffee_or_pills_as_prescribed_are_not(text: str) -> None:
    read_as(text, Level.NONE)
