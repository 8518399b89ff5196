"""Records set aside are said out loud: to the admins, and with every export that may lack them (newcomer6
finding 12, the rest).

A cut-short check-in log tail is set aside at start and the store goes on without it; a damaged copy can cut a
check-in the patient was told was saved. Only an ERROR line said so: no admin heard of it, and `iop-bot export`
and /export gave the file as if it were whole.
"""

from __future__ import annotations

from bot.admin.records import export
from bot.domain.models import Counselor
from bot.jobs import set_aside
from bot.store.storage import TORN_MARK
from tests.conftest import COUNSELOR, Harness, check_in_with_note, say_hello

ADMIN = 1003


async def test_the_admins_are_told_and_both_exports_say_a_record_may_be_missing(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    await check_in_with_note(bot, patient, "long day")
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    pid = found.patient_id
    log = svc.worker.call(svc.repo.checkin_file, pid)
    torn = log.with_name(f"{log.name}{TORN_MARK}20261130T042446Z")
    torn.write_bytes(b"gAAAA-cut-short")  # as the store leaves it at start (storage.set_aside_tail)
    assert await set_aside.sweep(bot.app) == 1
    notice = await bot.emu.wait_for_message(ADMIN, contains="Records set aside")
    assert "Alex" in notice.text and torn.name in notice.text and "iop-bot doctor" in notice.text
    assert await set_aside.sweep(bot.app) == 0  # once a day while the file is there, not every hour
    bot.emu.send_text(COUNSELOR, "/export Alex")
    said = await bot.emu.wait_for_message(COUNSELOR, contains="may be missing a check-in")
    assert "Alex" in said.text
    result = svc.worker.call(export, svc.repo, svc.settings, svc.now(), {"patient": "Alex"})
    assert result["rows"] == 1 and len(result["set_aside"]) == 1 and torn.name in result["set_aside"][0]


async def test_an_export_says_a_cut_short_tail_it_left_out(bot: Harness, patient: int) -> None:
    """Newcomer7 N14: with the bot stopped, a check-in log's cut-short end is not set aside yet; `iop-bot
    export` read the whole lines and said nothing about the rest."""
    svc = bot.services
    await check_in_with_note(bot, patient, "long day")
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    log = svc.worker.call(svc.repo.checkin_file, found.patient_id)
    last = log.read_bytes().splitlines(keepends=True)[-1]
    with log.open("ab") as f:
        f.write(last[:40])  # an append a damaged copy cut short
    result = svc.worker.call(export, svc.repo, svc.settings, svc.now(), {"patient": "Alex"})
    assert result["rows"] == 1
    assert result["torn"] == [f"Alex: {log} ends in 40 bytes cut short"]
