"""Round 14's second Spanish pass, in phrasings written for this test (not from any corpus), each beside readings
that must stay below a crisis: an overdose seen by someone beside the person (two grave signs, or one with a plea
for help) whatever was taken; using alone and feeling strange, scared or unseen; going where nobody will find me;
a threat to kill me is abuse, not my own wish; fear that someone will kill my child is a danger from others, not
harm I mean to do."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "mi amigo se puso morado y no respira, que hago",
        "mi compa está azul y no despierta",
        "wey mi carnal no respira q hago",
        "mi amiga ronca raro y no la puedo despertar",
        "el pana se está poniendo morado y no reacciona, ayúdenme",
    ],
)
def test_an_overdose_seen_beside_someone_is_a_crisis(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "mi amigo se puso morado de tanto reír",
        "ya no respira ese perfume",
        "mi hijo se puso morado de coraje",
        "mi perro ronca raro",
    ],
)
def test_one_sign_alone_or_a_laugh_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me inyecté sola en el baño del trabajo y me siento rara",
        "fumé solita en el carro y tengo miedo",
        "me piqué sola hace rato y me siento muy mal",
        "me inyecté solo y nadie sabe dónde estoy",
    ],
)
def test_using_alone_and_feeling_strange_is_an_overdose_crisis(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me inyecté la insulina sola, todo bien",
        "me fui sola al cine y me sentí rara",
        "me inyecté la insulina sola y me siento rara, creo que se me bajó el azúcar",
    ],
)
def test_a_prescribed_shot_or_an_outing_alone_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "nadie me va a encontrar donde voy",
        "me voy lejos, nadie me va a encontrar",
        "a donde voy nadie me va a hallar",
    ],
)
def test_going_where_nobody_will_find_me_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me voy de vacaciones a la playa, nadie me va a encontrar jaja",
        "jugando a las escondidas con mi hijo, donde voy nadie me va a encontrar jaja",
        "nadie me va a encontrar en la fiesta, voy disfrazada",
    ],
)
def test_hiding_on_a_trip_or_in_a_game_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi pareja me amenaza con matarme si lo dejo",
        "mi ex me amenazó con matarme",
        "mi esposo me está amenazando con matarme",
    ],
)
def test_a_threat_to_kill_me_is_abuse_not_my_own_wish(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons) == ("abuse",)
    assert not any(r.startswith(("crisis:kill_self", "crisis:self_harm")) for r in result.reasons)


def test_my_own_wish_beside_a_threat_stays_my_own() -> None:
    reasons = assess("mi pareja me amenaza con matarme, y yo ya me quiero matar").reasons
    assert "crisis:kill_self" in reasons


@pytest.mark.parametrize(
    "text",
    [
        "tengo miedo de que a mi hijo lo maten",
        "tengo miedo de que maten a mi hijo",
        "me da miedo que a mi hermano lo maten esos tipos",
    ],
)
def test_fear_for_my_childs_life_is_a_danger_from_others(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "harm_others" not in crisis_kinds(result.reasons)
