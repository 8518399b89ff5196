"""Session 18 (en16, newcomer N110): a parent, a step-parent or a parent's partner hitting or beating a child or a young
sibling at home, now or habitually, is the child-abuse crisis (counselors are mandated reporters): "my dad hits my
little sister at night" read as nothing, the rest only a check. Its kind is child_abuse, so the answer gives the
child-abuse line first and the card says a child at home is hurt. A sibling's play-fight, a game won, a spanking
argued about, a show, or the long past are not. English and Spanish; paraphrases written for this test; rules alone
(conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my stepmom slaps my little brother every day",
        "my mom's husband keeps beating my baby sister",
        "my moms boyfriend punches my little brother when shes at work",
        "my father whips my younger sister with a belt",
        "my dad hits my lil bro at night when he gets home drunk",
        "my girlfriend hits my son when im not around",
        "el novio de mi mamá golpea a mi hermanito cuando toma",
        "mi padrastro le pega a mi hermano chiquito con el cinturón",
        "mi mamá maltrata a mi hermanita todos los días",
        "mi papá cachetea a mi hermanita en las noches",
    ],
)
def test_a_grown_up_at_home_hitting_a_child_is_child_abuse(text: str) -> None:
    result = crisis(text)
    assert crisis_kinds(result.reasons, result.clauses) == ("child_abuse",), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my dad beat my little brother at chess",
        "my mom beats my little sister at uno every time lol",
        "my little brother hits my sister all the time",
        "my sister hits my little brother when they fight",
        "my dad used to hit my sister when we were kids",
        "my parents argue about whether to spank my little brother",
        "on the show the dad hits his little girl",
        "my dad hits my sister up for money every month",
        "mi papá le pega al balón con mi hermanito",
        "mi hermano le pega a mi hermanita jugando",
        "mi papá le pegaba a mi hermano cuando éramos niños",
        "mi papá le pegó la gripa a mi hermanita",
    ],
)
def test_a_game_a_sibling_fight_a_show_or_the_past_is_no_child_abuse_crisis(text: str) -> None:
    not_crisis(text)
