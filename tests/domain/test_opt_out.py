"""Words that ask the bot to stop writing (newcomer9 N35), in English and Spanish, and words that do not."""

from __future__ import annotations

import pytest

from bot.domain.opt_out import opt_out_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("STOP", ""),  # the keyword alone, in either language: answered in the patient's (newcomer N75)
        ("stop", ""),
        ("Stop!", ""),
        ("stop now", "en"),
        ("please stop texting me", "en"),
        ("stop messaging me please", "en"),
        ("stop sending me messages", "en"),
        ("pls stop sending me reminders", "en"),
        ("unsubscribe", "en"),
        ("dont text me anymore", "en"),
        ("no more messages please", "en"),
        ("ALTO", "es"),
        ("basta", "es"),
        ("deja de escribirme", "es"),
        ("ya no me escribas por favor", "es"),
        ("no me mandes más mensajes", "es"),
        ("porfa dejen de mandarme mensajes", "es"),
    ],
)
def test_a_request_to_stop_writing_is_read_in_its_language(text: str, language: str) -> None:
    assert opt_out_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "i cant stop thinking about using",
        "stop by the store later",
        "the bus stop was empty",
        "stop it, im fine",
        "para mañana",
        "no puedo parar de llorar",
        "help",
        "",
    ],
)
def test_other_words_with_stop_in_them_are_not(text: str) -> None:
    assert opt_out_language(text) is None


def test_only_a_check_the_learned_layer_alone_read_gives_way_to_how_to_stop() -> None:
    from bot.domain.opt_out import only_learned_check

    learned = 'check:learned("please", "stop", "texting").short'
    assert only_learned_check([learned], "please stop texting me")
    assert not only_learned_check([learned, "check:giving_up"], "please stop texting me")
    assert not only_learned_check(['crisis:learned("a", "b", "c")'], "please stop texting me")
    assert not only_learned_check([learned], "i cant stop thinking about it")
    assert not only_learned_check([], "stop")
