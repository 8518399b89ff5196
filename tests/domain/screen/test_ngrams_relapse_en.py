"""The learned layer's relapse head on English everyday life (round 17): the texts its English hard negatives
(tests/data/screen/dev_hardneg_relapse_en.txt) stand for are told to nobody as a relapse, and a long text
answers to the head's own long threshold. The sentences here are paraphrases written for this test, never
trained on; they guard the day the English head is switched on (train_screen_ngrams.RELAPSE_LANGUAGES)."""

from __future__ import annotations

import pytest

from bot.domain.screen import ngrams
from bot.domain.screen.assess import assess
from bot.domain.screen.lemmas import wait_loaded


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


# Time off, a body part or a task messed up, a fall, medicine as prescribed, someone else drinking, a few of
# something that is no drink, a spree that is baking, a night without sleep.
EVERYDAY = [
    "took the long weekend off and drove up to see my grandma",
    "i'm off work all next week, gonna paint the kitchen",
    "messed up my shoulder again moving boxes at the warehouse",
    "i screwed up the spreadsheet again and had to redo it",
    "fell off my skateboard in the driveway, elbow is scraped up",
    "took my suboxone strip this morning at the usual time",
    "my sister was drunk at the wedding and i drove her home",
    "had a few tacos from the truck by the shop, so good",
    "went on a baking spree and made four dozen cookies",
    "took a few days off work",
    "couldnt sleep again, up since 3",
]


def test_the_shipped_relapse_head_has_its_own_long_threshold() -> None:
    model = ngrams.shipped()
    assert model is not None and model.relapse is not None
    for lang in model.relapse.thresholds:
        if not lang.endswith(".long"):
            assert f"{lang}.long" in model.relapse.thresholds
            assert model.relapse.threshold(lang, long=True) >= model.relapse.threshold(lang)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_english_is_told_to_nobody_as_a_relapse(text: str) -> None:
    result = assess(text)
    assert not any(r.startswith("relapse:learned") for r in result.reasons), result.reasons
