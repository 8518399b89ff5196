"""Plain words asking for the bot's own functions (newcomer20 N205)."""

from __future__ import annotations

import pytest

from bot.domain.own_requests import own_request


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("delete my data", ("delete", "en")),
        ("Please erase all my messages", ("delete", "en")),
        ("how do i delete my account?", ("delete", "en")),
        ("borra mis datos por favor", ("delete", "es")),
        ("how do i talk to my counselor", ("message", "en")),
        ("how can i contact my therapist?", ("message", "en")),
        ("cómo le escribo a mi consejera", ("message", "es")),
    ],
)
def test_a_request_is_read(words: str, found: tuple[str, str]) -> None:
    assert own_request(words) == found


@pytest.mark.parametrize(
    "words",
    ["i deleted my ex's number", "i talked to my counselor today", "delete my data and then i'm done with everything",
     "how do i talk to my mom about using", "my counselor said to delete the app"],
)  # fmt: skip
def test_other_words_are_not_a_request(words: str) -> None:
    assert own_request(words) is None
