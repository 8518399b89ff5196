"""Spanish, session 19 (es17): a parking lot is ground level. A car parked, a wait or a cry in the car in the parking
lot ("lloré en el coche en el parking del súper") was read as "at a place of means" (a building to jump from), and
beside any "hoy" or "esta noche" it paged; the top floor or the roof of a parking garage keeps its own words and
still pages. Gone fishing at the dam is an outing. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "hoy me quedé en la troca en el estacionamiento como media hora antes de entrar",
        "lloré en el coche en el parking del súper, hoy fue un día pesado",
        "esta noche me esperé en el carro en el estacionamiento del hospital hasta que salió mi mamá",
        "hoy me tocó comer en la camioneta en el estacionamiento de la obra",
        "me voy al estacionamiento por el carro y regreso, hoy salimos temprano",
    ],
)
def test_a_car_in_the_parking_lot_is_not_a_high_place(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el último piso del estacionamiento y ya no aguanto",
        "estoy en la azotea del estacionamiento, esta noche se acaba todo",
    ],
)
def test_the_top_of_a_parking_garage_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "fui a pescar a la presa el domingo, saqué tres mojarras",
        "hoy nos vamos de pesca a la presa con mi compadre",
        "mañana me voy a pescar al río con mis hijos",
        "el sábado fuimos de pesca al puente viejo, no picó nada",
    ],
)
def test_gone_fishing_is_an_outing(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el río donde pescaba con mi papá y me quiero aventar",
        "estoy en la presa sola y hoy me aviento",
    ],
)
def test_a_river_or_a_dam_with_a_plan_still_pages(text: str) -> None:
    crisis(text)
