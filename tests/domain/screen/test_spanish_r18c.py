"""Spanish, session 18 (es15): a knock at my door from someone expected, a delivery or the mail ("alguien está
tocando la puerta, debe ser el de la pizza"), is no one lurking (it paged as watched + a time). A knock I fear, or
someone I fear outside, is still read. Paraphrases written for this test; rules alone (conftest.py turns the layer
off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "alguien está tocando la puerta, debe ser el de la pizza",
        "están tocando la puerta, ha de ser el repartidor de Rappi",
        "alguien está tocando la puerta, creo que es el cartero con mi paquete",
        "están tocando la puerta, ya llegó el pedido de la comida",
        "alguien está tocando la puerta, debe ser el domiciliario",
    ],
)
def test_an_expected_knock_is_no_one_lurking(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "alguien está tocando la puerta y no sé quién es, tengo miedo",
        "mi ex está afuera de mi casa tocando la puerta",
    ],
)
def test_a_feared_knock_is_still_read(text: str) -> None:
    assert assess(text).level >= Level.CHECK, assess(text).reasons
