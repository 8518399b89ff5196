"""Session 22 (es20, newcomer N209, N215, N223): the means put out of reach after a safety plan, told as done (handed to
someone, thrown out, kept at someone else's place or under lock, no longer with me, as agreed), is no stockpile, no use
and no page; pills saved with a purpose told beside them stay a crisis."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "ya le di las pastillas a mi hermana como me dijiste",
        "se las di a mi mamá para que me las guarde, como quedamos",
        "le entregué la pistola a mi tío, ya no la tengo",
        "ya tiré las pastillas a la basura, estoy bien",
        "eché las pastillas al escusado como me dijo la consejera",
        "ya no tengo las pastillas, se las llevó mi hermana",
        "mi padrino me las guarda ahora, me da una al día",
    ],
)
def test_means_handed_over_or_thrown_out_is_no_use_and_no_page(text: str) -> None:
    result = assess(text)
    assert result.level < Level.RELAPSE, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "si ya estoy mejor, ya guardé las pastillas en el cuarto de mi tía. gracias x escribirme",
        "ya guardé la pistola en casa de mi hermano, ya no la tengo aquí",
        "la enfermera guardó la morfina bajo llave, así me quedo más tranquila",
        "dejé las pastillas en casa de mi abuela, allá se quedan",
    ],
)
def test_means_kept_out_of_reach_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "llevo semanas guardando pastillas para tomármelas todas",
        "ya tengo guardadas las pastillas para esta noche",
        "guardé las pastillas en casa de mi mamá para tomármelas todas cuando nadie esté",
        "tengo guardadas todas las pastillas, ya sé cuándo",
    ],
)
def test_pills_saved_for_a_purpose_still_page(text: str) -> None:
    crisis(text)
