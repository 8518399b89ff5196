"""Spanish, session 19 (es17): violence done to me told by its mark or its trigger. Grabbed, squeezed, shaken or
shoved hard enough to leave a bruise ("me agarró la muñeca tan fuerte que la tengo morada") pages as abuse (it paged
only by chance before); a fall, a nurse's tourniquet, tight shoes, a pet on its lead or a cold that "me agarró" does
not. A threat made to stop me going back to the program, taking the children, separating or calling the police
pages, as "si lo dejo me mata" did; a mother's "me mata" and ordinary plans with the same words do not. Paraphrases
written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me agarró la muñeca tan fuerte que la tengo morada",
        "mi esposo me jaloneó y tengo moretones en el brazo",
        "me apretó el cuello y me dejó marcas",
        "me empujó contra la pared y tengo la espalda morada",
        "anoche me agarró del brazo, me dejó los dedos marcados",
        "mi novio me zarandeó bien feo, traigo el brazo morado",
    ],
)
def test_a_bruise_left_by_someone_is_abuse(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "me caí de la bici y tengo la rodilla morada",
        "la enfermera me apretó el brazo con la liga y me quedó morado",
        "los zapatos nuevos me apretaron todo el día, tengo los dedos morados",
        "mi bebé me agarró el pelo jugando y me dejó marcas jaja",
        "me agarró la gripa y tengo la garganta hinchada",
        "me agarró el sueño en el camión, tengo el cuello marcado de la ventana",
        "mi perro me jaló de la correa y me dejó la mano morada",
    ],
)
def test_an_ordinary_bruise_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me dijo que si vuelvo al programa me quiebra las piernas",
        "si me llevo a los niños me mata",
        "dice que si me separo me va a matar",
        "si pido el divorcio me mata, ya me lo dijo",
        "si sigo yendo al grupo me va a madrear, eso dijo",
    ],
)
def test_a_threat_to_stop_me_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "si vuelvo al grupo el jueves les cuento cómo me fue",
        "si me llevo a los niños al parque me matan de cansancio",
        "si me separo de mi grupo de amigos me voy a aburrir",
        "si le digo a mi mamá que reprobé me mata jaja",
    ],
)
def test_the_same_words_in_ordinary_plans_are_not(text: str) -> None:
    not_crisis(text)
