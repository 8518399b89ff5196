"""The learned layer on crises told in function words (issue 13, round 21). Newcomer18's N183 saw long everyday
check-ins paged on words like "he", "wont", "tonight", "myself", "gonna", and the round asked whether a reading
whose drivers are all function words could be demoted to a check. Measured (ngram14, a stop-word list of ~200
English and ~130 Spanish words, the top three drivers): on G12, read out of sample by round 20's model, it would
have demoted 7 crises the rules missed ("i know the when and the where now") and no benign page; in the
development part, 46 crises against 17 benign texts. So a crisis said with "when", "where", "tonight", "voy a
hacer" stays a crisis: these paraphrases, written for this test and never trained on, page through the layer
alone (the rules read them as nothing) and go red under such a demotion."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from bot.domain.screen.lemmas import wait_loaded


@pytest.fixture(autouse=True, scope="module")
def _lemmas() -> None:
    wait_loaded(None)


CRISIS_IN_FUNCTION_WORDS = [
    "i know the where and the when now, wont be long",
    "i've got everything i need right here with me, tonight is the night",
    "ya sé cuándo y dónde, va a ser pronto",
]


@pytest.mark.parametrize("text", CRISIS_IN_FUNCTION_WORDS)
def test_a_crisis_told_in_function_words_still_pages(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS, result.reasons
    assert any(r.startswith("crisis:learned(") for r in result.reasons), result.reasons
