"""Session 19 (en17, newcomer N119): a reassuring reply after a crisis ("yeah im at my sisters now, left the car at
home. sorry for freaking everyone out") paged a NEW alert: the apology's "everyone ... out" read as others away, and
"left the car at home" as things given away. The worry apologised for is no one away; a thing left AT a place is put
away, not handed over. A farewell, a handover to a person, and others away told as a plan still compose.
Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "yeah im at my sisters now, left the car at home. sorry for freaking everyone out",
        "sorry for freaking you out earlier. im at my brothers now and i left my truck at home",
        "im at my cousins now, left the truck at home. sorry for stressing yall out",
        "ok im at my dads. left my stuff at the apartment. sorry for freaking you guys out last night",
        "made it to my aunts, left the car at the house. didnt mean to freak everyone out",
    ],
)
def test_a_reassuring_reply_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gave my rifle to my cousin today. everyone is out tonight",
        "gave my dog to my neighbor. sorry for everything",
        "left my dog with my sister. tonight is the night",
        "gave all my stuff away. the kids are out of the house saturday",
    ],
)
def test_a_handover_or_a_farewell_still_composes(text: str) -> None:
    crisis(text)
