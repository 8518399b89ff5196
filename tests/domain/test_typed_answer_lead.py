"""An answer to "Are you safe right now?" followed by more words (newcomer16 N130): "yes im safe, im with my sister",
"me entendiste mal, hablaba de mi trabajo" are no bare answers, but they start with one."""

from __future__ import annotations

import pytest

from bot.domain.typed_answer import leads_with_answer


@pytest.mark.parametrize(
    "text",
    [
        "yes im safe, im with my sister",
        "me entendiste mal, hablaba de mi trabajo",
        "you misunderstood me, i meant my job",
        "no im not safe, he is back",
        "estoy bien, gracias, ya estoy en casa",
        "idk honestly, everything is a lot",
    ],
)
def test_an_answer_with_more_words_after_it(text: str) -> None:
    assert leads_with_answer(text)


@pytest.mark.parametrize(
    "text",
    ["yes", "im safe", "me entendiste mal", "i have the rope", "nobody gets it", "no clue what to eat lol"],
)
def test_a_bare_answer_or_other_words_are_not(text: str) -> None:
    assert not leads_with_answer(text)
