"""A crisis texted in pieces is read together (newcomer15 N125): after "i have the rope" (paged), "its in the
garage", "bye" and "love you mom" each got only "I've passed that to Dana Rivera", and the counselor's card was the
same as for "ok thanks"."""

from __future__ import annotations

from bot import texts
from bot.usecases import patient_text
from tests.conftest import COUNSELOR, Harness


async def test_a_goodbye_after_the_rope_gets_the_crisis_lines_again(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "i have the rope")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "its in the garage")
    passed = await bot.emu.wait_for_message(patient, contains="passed")
    bot.emu.send_text(patient, "bye")
    again = await bot.emu.wait_for_message(
        patient, after=passed.message_id, predicate=lambda m: "988" in m.text or "911" in m.text
    )
    assert "I'm still here" in again.text, again.text
    await bot.emu.settle()
    after = [m.text for m in bot.emu.sent_to(COUNSELOR) if m.message_id > first.message_id]
    card = next(t for t in after if "crisis words again" in t)
    assert "saying goodbye" in card and "means at hand" in card, card
    # Reassurance after it is no new crisis: only passed on.
    bot.emu.send_text(patient, "my counselor called, im ok now")
    calm = await bot.emu.wait_for_message(patient, after=again.message_id, contains="passed")
    assert "988" not in calm.text and texts.BTN_SAFE not in calm.button_texts()


def _kept(bot: Harness, patient: int) -> list[str]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    return svc.worker.call(patient_text.kept_texts, svc.repo.kept_unsent(p.patient_id), svc.now())


async def test_distress_split_over_lines_is_asked_about_with_no_alert_open(
    bot: Harness, patient: int
) -> None:
    """newcomer16 N125's rest: "i cant do this" then "im done", seconds apart, each went to the "kept, not passed"
    drawer; together they are a check: the safety question once, the flag with both, the drawer empty."""
    bot.emu.send_text(patient, "i cant do this")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    bot.emu.send_text(patient, "im done")
    asked = await bot.emu.wait_for_message(
        patient, after=offer.message_id, contains="are you safe right now?"
    )
    assert texts.BTN_SAFE in asked.button_texts()
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    flags = svc.worker.call(svc.repo.flags_of_kind, p.patient_id, "safety_check")
    assert len(flags) == 1 and "i cant do this\nim done" in flags[0]["details"]["text"]
    assert "check:read_with_earlier" in flags[0]["details"]["reasons"]
    assert _kept(bot, patient) == []  # with the flag now: "not passed to anyone" no longer true


async def test_a_goodbye_after_im_done_pages_once_with_both(bot: Harness, patient: int) -> None:
    """The same with a crisis read together ("im done" / "goodbye"): the crisis answer and one alert, whose
    words name both messages."""
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "im done")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    bot.emu.send_text(patient, "goodbye")
    await bot.emu.wait_for_message(patient, after=offer.message_id, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.settle()
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    assert len(alerts) == 1 and alerts[0].text.startswith("goodbye\n\n") and "im done" in alerts[0].text
    assert _kept(bot, patient) == []
