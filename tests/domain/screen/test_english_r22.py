"""Session 22 (en20), newcomer N208: reassurance and apology after a crisis ("tell pat im sorry, im fine now") read as a
farewell with a chosen time (the "now" of "i'm ok now"), "sorry i scared her" as fear. A farewell said with "now",
a time or an ending still pages. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "tell pat im sorry, im fine now",
        "can u tell pat i'm sorry about earlier, i'm ok now, at my moms",
        "please tell dana im sorry i scared her, im safe now",
        "tell everyone i'm sorry for earlier, i'm good now, my sister is with me",
        "so sorry for scaring u, im fine now fr",
        "let my counselor know i am sorry about last night. i am okay now, my husband is home",
        "tell ms rivera i apologize for all that, im doing better now",
    ],
)
def test_reassurance_after_a_crisis_is_no_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im sorry for everything, i love you all, goodbye",
        "tell my kids im sorry, its time now",
        "tell mom im sorry. tonight is the night",
        "tell my mom i love her, im done now",
        "im fine now. tell my kids i love them, i wont be around after tonight",
    ],
)
def test_a_farewell_said_with_now_or_a_time_still_pages(text: str) -> None:
    crisis(text)
