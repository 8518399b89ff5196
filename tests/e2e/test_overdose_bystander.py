"""Someone with the patient may have overdosed (newcomer7 N5): the answer tells a helper what to do (call,
naloxone, stay, on their side), not "if you've taken something", and the card says whose overdose it is."""

from __future__ import annotations

import pytest

from bot.domain.bystander import whose_overdose
from bot.domain.crisis_kind import with_whose
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_crisis_kinds import _counselor_says_hello


async def test_a_friend_who_wont_wake_up_gets_the_helpers_steps(bot: Harness, patient: int) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "my friend used with me and now he wont wake up")
    answer = await bot.emu.wait_for_message(patient, contains="naloxone")
    assert answer.text.startswith("Call the emergency number below now and stay with them")  # HTML as shown
    assert "onto their side" in answer.text and "911" in answer.text and answer.buttons
    assert "an overdose can get worse" not in answer.text
    assert "If you've taken something too, tell them on the call" in answer.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "someone with them may have overdosed" in card.text


@pytest.mark.parametrize(
    ("words", "whose"),
    [
        ("my friend used with me and now he wont wake up", "other"),
        ("mi hermano se tomó un frasco de pastillas y no responde", "other"),
        ("i need narcan for my boyfriend hes turning blue", "other"),
        ("we both took too much and he wont wake up", "both"),
        ("i took like 10 xanax idk", "own"),
        ("my boyfriend left and i took all my pills", "own"),
        ("creo que me pasé con la dosis, no puedo respirar bien", "own"),
    ],
)
def test_whose_overdose(words: str, whose: str) -> None:
    assert whose_overdose(words) == whose


def test_the_writers_own_overdose_still_names_the_alert() -> None:
    assert with_whose(("overdose",), "we both took too much and he wont wake up") == (
        "overdose",
        "overdose_other",
    )
    assert with_whose(("overdose",), "he overdosed and isnt breathing") == ("overdose_other",)
    assert with_whose(("crisis",), "he overdosed and isnt breathing") == ("crisis",)


async def test_a_follow_up_about_the_friend_keeps_the_helpers_reading(bot: Harness, patient: int) -> None:
    """newcomer15 N124: after "my roommate passed out after doing lines and his lips are blue", "hes not breathing
    right" was answered as the writer's own overdose ("even if you feel okay") and raised a new alert."""
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "my roommate passed out after doing lines and his lips are blue")
    first = await bot.emu.wait_for_message(patient, contains="naloxone")
    bot.emu.send_text(patient, "hes not breathing right")
    again = await bot.emu.wait_for_message(
        patient, after=first.message_id, contains="Call the emergency number"
    )
    assert "even if you feel okay" not in again.text and "stay with them" in again.text, again.text
    assert whose_overdose("hes not breathing right") == "other"
    kinds = [a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts)]
    assert "overdose" not in kinds, kinds
