"""Spanish, session 20 (es18): relapse told in slang and as a pattern. A drug named as a state ("me puse bien
perico"), back to a named drink or drug ("volví al escabio"), meth as "vidrio", drinks as "palos" (Caribbean), a joint
smoked ("me fumé un gallo"), a vocative before a first-person past ("amiga me puse bien borracha"), a habit with its
count kept ("ya van tres viernes seguidos") and ending up using ("termino usando"). Ice on a knee, a glass cut, a
cigarette, a past told, medicine as prescribed, meetings counted and a craving resisted are not. Paraphrases written
for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "me puse bien perico el viernes",
        "anduve bien cristal todo el puente",
        "ando bien mota desde la mañana",
        "me puse bien loco el sábado con los del barrio",
        "amiga me puse bien borracha en la boda",
        "chamo agarré una pea el viernes",
        "ando empericado desde el jueves",
        "me puse bien jarra con los de la obra",
    ],
)
def test_high_as_a_state_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "me duele la rodilla, me puse hielo",
        "antes era bien perico pero eso se acabó hace años",
        "estaba la mota de mi hermano en la mesa y no la toqué",
        "me puse bien loca de contenta con la noticia",
        "ando bien, gracias a dios",
    ],
)
def test_ice_a_past_or_a_joy_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "volví al cañazo con mis tíos",
        "volví al escabio esta semana",
        "otra vez con la tecata, no aguanté",
        "ando otra vez con el vidrio",
        "me volví a meter vidrio el sábado",
        "le estoy dando al vidrio otra vez",
        "otra vez al pisto, ni modo",
    ],
)
def test_back_to_a_named_drink_or_drug_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "se rompió el vidrio del carro otra vez",
        "volví a la tienda por cerveza para la carne asada de mi papá",
        "mi papá otra vez con la cerveza, ya me tiene harto",
        "escribí unas líneas para el grupo",
    ],
)
def test_a_glass_an_errand_or_a_father_drinking_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "me fumé un gallo anoche",
        "nos hicimos unos petas después del trabajo",
        "me fumé un pitillo en la casa de un amigo",
        "fumamos unos porritos en el parque",
        "me di unos palos con los panas en el colmado",
        "me eché unos palos de ron en el jangueo",
        "me compré unas azulitas con el vato de siempre",
    ],
)
def test_a_joint_drinks_or_blues_in_slang_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "el gallo de mi abuela canta a las cinco",
        "me fumé un cigarro en el descanso",
        "me di con un palo en la rodilla jugando béisbol",
    ],
)
def test_a_rooster_a_cigarette_or_a_knock_is_not_a_use(text: str) -> None:
    read_as(text, Level.NONE) if "cigarro" not in text else not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cada que me pagan me voy a drogar, ya van tres viernes seguidos",
        "cada noche cuando se duermen los niños me fumo unos porros, ya van dos semanas",
        "cada que me peleo con mi esposa termino tomando, ya van como cuatro veces este mes",
        "cada vez que cobro me voy a pistear con los compas, ya llevo tres quincenas así",
        "cada que salgo de la chamba termino usando, ya son varias veces",
    ],
)
def test_a_habit_counted_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "cada vez que voy al grupo me siento mejor, ya van tres semanas",
        "cada vez que tengo ganas de tomar le hablo a mi padrino, ya van tres veces",
        "ya llevo tres meses limpio",
        "termino tomando café con mi mamá cada tarde",
        "cada domingo vamos a la junta, ya van cuatro seguidas",
    ],
)
def test_meetings_counted_or_a_craving_resisted_is_not(text: str) -> None:
    read_as(text, Level.NONE)
