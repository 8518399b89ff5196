"""Session 22 (en20), newcomer N218: asking to talk about a slip ("can we set up a time to talk this week about my
slip?", "i want to talk about my relapse with you on thursday") read as a craving or worse. A request about a lapse the
counselor knows of tells no new use; a use told beside it, or shame about last night's relapse, is still a relapse.
Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "can we set up a time to talk this week about my slip?",
        "i want to talk about my relapse with you on thursday",
        "could we go over my slip at group tomorrow",
        "id like to discuss the relapse in our session",
        "can i get an appointment about the slip",
    ],
)
def test_asking_to_talk_about_a_slip_tells_no_use(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i want to talk about my relapse, i used again last night",
        "i feel awful about my relapse last night",
        "i relapsed and i want to talk about it",
    ],
)
def test_a_use_told_beside_it_is_still_a_relapse(text: str) -> None:
    assert assess(text).level == Level.RELAPSE, (text, assess(text).reasons)
