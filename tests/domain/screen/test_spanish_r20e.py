"""Spanish, session 20 (es18): pills in my hand or in front of me, poised to be taken: opened, counted, stared at, or
with water or a bottle beside them ("tengo el frasco de tramadol en la mano y un vaso de agua"): the means at hand
and ready pages (it was only asked about). One pill with water as the doctor said, a pillbox for the week, vitamins
and pills counted for the pharmacy are not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "tengo el frasco de clonazepam en la mano y ya lo abrí",
        "tengo el bote de pastillas abierto en la cama y no dejo de mirarlo",
        "aquí tengo las pastillas de mi abuela en la mano y un vaso de agua",
        "tengo todas mis pastillas enfrente, ya las conté dos veces",
        "tengo el frasco de las pastillas de dormir en la mano y una botella de tequila al lado",
        "regué las pastillas en la cama y las estoy contando",
    ],
)
def test_pills_in_hand_and_poised_page(text: str) -> None:
    crisis(text, "crisis:means_at_hand")


@pytest.mark.parametrize(
    "text",
    [
        "tengo mi pastilla en la mano y un vaso de agua, me la tomo como dijo el doctor",
        "abrí el frasco de vitaminas y las tengo en la mano",
        "tengo las pastillas de mi mamá en la mano, ya las conté pa llevárselas a la farmacia",
        "mi mamá tiene sus pastillas en la mesa y un vaso de agua",
        "la gente con la cerveza en la mano y el olor a porro por todos lados, yo me tomé una coca",
    ],
)
def test_pills_as_prescribed_or_counted_for_the_pharmacy_do_not_page(text: str) -> None:
    not_crisis(text)
