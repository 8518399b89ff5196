"""Spanish, session 20 (es18): the burden, as families. The others better, freer or at peace if I did not exist, with
"ya no" between ("ella sería libre si yo ya no existiera", "si no estuviera ya descansarían"), easier without me
("la vida les sería más fácil sin mí"), the burden I am with my going said softly ("cuando me vaya va a estar más
tranquila", "mejor me desaparezco pa siempre"), their load lifted ("ya no tengan que cargar conmigo"), better off
with the insurance. Not there in another sense ("si no estuviera tan cansado"), a move, a trip or a group left for a
while are not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá sería libre si yo ya no existiera",
        "todos estarían mejor si yo ya no anduviera aquí",
        "soy un problema, si no estuviera ya descansarían",
        "si yo ya no estuviera mi esposa podría respirar",
        "mis hijos estarían tranquilos si yo no existiera",
        "la vida les sería mucho más fácil sin mí",
        "serían libres sin mí, lo sé",
    ],
)
def test_better_or_free_if_I_did_not_exist_pages(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "nomás soy una carga pa mi jefa, cuando me vaya va a estar más tranquila",
        "soy una carga pa todos. mejor me desaparezco pa siempre",
        "a mis hijos les iría mejor sin un padre así",
        "es hora de que ya no tengan que cargar conmigo nunca más",
        "mi esposo estaría mejor con el seguro que conmigo",
        "ya no quiero ser un estorbo. pronto les quito el peso de encima",
    ],
)
def test_the_burden_with_my_going_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estarían mejor si no estuviera tan cansado",
        "mi familia estaría mejor si no estuviera tomando",
        "sería más fácil sin mí en la fiesta, no conozco a nadie",
        "mi mamá sería libre si yo me mudara a otra ciudad",
        "no soy una carga, mi familia me apoya",
        "mejor me desaparezco del grupo un rato",
    ],
)
def test_not_there_in_another_sense_is_not(text: str) -> None:
    not_crisis(text)
