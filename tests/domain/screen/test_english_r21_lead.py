"""The program's own meetings missed are no day not reached (session 21, lead): "cant make it to group tonight", the
commonest "can't come" there is, paged as crisis:future_absence; a day itself not reached still pages."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "cant make it to group tonight",
        "i dont think i can make it to group tonight",
        "wont make it to my session tomorrow",
        "cant make it to the meeting tonight, car broke down",
        "not gonna make it to therapy on monday, sorry",
    ],
)
def test_a_meeting_of_the_program_missed_is_not_a_crisis(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont think ill make it to thursday",
        "pretty sure i wont make it to monday",
        "i dont think ill make it to group tonight, i just want it all to end",
    ],
)
def test_a_day_not_reached_still_pages(text: str) -> None:
    crisis(text)
