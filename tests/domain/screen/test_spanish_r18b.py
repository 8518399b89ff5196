"""Spanish, session 18 (es15): a bridge in traffic, at a border crossing or in a protest ("estoy en el puente y hay
piquete") is a commute, not a high place reached (it paged as at_a_high_place). Alone on a bridge, looking at the
water or saying goodbye, still pages. Paraphrases written for this test; rules alone (conftest.py turns the layer
off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el puente y hay piquete",
        "estoy en el puente y hay un trancón horrible",
        "llevo una hora en el puente por la marcha de los maestros",
        "estoy en el puente, hay un bloqueo, voy a llegar tarde al grupo",
        "ando en la garita del puente, la fila está eterna",
        "sigo en el puente, el tránsito no se mueve por la manifestación",
    ],
)
def test_a_bridge_in_traffic_or_a_protest_is_not_a_high_place(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el puente, quiero tirarme",
        "estoy en el puente mirando el agua, nadie sabe que estoy aquí",
        "estoy parado en el puente de la autopista viendo pasar los carros",
        "estoy en el puente. es la última vez que les escribo",
    ],
)
def test_alone_on_a_bridge_still_pages(text: str) -> None:
    crisis(text)
