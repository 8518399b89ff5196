"""Session 22 (es20): a use told as a PATTERN in Spanish (a habit, a count of days or nights, a run), in many
varieties, and what is not: a pattern of not using, the coffee or the medicine every day, someone else's habit."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import not_crisis


def _relapse(text: str) -> None:
    result = assess(text)
    assert result.has(Level.RELAPSE), (text, result.reasons)


def _no_relapse(text: str) -> None:
    result = not_crisis(text)
    assert not result.has(Level.RELAPSE), (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # the verb in the first person, beside the habit
        "me tomo unas seis cada noche al salir del jale",
        "consumo diario desde que me corrieron del trabajo",
        "se volvió costumbre, me chupo unas al salir de la obra",
        "cada vez que me peleo con mi vieja me meto algo",
        "ya van como cinco veces que uso esta semana",
        "todos los fines me emborracho desde el viernes hasta el domingo",
        "bebo todas las tardes en el parque con los del barrio",
        # the verb that does not say whose
        "de lunes a lunes pisteando, ya ni sé qué día es",
        "me he estado metiendo algo entre semana para aguantar",
        "noche tras noche bebiendo sola en la cocina",
        "llevo tres semanas dándole al cristal antes del turno",
        "cada noche me pongo a tomar sola cuando se duermen los niños",
        "esta semana me he metido algo cada día",
        "van cuatro noches tomando en el carro antes de entrar a la casa",
        # the drink or the drug named beside the habit, no verb
        "los fines de semana me la paso con el guaro de viernes a domingo",
        "me levanto y lo primero que hago es el porro",
        "cada quincena lo mismo con la perica",
        "unas caguamas cada tarde, ya es rutina",
        "le echo ron al café todas las mañanas para arrancar",
        # drunk or high as a habit
        "cada viernes y sábado acabo ciega",
        "todos los domingos amanezco crudo, ya es costumbre",
        # the bar as a habit
        "cada que cobro me voy derechito a la cantina",
        "ya es rutina, salgo del trabajo y me voy al bar",
        # not stopped since
        "no he parado desde el jueves",
        "no he parado en toda la semana, la verdad",
    ],
)
def test_a_use_told_as_a_pattern_is_a_relapse(text: str) -> None:
    _relapse(text)


@pytest.mark.parametrize(
    "text",
    [
        # a pattern of not using
        "llevo una semana sin tomar",
        "llevo dos semanas limpio, voy al grupo diario",
        # coffee, tea, the medicine, the bus, the gym, water every day
        "tomo café todas las mañanas",
        "me tomo un tecito cada noche antes de dormir",
        "me tomo la pastilla de la presión todas las noches",
        "tomo el camión cada mañana para ir a la chamba",
        "voy al gym diario después del trabajo",
        "tomo agua cada rato porque hace calor",
        # someone else's habit
        "mi papá toma cada noche y me preocupa",
        "mi hermano se pone bien pedo cada fin de semana",
        # a bar passed, or worked at
        "pasé tres veces por delante de la cantina y no entré",
        "trabajo de mesera en un bar todos los fines de semana",
        # "no he parado" of work
        "no he parado desde el lunes con tanto trabajo",
        "llevo 4 días metido en mi casa",
    ],
)
def test_not_using_or_another_habit_is_no_relapse(text: str) -> None:
    _no_relapse(text)
