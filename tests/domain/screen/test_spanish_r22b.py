"""Session 22 (es20, newcomer N221, silent): the burden lifted from the others by my ending, said with a time to come
("después de esta noche ya no seré un problema", "mañana ya no van a tener que lidiar conmigo"), composed rather than
listed; and good news, a ride or a class that is no ending."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "ya no te preocupes por mí, después de esta noche ya no seré un problema",
        "mañana ya no van a tener que lidiar conmigo",
        "después de hoy ya no seré una carga para nadie",
        "pronto ya no tendrán que cargar conmigo",
        "a partir de mañana ya no van a tener que aguantarme",
        "esta noche se acaba, ya no seré un estorbo para mi familia",
        "ya mero no van a tener que batallar conmigo, ya lo decidí",
        "ya no tendrás que preocuparte por mí después de esta noche",
    ],
)
def test_no_longer_a_burden_with_a_time_pages(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "ya no van a tener que preocuparse por mí, conseguí trabajo y depa",
        "ya no seré un problema para el equipo, ya aprendí a usar el sistema",
        "no te preocupes por mí, estoy bien, mañana te veo",
        "ya no tendrás que cuidar a los niños mañana, mi mamá viene",
        "ya no seré un problema en clase, lo prometo, mañana llego temprano",
        "puedo llevar a mi bebé al grupo? no tengo quien me lo cuide el jueves",
        "ya no es un problema, mañana lo arreglo",
    ],
)
def test_good_news_or_an_errand_is_no_burden(text: str) -> None:
    not_crisis(text)
