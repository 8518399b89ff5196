"""The learned layer on everyday text it alone raised in round 18 (issue 13): Spanish "ya no aguanto" said of a
person or the weather, a parked car, yard work, dinner's knife, a gift, a debt, the laundry on the roof, an
insurance question, a headache that lingers, and what es15's rules now read as nothing (a bridge in a march,
the pills of the day, the delivery at the door, a rule accepted); English twins (newcomer N19: "my car won't
start" under a session reminder); and English nights without sleep, "again" and "since" in an ordinary day,
read by the relapse head. The sentences here are paraphrases written for this test, never trained on (the
families the model learned are tests/data/screen/dev_hardneg_r18_*.txt and dev_hardneg_relapse_en.txt)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from bot.domain.screen.lemmas import wait_loaded


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


PAGED_BY_THE_LAYER_ALONE = [
    "ya no aguanto a mi suegra",
    "la neta ya no aguanto a mi suegra, opina de todo",
    "ya no aguanto a mi jefe",
    "ya no aguanto este calor",
    "ya no aguanto el calor de este verano, parece horno",
    "mi cuñado dejó su camioneta estacionada enfrente de la cochera",
    "le debo lana a mi primo y me da vergüenza decirle que no tengo",
    "agarré el machete para limpiar el monte de la parcela",
    "no sé qué regalarle a mi cuñada en navidad",
    "estoy en la cochera calentando la camioneta, está helando",
    "ando en la azotea colgando la ropa, ya bajo",
    "si me choca un carro, el seguro paga todo",
    "ahorita me tomo las pastillas que me tocan en la noche",
    "están tocando la puerta, creo que ya llegó el pedido",
    "my car won't start this morning",
    "my car wont start, gonna call a tow truck",
    "up in the garage getting the car warmed up, so cold today",
    "knife's on the table, come eat",
]

TOLD_AS_NO_RELAPSE = [
    "me sigue doliendo la cabeza desde ayer",
    "me sigue doliendo la cabeza desde el lunes, ya me tomé un té",
    "couldnt sleep again, up since 3",
    "havent slept in two days, the insomnia is brutal",
    "up since 5 with the baby again",
    "migraine again today, laying in the dark",
    "totally wrecked after my double shift at the diner",
]


@pytest.mark.parametrize("text", PAGED_BY_THE_LAYER_ALONE)
def test_everyday_text_is_not_raised_to_a_crisis_by_the_layer(text: str) -> None:
    result = assess(text)
    assert result.level != "crisis", result.reasons


@pytest.mark.parametrize("text", TOLD_AS_NO_RELAPSE)
def test_a_sleepless_night_or_a_headache_is_told_to_nobody_as_a_relapse(text: str) -> None:
    result = assess(text)
    assert not any(r.startswith(("relapse:learned", "crisis:learned")) for r in result.reasons), (
        result.reasons
    )
