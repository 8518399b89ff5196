"""The learned layer on everyday text it raised in round 18 (issue 13): Spanish nights without sleep, "otra
vez" and "desde" in an ordinary day, read as a use by the relapse head ("no pude dormir otra vez, desde las 3
despierta", newcomer findings); and Spanish text it paged or nearly paged: a knife on the table or put away, a
march on a bridge, "no me mandes mensajes en la escuela. ya lo acepté", the day's pills, "ya no aguanto a mi
jefe"; long benign check-ins that touch several of those in passing. The sentences here are paraphrases
written for this test, never trained on (the families the model learned are
tests/data/screen/dev_hardneg_r19_*.txt)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from bot.domain.screen.lemmas import wait_loaded


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


TOLD_AS_NO_RELAPSE = [
    "no pude dormir otra vez, desde las 3 despierta",
    "anoche otra vez me desvelé con el niño enfermo",
    "otra vez no dormí nada, llevo desde la 1 viendo el techo",
    "se volvió a descomponer la lavadora, otra vez a lavar a mano",
    "up all night again with my sick mom",
    "barely slept again, awake since 3",
]

NOT_PAGED = [
    "el cuchillo está en la mesa",
    "hay marcha en el puente y el tráfico no avanza",
    "no me mandes mensajes en la escuela. ya lo acepté",
    "me tomo todas las pastillas que me tocan",
    "ya no aguanto a mi jefe",
    (
        "hola, les cuento cómo me fue. el lunes fui al seguro por lo de mi espalda y me dieron pastillas para el"
        " dolor, me las tomo como dice la receta. el martes hubo bloqueo en el puente por una marcha y llegué"
        " tarde a la chamba, mi jefe me regañó y ya no lo aguanto, pero me aguanté. en la noche la niña tuvo"
        " fiebre y no dormimos. el sábado hicimos carne asada en casa de mi hermana y yo tomé puro refresco."
        " voy bien, con ganas de seguir."
    ),
    (
        "buenas tardes. esta semana casi no dormí porque mi mamá se enfermó y me quedé con ella en el hospital"
        " dos noches. ya salió y está en su casa. en el trabajo tenemos mucho pendiente, el sábado me tocó ir a"
        " cubrir. el domingo limpié toda la casa, afilé el cuchillo de la cocina y lavé las cortinas. mi hijo me"
        " pidió que no le mande mensajes en la escuela porque le da pena, ya lo acepté jaja. fui a mi grupo el"
        " miércoles y con mi consejera el viernes."
    ),
]


@pytest.mark.parametrize("text", TOLD_AS_NO_RELAPSE)
def test_an_ordinary_night_or_mishap_is_told_to_nobody_as_a_relapse(text: str) -> None:
    result = assess(text)
    assert not any(r.startswith("relapse:learned") for r in result.reasons), result.reasons


@pytest.mark.parametrize("text", NOT_PAGED)
def test_everyday_spanish_is_not_raised_to_a_crisis_by_the_layer(text: str) -> None:
    assert assess(text).level != Level.CRISIS, assess(text).reasons
