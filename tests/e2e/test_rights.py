"""Patients' data rights end to end: a copy, erasure, withdrawal and coming back."""

from __future__ import annotations

import json

import pytest

from bot import texts
from bot.jobs import daily
from tests.conftest import COUNSELOR, Harness, check_in_with_note, enrolled_code


async def test_mydata_sends_everything_stored_as_a_document(bot: Harness, patient: int) -> None:
    await check_in_with_note(bot, patient, "walked the dog")
    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_name == "my-data.json" and doc.protect_content and doc.file_bytes is not None
    data = json.loads(doc.file_bytes)
    assert data["profile"]["Name your counselor sees"] == "Alex"
    (entry,) = data["check-ins"]
    assert entry["Note"] == "walked the dog" and entry["Sleep"] == "OK" and entry["Mood"] == "6/10"
    assert "state" not in data and "draft" not in json.dumps(
        {k: v for k, v in data.items() if k != "bookkeeping"}
    )


async def test_mydata_first_says_in_words_what_is_stored(bot: Harness, patient: int) -> None:
    await check_in_with_note(bot, patient, "walked the dog")
    bot.emu.send_text(patient, "/mydata")
    summary = await bot.emu.wait_for_message(patient, contains="What I have stored about you")
    assert "Name your counselor sees: Alex" in summary.text and "Counselor: Dana Rivera" in summary.text
    assert "Check-ins: 1" in summary.text
    assert (
        "Mood 6/10 · Craving 1/10 · Sleep OK · Medication Yes · Used since last check-in No" in summary.text
    )
    assert "{" not in summary.text and "checkin_time" not in summary.text  # no JSON, no internal field names


async def test_delete_asks_first_then_erases_and_the_audit_keeps_only_the_fact(
    bot: Harness, patient: int
) -> None:
    await check_in_with_note(bot, patient, "a private note")
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_KEEP)
    await bot.emu.wait_for_message(patient, contains=texts.KEPT)
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    # DELETED's own words: "Okay, nothing was erased." (KEPT) sent again after a slow Bot API call matched "erased"
    # under load, and the erasure was checked before it ran
    await bot.emu.wait_for_message(patient, contains="are erased from this bot")
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None and svc.worker.call(svc.repo.checkins, p.patient_id) == []
    log = svc.worker.call(svc.repo.audit_log)
    assert log[-1]["action"] == "patient_data_deleted" and "private" not in json.dumps(log)


async def test_after_delete_the_counselor_is_told_once_and_reads_erased_not_never(
    bot: Harness, patient: int
) -> None:
    """newcomer6 finding 21: after /delete the caseload read "last check-in never" and "No check-ins yet",
    and the counselor was not told: they thought she had never taken part."""
    await check_in_with_note(bot, patient, "a private note")
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")
    assert "Alex" in told.text and "private" not in told.text
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert "erased their data (/delete) on" in screen.text and "never" not in screen.text
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert "They erased their data with /delete on" in page.text
    assert [m.text for m in bot.emu.sent_to(COUNSELOR)].count(told.text) == 1
    await check_in_with_note(bot, patient, "back at it")  # a check-in since: the row reads as any other
    bot.emu.send_text(COUNSELOR, "/caseload")
    again = await bot.emu.wait_for_message(
        COUNSELOR, predicate=lambda m: m is not screen and "Your caseload" in m.text
    )
    assert "last check-in" in again.text and "erased their data" not in again.text


async def test_stop_ends_all_messages_tells_the_counselor_and_a_new_code_brings_them_back(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(patient, contains="won't get any more messages")
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    assert bot.services.worker.call(bot.services.repo.patient_by_telegram, patient) is None
    withdrawn = bot.services.worker.call(bot.services.repo.patients)[0].patient_id
    assert daily.plan_of(bot.app).next_at(withdrawn, "prompt") is None
    code = enrolled_code(bot.services, "Alex2")
    bot.emu.send_text(patient, f"/start {code}")
    consent = await bot.emu.wait_for_message(patient, contains="Do you agree")
    bot.emu.press_button(patient, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(patient, contains="time zone")
    back = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert back is not None and back.alias == "Alex2" and back.status == "active"
    # newcomer5 finding 43: she came back as a second patient, her history left on the withdrawn one.
    assert back.patient_id == withdrawn and len(bot.services.worker.call(bot.services.repo.patients)) == 1
    told = await bot.emu.wait_for_message(COUNSELOR, contains="Alex2")
    assert "came back" in told.text and "Alex" in told.text and "earlier" in told.text


async def test_the_alias_of_a_withdrawn_patient_is_refused_with_what_to_do(
    bot: Harness, patient: int
) -> None:
    from bot.admin.roster import AdminError

    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    with pytest.raises(AdminError, match=r"withdrew .* under another alias"):
        bot.invite("Alex")
