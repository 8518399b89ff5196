"""The learned layer on everyday text it paged or read as a use in round 19 while the rules read it benign
(issue 13; newcomer findings): not wanting to be at a boring place, "kill" in a squabble over food, someone's
pills kept in the kitchen, a parking garage on an errand; someone else's drinking and a Spanish night without
sleep read as the patient's use. Still paged after round 20's retrain (not pinned here): "ya guardé el
cuchillo en el cajón" (p 0.50, the rules read check:means_at_hand, so it is no short text), "honestly just
tired. i keep telling myself tmrw will be better but idk anymore" (0.54) and "i mean its true tho. thats why im
here" (0.48; English threshold 0.45). The sentences here are newcomers' findings and paraphrases written for this test,
never trained on (the families the model learned are tests/data/screen/dev_hardneg_r20_*.txt and
dev_r20_es.txt)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from bot.domain.screen.lemmas import wait_loaded


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


NOT_PAGED = [
    "i dont want to be here anymore, this group is boring",
    "kill my brother he ate my leftovers",
    "mom keeps her pills in the kitchen",
    "parking garage to find my car",
    "circling the parking garage trying to find my car",
    "mi abuela guarda sus pastillas en el cajón de la cocina",
    "ando dando vueltas en el estacionamiento buscando mi carro",
]

NOT_A_USE = [
    "my husband was drunk again last night",
    "my husband came home drunk again last night",
    "no pude dormir otra vez",
    "mi esposo llegó borracho otra vez anoche",
]


@pytest.mark.parametrize("text", NOT_PAGED)
def test_everyday_text_the_rules_read_benign_is_not_paged_by_the_layer(text: str) -> None:
    assert assess(text).level != Level.CRISIS, assess(text).reasons


@pytest.mark.parametrize("text", NOT_A_USE)
def test_someone_elses_drinking_or_a_sleepless_night_is_no_use_of_the_patients(text: str) -> None:
    result = assess(text)
    assert not any(r.startswith("relapse:learned") for r in result.reasons), result.reasons
