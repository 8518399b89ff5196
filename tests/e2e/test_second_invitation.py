"""An enrolled patient who opens a second invitation (newcomer9 N55).

They read "Welcome back" and the invitation stayed open with nobody told: a counselor who enrolled the same
person twice, or a code forwarded to the wrong patient, learned nothing. Now the patient reads that this
account is already enrolled and the invitation was not used, and the counselor who made it is told, with how
to revoke it; a code that opens nothing is still just "Welcome back".
"""

from __future__ import annotations

from bot import texts
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello

MORGAN = 1004


async def test_a_second_invitation_is_explained_to_the_patient_and_its_counselor(
    bot: Harness, patient: int
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, f"/start {bot.invite('Dup')}")
    told = await bot.emu.wait_for_message(patient, contains="already enrolled here")
    assert "Welcome back" not in told.text
    notice = await bot.emu.wait_for_message(COUNSELOR, contains="The invitation you made for Dup")
    assert "Alex, already your patient" in notice.text and "iop-bot invite revoke Dup" in notice.text
    svc = bot.services
    assert [c.alias for c in svc.worker.call(svc.repo.open_codes)] == ["Dup"]  # still open, and said so
    assert svc.worker.call(svc.repo.audit_log)[-1]["action"] == "invitation_opened_by_enrolled"


async def test_another_counselors_invitation_names_whose_patient_not_the_alias(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(MORGAN, "Morgan Lee"))
    bot.emu.add_user(MORGAN, first_name="Morgan")
    await say_hello(bot.emu, MORGAN)
    bot.emu.send_text(patient, f"/start {bot.invite('Jay', counselor=MORGAN)}")
    await bot.emu.wait_for_message(patient, contains="already enrolled here")
    notice = await bot.emu.wait_for_message(MORGAN, contains="The invitation you made for Jay")
    assert "a patient of Dana Rivera already enrolled" in notice.text and "Alex" not in notice.text


async def test_a_code_that_opens_nothing_is_welcome_back(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/start ABCD2345")
    await bot.emu.wait_for_message(patient, contains=texts.WELCOME_BACK.split(".")[0])
