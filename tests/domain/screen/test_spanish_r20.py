"""Spanish, session 20 (es18): relapse told as a euphemism. Fallen again in the perfect ("he vuelto a caer"), messed
it up again with the pronoun ("la volví a regar", "la he liado"), "la regué" said alone, a rough weekend with an
innuendo ("ya saben a qué me refiero"), the days I had lost, and off the rails ("me descarrilé"). A fall, a cold, an
exam, a diet or a death told is not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "he vuelto a caer, no sé qué me pasa",
        "ya volví a caer, consejera",
        "pues he vuelto a caer en lo mismo",
        "he caído otra vez el fin de semana",
        "otra vez he vuelto a recaer, perdón",
    ],
)
def test_fallen_again_in_the_perfect_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "volví a caer de la bici en la bajada",
        "he vuelto a caer enferma con la gripa",
        "me he vuelto a caer de la escalera del patio",
        "volví a caer en cama con fiebre",
    ],
)
def test_a_fall_or_a_cold_again_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "la volví a regar, raza",
        "la he cagao otra vez, lo siento mucho",
        "la he liado este finde",
        "la volví a cagar anoche",
        "volví a regarla el sábado",
        "la regué",
        "ya la cagué, perdón",
    ],
)
def test_messed_it_up_again_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "la regué en el examen de manejo",
        "la cagué con mi jefa por llegar tarde",
        "la lié con el pastel, se me quemó jaja",
        "la volví a cagar en la entrevista de trabajo",
    ],
)
def test_messed_up_at_an_exam_or_with_the_boss_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "tuve un fin de semana feo. ya saben a qué me refiero",
        "tuve un finde pesado, usted me entiende",
        "fue una noche perdida, si me entiende",
        "el sábado estuvo gacho, tú me entiendes",
        "se me fue la mano en la fiesta, usted sabe a qué me refiero",
    ],
)
def test_a_rough_weekend_hinted_at_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "tuve un fin de semana feo, se murió mi tío",
        "tuve una semana pesada en el trabajo, usted me entiende",
        "fin de semana feo con la gripa, tú me entiendes",
    ],
)
def test_a_rough_week_at_work_or_a_death_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "perdí los días que llevaba. me toca empezar de cero",
        "se me fueron los meses que tenía, otra vez a contar",
        "perdí el tiempo que llevaba, qué coraje",
        "ya perdí las semanas que llevaba",
    ],
)
def test_the_days_I_had_lost_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "me descarrilé el sábado",
        "me desbalagué una noche nomás, ya estoy de regreso",
        "me salí del huacal en la boda de mi primo",
        "me he desviado del camino otra vez",
        "me volví a descarrilar este puente",
    ],
)
def test_off_the_rails_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "me descarrilé con la dieta esta semana",
        "me salí del camino con el presupuesto, gasté de más",
        "el tren se descarriló cerca de la estación",
    ],
)
def test_off_the_rails_with_a_diet_or_a_train_is_not(text: str) -> None:
    read_as(text, Level.NONE)
