"""After /stop, the patient can still see and erase what is kept (newcomer9 N49).

Both /mydata and /delete answered "You stopped messages from me with /stop…": with data kept with no end by
default, the person who withdrew had no way in the bot to see or erase it short of enrolling, and agreeing,
again. Both work now, /delete with its confirmation, and /stop's own words say so.
"""

from __future__ import annotations

import json

from bot import texts
from tests.conftest import COUNSELOR, Harness, check_in_with_note
from tests.e2e.test_stopped_writes_again import _stop


async def test_mydata_and_delete_work_after_stop(bot: Harness, patient: int) -> None:
    await check_in_with_note(bot, patient, "a private note")
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    assert "/mydata" in confirm.text and "/delete" in confirm.text
    bot.emu.press_button(patient, confirm, texts.BTN_STOP)
    stopped = await bot.emu.wait_for_message(patient, contains="You won't get any more messages")
    assert "/delete" in stopped.text
    svc = bot.services
    await bot.emu.wait_until(lambda: svc.worker.call(svc.repo.withdrawn_patient, patient) is not None)

    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None and "a private note" in json.dumps(json.loads(doc.file_bytes))

    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    done = await bot.emu.wait_for_message(patient, contains="Done:")
    assert "keep using me" not in done.text and "/sos" in done.text
    former = svc.worker.call(svc.repo.withdrawn_patient, patient)
    assert former is not None and svc.worker.call(svc.repo.checkins, former.patient_id) == []
    assert svc.worker.call(svc.repo.audit_log)[-1]["action"] == "patient_data_deleted"
    told = await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")
    assert "had withdrawn with /stop" in told.text and "still enrolled" not in told.text


async def test_keep_my_data_after_stop_erases_nothing(bot: Harness, patient: int) -> None:
    await check_in_with_note(bot, patient, "a private note")
    await _stop(bot, patient)
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_KEEP)
    await bot.emu.wait_for_message(patient, contains=texts.KEPT)
    svc = bot.services
    former = svc.worker.call(svc.repo.withdrawn_patient, patient)
    assert former is not None and len(svc.worker.call(svc.repo.checkins, former.patient_id)) == 1
