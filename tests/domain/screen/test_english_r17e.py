"""English, session 17e (issue 13, en13): the screening question answered no in the same sentence ("they asked if
i'd had thoughts of hurting myself and i said no") is asked about, a check, not a page; a drink or a pill offered
"and i said no" is a craving resisted, not use; a yes, or a harm told after, still pages. Every case is a paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the
layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "at my checkup they asked if i'd had thoughts of hurting myself and i said no, all good",
        "the intake lady asked me if ive had thoughts of hurting myself and i said no and i meant it",
        "the counselor asked if i've been hurting myself and i told her no",
        "doc asked whether i ever think about hurting myself and i answered no",
    ],
)
def test_the_screening_question_answered_no_is_asked_about_not_paged(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "my neighbor offered me a beer and i said no",
        "an old friend offered me some of his percs and i told him no",
        "guy at the bus stop offered me a hit and i said nope, kept walking",
        "my cousin held out a line for me and i said no and i meant it",
    ],
)
def test_a_use_offered_and_refused_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "they asked if i had thoughts of hurting myself and i said yes",
        "asked if i had thoughts of hurting myself and i said no. but honestly i cut myself last night",
        "i said no to the party and then i hurt myself",
        "i hurt myself again last night",
    ],
)
def test_a_yes_or_a_harm_told_beside_it_still_pages(text: str) -> None:
    crisis(text)
