"""Spanish, session 19 (es17): pills named by brand, and their plurals ("me tomé todos los orfidales", "todas las
trazodonas"), are pills; a whole blister, strip or pot said with "un" or "el pote" ("me tomé un blíster entero de
orfidal") is the whole pack. A nightly dose, a doctor's change of medicine and a pot kept counted in my lap keep their
readings. The pills' owner named in a mix with liquor ("las pastillas de mi papá con el tequila") is not the subject.
Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me tomé todos los orfidales",
        "me tomé todas las trazodonas que me quedaban",
        "me acabo de tomar todos los rivotriles",
        "me tomé un blíster entero de orfidal",
        "me tomé todo el pote de las pastillas",
        "me tragué el pote entero de lorazepam",
    ],
)
def test_pills_by_brand_or_a_whole_pack_are_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me tomo mi orfidal en la noche para dormir",
        "el doctor me cambió el orfidal por lorazepam",
        "ya me tomé mi trazodona, buenas noches",
        "compré un pote de crema para las manos",
    ],
)
def test_a_nightly_dose_or_a_change_is_not(text: str) -> None:
    not_crisis(text)


def test_a_pot_kept_and_counted_still_pages() -> None:
    crisis("tengo el pote entero de clonazepam aquí en la cama y las estoy contando")


@pytest.mark.parametrize(
    "text",
    [
        "me tomé las pastillas de mi papá con el tequila que quedaba",
        "me voy a tomar las pastillas de mi abuela con el mezcal mañana",
    ],
)
def test_the_owner_of_the_pills_is_not_the_subject(text: str) -> None:
    crisis(text)
