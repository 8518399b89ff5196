"""Words kept unsent that may need a look reach the counselor's next review as a flag, without the words, and
the patient is asked again before the deletion (newcomer24 N261, P1 silent: "tried to od last nite but i threw
up" was kept, read as nothing, and deleted a day later with the caseload and the digest saying all was fine)."""

from __future__ import annotations

from datetime import time, timedelta

from bot import texts
from bot.jobs import kept_reask
from bot.usecases.kept_look import KIND
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_messages import _pid

ATTEMPT = "tried to od last nite but i threw up"


def _open_kinds(bot: Harness, pid: str) -> list[str]:
    return [str(f["kind"]) for f in bot.services.worker.call(bot.services.repo.open_flags, pid)]


async def test_kept_words_of_an_attempt_leave_a_flag_without_the_words(bot: Harness, patient: int) -> None:
    svc, pid = bot.services, _pid(bot, patient)
    bot.emu.send_text(patient, ATTEMPT)
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    assert "may need a look (not what it says)" in offer.text  # the patient is told what leaves the drawer
    assert _open_kinds(bot, pid) == [KIND]
    (flag,) = svc.worker.call(svc.repo.open_flags, pid)
    assert flag["details"] == {}  # never the words
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert svc.flag_rules.label(KIND) in screen.text
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "od last nite" in m.text]

    bot.emu.press_button(patient, offer, texts.BTN_SEND_UNSENT)
    await bot.emu.wait_for_message(COUNSELOR, contains=ATTEMPT)
    await bot.emu.wait_for_message(patient, contains="Sent to Dana Rivera")
    assert _open_kinds(bot, pid) == []  # they have the words now


async def test_everyday_kept_words_leave_no_flag(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "rough day, my mom yelled at me again")
    offer = await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    assert "may need a look" not in offer.text
    assert _open_kinds(bot, _pid(bot, patient)) == []


async def test_the_patient_is_asked_again_once_before_the_deletion(bot: Harness, patient: int) -> None:
    svc, pid = bot.services, _pid(bot, patient)

    def quiet_off() -> None:
        p = svc.repo.patient(pid)
        assert p is not None
        svc.repo.save_patient(p.with_changes(quiet_start=time(0), quiet_end=time(0)))

    svc.worker.call(quiet_off)
    bot.emu.send_text(patient, "i was gonna do it last nite, had everything ready")
    first = await bot.emu.wait_for_message(patient, contains="may need a look")
    assert await kept_reask.reask(bot.app) == []  # not yet: its day has just begun
    later = svc.now() + timedelta(hours=13)
    svc.clock = lambda: later
    assert await kept_reask.reask(bot.app) == [pid]
    again = await bot.emu.wait_for_message(patient, after=first.message_id, contains="still kept here")
    assert "about 11 hours" in again.text
    assert await kept_reask.reask(bot.app) == []  # once
    bot.emu.press_button(patient, again, texts.BTN_SEND_UNSENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="had everything ready")
