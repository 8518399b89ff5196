"""Worrying words again while "Are you safe right now?" waits join it (newcomer10 N44): three messages in a
minute got three identical questions, none answered, and the counselor heard nothing until the next review."""

from __future__ import annotations

import pytest

from tests.conftest import COUNSELOR, Harness, say_hello

WORDS = ["i give up", "nothing matters anymore", "whats the point of trying, i give up"]


async def test_worrying_words_again_join_the_open_question_and_a_pile_tells_the_counselor(
    bot: Harness, patient: int
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, WORDS[0])
    await bot.emu.wait_for_message(patient, contains="safe right now?")
    bot.emu.send_text(patient, WORDS[1])
    await bot.emu.wait_for_message(patient, contains="I've kept that with what you wrote before")
    bot.emu.send_text(patient, WORDS[2])
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote worrying words 3 times")
    assert "Alex" in told.text
    asked = [m for m in bot.emu.sent_to(patient) if "are you safe right now?" in m.text and m.buttons]
    assert len(asked) == 1, [m.text for m in bot.emu.sent_to(patient)]


def _open_checks(bot: Harness, patient: int) -> list[dict[str, object]]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    return [
        f for f in svc.worker.call(svc.repo.flags_of_kind, p.patient_id, "safety_check") if f["ack"] is None
    ]


async def test_the_words_of_one_unanswered_question_join_one_flag(bot: Harness, patient: int) -> None:
    """newcomer18 N181: later worrying words of the burst join the flag of the question they follow."""
    await say_hello(bot.emu, COUNSELOR)
    for n, words in enumerate(WORDS):
        bot.emu.send_text(patient, words)
        await bot.emu.wait_for_message(patient, contains="safe right now?" if n == 0 else "question above")
    await bot.emu.settle()
    flags = _open_checks(bot, patient)
    assert len(flags) == 1, flags
    details = flags[0]["details"]
    assert isinstance(details, dict) and all(w in str(details["text"]) for w in WORDS), details


@pytest.mark.parametrize(("crisis", "words", "above"), [
    ("i want to kill myself", ["i give up", "nothing matters anymore", "whats the point of trying"],
     "answer the question above"),
    ("me quiero matar", ["nadie me quiere", "todo me da igual", "ya no le veo caso a nada"],
     "contesta la pregunta de arriba"),
])  # fmt: skip
async def test_worrying_words_under_an_open_alert_are_asked_about_once(
    bot: Harness, patient: int, crisis: str, words: list[str], above: str
) -> None:
    """newcomer18 N181: with an older alert open, "nadie me quiere", "todo me da igual", "ya no le veo caso a
    nada" a few seconds apart got the same whole safety question three times. The first asks; the next two are
    passed on like the first, with a line pointing at the question above."""
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, crisis)
    first = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(patient, first, first.button_texts()[0])  # "I'm safe right now"
    await bot.emu.settle()
    safe = bot.emu.sent_to(patient)[-1].message_id
    bot.emu.send_text(patient, words[0])
    asked = await bot.emu.wait_for_message(patient, after=safe, predicate=lambda m: bool(m.buttons))
    for said in words[1:]:
        await bot.emu.settle()
        last = bot.emu.sent_to(patient)[-1].message_id
        bot.emu.send_text(patient, said)
        told = await bot.emu.wait_for_message(patient, after=last)
        assert above in told.text and not told.buttons, told.text
        assert "Dana Rivera" in told.text  # still passed to the alert's people, and they are told so
    await bot.emu.settle()
    again = [m for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id and m.buttons]
    assert not again, [m.text for m in again]
    assert len(_open_checks(bot, patient)) == 1
