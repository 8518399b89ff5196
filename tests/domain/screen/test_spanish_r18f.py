"""Spanish, session 18 (es15): going to God, to be with the Lord, said of myself ("hoy me voy con el Señor", "esta
noche me voy a casa con Dios") is a wish to be dead, a crisis (the Spanish twin of "im goin home to the lord tonight";
read as nothing or a check from the layer). God ahead of me, at peace with God, a blessing, church and a grandmother
gone to God stay unread. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "hoy me voy con el Señor",
        "esta noche me voy a casa con Dios",
        "quiero irme con Dios",
        "ya me voy a ir con Diosito",
        "ya quiero estar con el Señor",
        "me voy a reunir con el Señor esta noche",
    ],
)
def test_going_to_god_said_of_myself_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "hoy me voy a la entrevista con Dios por delante",
        "quiero hablar con Dios, ando muy confundida",
        "me voy a trabajar, con el favor de Dios",
        "ya me voy, que Dios los bendiga",
        "mi abuelita ya se fue con Dios, la vamos a extrañar",
        "me voy al retiro con el grupo de la iglesia, con Dios",
    ],
)
def test_god_in_everyday_life_is_not(text: str) -> None:
    read_as(text, Level.NONE)


def test_the_gas_man_at_the_door_is_expected() -> None:
    assert assess("alguien toca la puerta, debe ser el del gas").level == Level.NONE
