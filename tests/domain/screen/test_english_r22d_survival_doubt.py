"""Session 22 (en20): a doubt of surviving the night said of myself ("i dont think i can make it through the night",
"not sure ill make it till morning", "dont know if i'll survive tonight") read nothing or a check. It pages; a phone,
a dog or a grandmother as the subject, a meeting, a shift or a workday, a night got through without coffee or a drink,
and laughter do not, and making it TO group tonight is an RSVP, not even a check. Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i dont think i can make it through the night",
        "not sure ill make it till morning",
        "dont know if i'll survive tonight",
        "idk if ill make it thru tonight honestly",
        "i doubt ill still be here tomorrow",
        "i might not make it through the night",
        "no idea if i'll see the morning",
        "everything hurts and i dont think im gonna survive the night",
        "i really dont know if i can last till morning like this",
        "lord i dont reckon ill see morning",
        "i aint gonna make it thru the night",
        "i cant survive another night like this",
    ],
)
def test_a_doubt_of_surviving_the_night_pages(text: str) -> None:
    crisis(text, "crisis:survival_doubt")


@pytest.mark.parametrize(
    "text",
    [
        "idk if my phone will make it through the day",
        "not sure i can make it through the meeting without coffee",
        "i dont think my grandma will make it through the night, the hospice nurse called",
        "not sure i can get through the night shift without an energy drink",
        "idk if i'll survive this workday lol",
        "i cant wait to see tomorrow",
        "i dont think i can make it through the night without a drink",
        "not sure the dog will make it through the night",
        "i made it through the night, thank god",
        "not sure ill survive the night shift lol",
    ],
)
def test_a_thing_a_person_or_a_need_is_no_doubt_of_living(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont think i can make it to group tonight",
        "not sure ill make it to session tomorrow, car trouble",
    ],
)
def test_making_it_to_group_is_an_rsvp(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)
