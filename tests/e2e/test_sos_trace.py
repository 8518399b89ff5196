"""Opening SOS leaves a trace for the counselor (newcomer finding 34): not a page, a flag on the caseload, the
patient's page and the next digest ("opened SOS"), and the patient is told so on the SOS screen itself."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def _sos_then_barrier(bot: Harness, patient: int, asked: str) -> None:
    bot.emu.send_text(patient, asked)
    first = await bot.emu.wait_for_message(patient, contains="988")
    assert "next review" in first.text or "próxima revisión" in first.text  # the patient is told
    bot.emu.send_text(patient, "/help")  # a positive barrier: the SOS update was handled whole
    await bot.emu.wait_for_message(patient, after=first.message_id, contains="/checkin")


async def test_sos_without_tell_shows_on_the_caseload_and_page_and_pages_nobody(
    bot: Harness, patient: int
) -> None:
    await _sos_then_barrier(bot, patient, "/sos")
    await _sos_then_barrier(bot, patient, "I need help")  # the same day: one flag
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    flags = svc.worker.call(svc.repo.open_flags, p.patient_id)
    assert [f["kind"] for f in flags] == ["sos_opened"]
    assert svc.worker.call(svc.repo.open_alerts) == []  # not a page
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text or "SOS" in m.text]
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert svc.flag_rules.label("sos_opened") in screen.text


async def test_spanish_sos_is_a_trace_too(bot: Harness, patient: int) -> None:
    await _sos_then_barrier(bot, patient, "ayuda")
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    assert [f["kind"] for f in svc.worker.call(svc.repo.open_flags, p.patient_id)] == ["sos_opened"]
    assert texts.BTN_TELL_COUNSELOR_ES  # the button is still there to page at once
