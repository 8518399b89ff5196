"""A goodbye told in pieces after hopelessness (newcomer18 N178): "ya no puedo" / "estoy harta de todo" /
"perdónenme" / "los quiero mucho" was never paged; the everyday "sorry, love you all, see you at group" must not
be."""

from __future__ import annotations

import pytest

from bot.domain.farewell_burst import farewell_after_despair, parting, signs_after_question
from bot.domain.screen.assess import Level

YEAR = 2026


def _read(despair: list[str], *rest: str) -> Level | None:
    *after, text = rest
    found = farewell_after_despair([*despair, *after], text, YEAR)
    return found.level if found is not None else None


@pytest.mark.parametrize(("despair", "rest"), [
    (["ya no puedo", "estoy harta de todo"], ("perdónenme", "los quiero mucho")),
    (["i cant anymore", "im so tired of everything"], ("im sorry", "i love you all")),
    (["i cant anymore\nim so tired of everything"], ("thank you for everything", "goodbye")),
    (["estoy harta de todo"], ("perdón", "gracias por todo")),
])  # fmt: skip
def test_two_parting_messages_after_hopelessness_are_a_crisis(
    despair: list[str], rest: tuple[str, ...]
) -> None:
    assert _read(despair, *rest) == Level.CRISIS
    found = farewell_after_despair([*despair, *rest[:-1]], rest[-1], YEAR)
    assert found is not None and "crisis:read_with_earlier" in found.reasons
    assert "crisis:signals.distress+farewell" in found.reasons  # the card: "talked about ending their life"


def test_a_parting_word_joined_to_the_question_s_flag_still_counts() -> None:
    # "perdónenme" read with "ya no puedo" as worrying words joins the first flag (newcomer18 N181).
    assert _read(["ya no puedo", "estoy harta de todo", "ya no puedo", "perdónenme"], "los quiero mucho")


def test_one_parting_message_is_not_enough() -> None:
    assert _read(["i cant anymore", "im so tired of everything"], "i love you all") is None
    assert _read(["ya no puedo", "estoy harta de todo"], "perdónenme") is None


@pytest.mark.parametrize(("despair", "rest"), [
    # No hopelessness asked about before: an everyday sign-off.
    (["great group today"], ("sorry", "love you all")),
    ([], ("sorry", "love you all")),
    # Seen again soon: "see you at group" in the burst.
    (["im so tired of everything"], ("sorry", "love you all, see you at group")),
    (["im so tired of everything"], ("see you at group tomorrow", "sorry", "love you all")),
    (["estoy harta de todo"], ("perdón", "los quiero, nos vemos mañana")),
    # An apology for something small is not said to everyone.
    (["im so tired of everything"], ("sorry for venting", "love you guys")),
    (["estoy harta de todo"], ("perdón por el rollo", "los quiero")),
    # Not a parting word last.
    (["im so tired of everything"], ("sorry", "love you all", "going to make dinner")),
])  # fmt: skip
def test_everyday_sign_offs_are_not_a_crisis(despair: list[str], rest: tuple[str, ...]) -> None:
    assert _read(despair, *rest) is None


def test_parting_words() -> None:
    assert all(
        parting(t, YEAR) for t in ("perdónenme", "los quiero mucho", "im sorry", "i love you all", "bye")
    )
    assert not any(
        parting(t, YEAR) for t in ("sorry for venting", "see you at group", "ok", "love you, talk tomorrow")
    )
    assert not parting("sorry " * 100, YEAR)  # a long message is read by itself


def test_a_finality_after_a_farewell_under_the_question_is_a_crisis() -> None:
    """newcomer21 N186: "thanks for everything. really." (asked about) / "this is the last time you'll hear from me"
    / "bye": farewell and finality read across the messages."""
    earlier = ["thanks for everything. really.", "this is the last time you'll hear from me"]
    # The rules read "the last time you'll hear from me" as farewell and finality since en19's N186 family: with
    # the earlier words or alone, a crisis at the second message (the page comes there; "bye" joins it).
    found = signs_after_question(earlier[:1], earlier[1], YEAR)
    assert found is not None and found.level == Level.CRISIS


@pytest.mark.parametrize(("earlier", "text"), [
    (["im so tired of everything", "sorry for venting"], "love you guys"),  # distress and a farewell: the rule above
    (["im so tired of everything"], "see you tomorrow at group"),
    (["nothing matters anymore"], "ok"),
])  # fmt: skip
def test_words_under_the_question_that_add_no_new_sign_are_not_a_crisis(
    earlier: list[str], text: str
) -> None:
    assert signs_after_question(earlier, text, YEAR) is None
