"""The crisis answer's wording per kind, in both languages (bot/texts/crisis_answer.py)."""

from __future__ import annotations

import pytest

from bot import texts
from bot.texts.crisis_answer import _T

LINES = ("Call or text 988.", "Call 911 if you are in immediate danger.")
DV = ("Call the National Domestic Violence Hotline at 1-800-799-7233.",)


def test_every_wording_has_its_spanish_counterpart() -> None:
    assert set(_T["en"]) == set(_T["es"]), set(_T["en"]) ^ set(_T["es"])


@pytest.mark.parametrize(
    ("language", "leave", "call"),
    [("en", "Leave the place", "sponsor"), ("es", "Vete de ese lugar", "padrino")],
)
def test_a_strong_craving_gets_help_with_the_urge_then_the_crisis_lines(
    language: str, leave: str, call: str
) -> None:
    # newcomer9 N10: a dealer's door paged by the learned layer got the suicide and domestic-violence lines only.
    body = texts.crisis_answer(("strong_craving",), language, LINES, abuse_lines=(), told="Told.")
    assert leave in body and call in body, body
    assert body.index(call) < body.index("988") < body.index("Told.")  # the lines kept, after the help
    assert "1-800-799-7233" not in body


def test_an_unclear_crisis_lists_the_domestic_violence_line_only_when_given() -> None:
    assert "1-800-799-7233" in texts.crisis_answer(("crisis_unclear",), "en", LINES, abuse_lines=DV)
    assert "1-800-799-7233" not in texts.crisis_answer(("crisis_unclear",), "en", LINES, abuse_lines=())
    # After "I'm not safe": as the first answer was (the kind in the button says which).
    assert "1-800-799-7233" not in texts.not_safe_answer("en", LINES, "crisis_unclear", DV)
    with_dv = texts.not_safe_answer("en", LINES, "crisis_unclear_others", DV)
    assert "1-800-799-7233" in with_dv and "go somewhere safer" in with_dv


@pytest.mark.parametrize(("language", "said"), [("en", "this child"), ("es", "ese niño o niña")])
def test_a_child_abused_now_gets_the_child_abuse_line_first_then_the_emergency_number(
    language: str, said: str
) -> None:
    # newcomer9 N45: a child at home sexually abused now got the domestic-violence answer only.
    child = ("Childhelp 1-800-422-4453",)
    lines = ("Call or text 988.", "Call 911 if you are in immediate danger.")
    body = texts.crisis_answer(("child_abuse",), language, lines, abuse_lines=DV, child_lines=child)
    assert said in body, body
    assert (
        body.index("1-800-422-4453")
        < body.index("911 if")
        < body.index("1-800-799-7233")
        < body.index("988.")
    )
    assert ("people around you" if language == "en" else "personas a tu alrededor") in body


def test_the_urge_surfing_button_is_pointed_to_only_where_it_is_shown() -> None:
    # Someone not enrolled, or after /stop, gets no button the bot would take: the steps say how, not "tap".
    shown = texts.crisis_answer(("strong_craving",), "en", LINES, urge_button=True)
    alone = texts.crisis_answer(("strong_craving",), "en", LINES, ask=False)
    assert "Try urge surfing" in shown and "Try urge surfing" not in alone and "breathe slowly" in alone
    assert "Probar surfear la ola" not in texts.crisis_answer(("strong_craving",), "es", LINES)


@pytest.mark.parametrize("language", ["en", "es"])
def test_someone_hurting_them_there_now_gets_the_emergency_number_first(language: str) -> None:
    # newcomer10 N35: "my ex is outside my apartment banging on the door right now" listed 911 fourth.
    now = texts.crisis_answer(("abuse",), language, LINES, abuse_lines=DV, now=True)
    assert now.index("911 if") < now.index("1-800-799-7233") < now.index("988."), now
    before = texts.crisis_answer(("abuse",), language, LINES, abuse_lines=DV)
    assert before.index("1-800-799-7233") < before.index("988.") < before.index("911 if"), before
    again = texts.crisis_again(("abuse",), language, ["Morgan"], LINES, abuse_lines=DV, now=True)
    assert again.index("911 if") < again.index("1-800-799-7233"), again


@pytest.mark.parametrize("language", ["en", "es"])
def test_not_safe_now_from_someone_hurting_them_lists_the_emergency_number_first(language: str) -> None:
    # "I'm not safe right now" after the abuse answer is danger now by its own words (newcomer10 N35).
    body = texts.not_safe_answer(language, LINES, "abuse", DV)
    assert body.index("911 if") < body.index("1-800-799-7233") < body.index("988."), body
