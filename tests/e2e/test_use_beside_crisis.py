"""A use told in a message answered as a crisis keeps its relapse flag (newcomer18 N147): the flag was never
raised, so once the counselor acknowledged the alert nothing on the caseload or the page said the patient drank."""

from __future__ import annotations

from bot import texts
from tests.conftest import Harness


def _relapse_flags(bot: Harness, telegram_id: int) -> list[dict[str, object]]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert p is not None
    return svc.worker.call(svc.repo.flags_of_kind, p.patient_id, "relapse")


async def test_a_use_told_beside_crisis_words_is_flagged(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "i relapsed last night and drank a six pack. i want to kill myself tonight")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(_relapse_flags(bot, patient)) == 1)
    # the crisis answer stands alone: no relapse reply under it
    assert not [m for m in bot.emu.sent_to(patient) if "harm" in m.text.lower() and "reduc" in m.text.lower()]


async def test_a_use_told_under_an_open_alert_is_flagged(bot: Harness, patient: int) -> None:
    """Crisis words again while the alert is open join it (a shorter answer): the use they tell is flagged too."""
    bot.emu.send_text(patient, "i want to kill myself tonight")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.send_text(patient, "i relapsed yesterday, used heroin again. i want to die")
    await bot.emu.wait_until(lambda: len(_relapse_flags(bot, patient)) == 1)


async def test_an_urge_beside_crisis_words_is_no_use(bot: Harness, patient: int) -> None:
    """A dealer or a bar is an urge, not a use told: no relapse flag (the alert carries the words)."""
    bot.emu.send_text(patient, "sitting at the bar and i want to die")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    # a use told afterwards, on its own: its non-urgent alert, raised after its flag, is the positive barrier
    bot.emu.send_text(patient, "i drank two beers last night")
    svc = bot.services
    await bot.emu.wait_until(lambda: any(a.kind == "relapse" for a in svc.worker.call(svc.repo.open_alerts)))
    keys = [f["key"] for f in _relapse_flags(bot, patient)]
    assert len(keys) == 1, keys


async def test_you_misunderstood_me_after_a_use_beside_crisis_words_gets_the_relapse_answer(
    bot: Harness, patient: int
) -> None:
    """newcomer18 N147's rest: the patient who disowned the crisis reading got only "sorry if I got that wrong"; the
    relapse answer (a slip is not the end, the harm-reduction line) never came for the drinks told."""
    bot.emu.send_text(
        patient, "grabbed a couple of tall cans, i only had two, and im gonna kill him if he yells again"
    )
    asked = await bot.emu.wait_for_message(patient, predicate=lambda m: texts.BTN_MISREAD in m.button_texts())
    bot.emu.press_button(patient, asked, texts.BTN_MISREAD)
    said = await bot.emu.wait_for_message(patient, contains="sorry if I got that wrong")
    assert texts.RELAPSE_RESPONSE in said.text, said.text


async def test_you_misunderstood_me_without_a_use_is_only_the_apology(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "im gonna kill him if he yells at me again")
    asked = await bot.emu.wait_for_message(patient, predicate=lambda m: texts.BTN_MISREAD in m.button_texts())
    bot.emu.press_button(patient, asked, texts.BTN_MISREAD)
    said = await bot.emu.wait_for_message(patient, contains="sorry if I got that wrong")
    assert texts.RELAPSE_RESPONSE not in said.text
