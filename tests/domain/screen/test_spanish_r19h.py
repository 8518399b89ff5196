"""Spanish, session 19 (es17): a burn from the griddle, a pan, the oven or a hot steering wheel, and a pet's scratch,
are accidents, not self-harm ("me quemé la mano con el comal"); a hair straightener or an iron used on myself still
pages. The street years and the worst years told ("cuando estaba en la calle me dio una sobredosis") are the past (a
check), as "hace años" is. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "me quemé la mano con el comal haciendo tortillas",
        "el volante me quemó la mano, está a 110 afuera",
        "me quemé el brazo con la sartén friendo huevos",
        "el gato me arañó el brazo cuando lo bañé",
        "me quemé con el aceite, nada grave",
    ],
)
def test_a_kitchen_burn_or_a_pets_scratch_is_an_accident(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me estoy quemando el brazo con la plancha del pelo",
        "me quemé el brazo a propósito con la plancha",
        "me corto el brazo otra vez",
    ],
)
def test_burning_myself_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cuando estaba en la calle me dio una sobredosis en un baño",
        "cuando vivía en la calle tuve dos sobredosis",
        "en mis peores años me dio una sobredosis en la casa de un amigo",
        "en mis años de consumo tuve una sobredosis, hoy llevo un año limpio",
    ],
)
def test_the_street_years_told_are_the_past(text: str) -> None:
    read_as(text, Level.CHECK)
