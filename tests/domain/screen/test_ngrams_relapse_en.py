"""The learned layer's English relapse head (on since round 18): it tells a counselor of a use the English rules
read nothing in, and not of the everyday lives its hard negatives (tests/data/screen/dev_hardneg_relapse_en.txt:
time off, a knee messed up, a night without sleep, "again" and "since" in an ordinary day) stand for, and a long
text answers to the head's own long threshold. The sentences here are paraphrases written for this test, never
trained on."""

from __future__ import annotations

import pytest

from bot.domain.screen import ngrams
from bot.domain.screen.assess import Level, assess
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
    "took some days off work",
    "took some time off last month to be with my mom",
    "i havent slept since tuesday, this insomnia is killing me",
    "late for work again, the train was stuck",
    # Read as use at the 0.65 the round-18 trainer chose (0.70-0.76); round 19's hard negatives read them
    # 0.46-0.62, under the English floor of 0.7 (RELAPSE_FLOOR).
    "didnt sleep at all last night",
    "could not sleep again last night, awake since 2",
    "fell off my bike again",
    "i was up all night with the baby again",
]

# A use said without a substance or a use verb the rules know (they read none of these).
USE = [
    "back at square one after last night",
    "counting days from zero again as of sunday",
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


@pytest.mark.parametrize("text", USE)
def test_an_english_use_the_rules_miss_is_told_as_a_relapse(text: str) -> None:
    assert assess(text, ngrams_layer=False).level == Level.NONE
    result = assess(text)
    assert result.level == Level.RELAPSE
    assert result.reasons[0].startswith("relapse:learned("), result.reasons
