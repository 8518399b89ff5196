"""Session 21 (es19): Spanish means at hand, with the act poised or weighed ("ya lo abrí", "ya le puse las balas", "no sé
si", "nomás necesito valor"), and a blade or a knife in the bath or the shower. Paraphrases written for this test in
several varieties, never corpus messages; hard negatives beside them."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "tengo el frasco de clonazepam de mi tía en la mano. ya lo abrí",
        "tengo el revólver de mi abuelo aquí en la cama, ya le puse las balas",
        "tengo las pastillas de mi mamá en la mano y no sé si",
        "la navaja está aquí en mi mano, nomás necesito valor",
        "tengo el veneno pa las ratas aquí enfrente, ya lo abrí",
    ],
)
def test_a_means_in_hand_with_the_act_poised_pages(text: str) -> None:
    crisis(text, "crisis:means_at_hand")


@pytest.mark.parametrize(
    "text",
    [
        "estoy en la bañera con el cuchillo de la cocina",
        "estoy en la regadera con la gillette en la mano",
        "me metí a la tina con la navaja, no sé todavía",
        "estoy en la ducha con una cuchilla",
    ],
)
def test_a_blade_in_the_bath_pages(text: str) -> None:
    crisis(text, "crisis:means_at_hand")


@pytest.mark.parametrize(
    "text",
    [
        "tengo mis pastillas en la mano, ya las abrí para tomarme la de la noche como dijo el doctor",
        "estoy en la ducha afeitándome con la navaja nueva",
        "estoy en la tina relajándome con música",
        "me estoy rasurando en la regadera con la gillette nueva",
        "tengo el celular en la mano y no sé si llamarle a mi ex",
    ],
)
def test_the_doctors_dose_shaving_or_a_phone_do_not_page(text: str) -> None:
    not_crisis(text)
