"""The counselor's notice when someone who left comes back (newcomer22 N229, N238): after `patient close` it said
they "came back after withdrawing (/stop)", and after a /delete that their earlier check-ins and messages "are on
their page again"."""

from __future__ import annotations

from bot import texts
from bot.admin.operations import operations
from tests.conftest import COUNSELOR, Harness, enrolled_code


async def _come_back(bot: Harness, patient: int) -> str:
    code = enrolled_code(bot.services, "Alex2")
    bot.emu.send_text(patient, f"/start {code}")
    consent = await bot.emu.wait_for_message(patient, contains="Do you agree")
    bot.emu.press_button(patient, consent, texts.BTN_AGREE)
    return (await bot.emu.wait_for_message(COUNSELOR, contains="enrolled again")).text


async def test_after_delete_and_stop_nothing_earlier_is_said_to_be_back(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    told = await _come_back(bot, patient)
    assert "on their page again" not in told and "was erased on" in told, told


async def test_after_the_program_closed_it_they_are_not_said_to_have_used_stop(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(
        operations()["patient_close"], svc.repo, svc.settings, svc.now(), {"by": "ana", "alias": "Alex"}
    )
    told = await _come_back(bot, patient)
    assert "/stop" not in told and "the program closed their enrollment" in told, told


OTHER = 1002  # the counselor they come back to


async def test_coming_back_to_another_counselor_hands_over_open_alerts_and_tells_the_previous_one(
    bot: Harness, patient: int
) -> None:
    """newcomer22 N238, N219: the open urgent alerts changed hands with no hand-over (no buttons, not named), and the
    counselor told "reach them by phone now" after the /stop never heard the patient came back to someone else."""
    from datetime import timedelta

    from bot.domain.enrollment import hash_code, new_code
    from bot.domain.models import Counselor, EnrollmentCode

    svc = bot.services
    bot.emu.add_user(OTHER, first_name="Pat")
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=OTHER, name="Pat Kim"))
    bot.emu.send_text(OTHER, "/start")
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    stopped = await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")

    code = new_code()
    now = svc.now()
    invitation = EnrollmentCode(hash_code(code), "Alex B", OTHER, now, now + timedelta(days=7))
    svc.worker.call(svc.repo.add_code, invitation)
    bot.emu.send_text(patient, f"/start {code}")
    consent = await bot.emu.wait_for_message(patient, contains="Do you agree")
    bot.emu.press_button(patient, consent, texts.BTN_AGREE)
    notice = await bot.emu.wait_for_message(OTHER, contains="enrolled again")
    assert "Dana Rivera" in notice.text, notice.text  # whose patient they were
    card = await bot.emu.wait_for_message(OTHER, contains="came with them")
    assert texts.BTN_ACKNOWLEDGE in " ".join(card.button_texts()), card.button_texts()
    told = await bot.emu.wait_for_message(COUNSELOR, after=stopped.message_id, contains="Pat Kim")
    assert "came back" in told.text, told.text
    assert [a.counselor_id for a in svc.worker.call(svc.repo.open_alerts)] == [OTHER]


async def test_coming_back_without_a_group_says_which_group_they_were_in(bot: Harness, patient: int) -> None:
    """newcomer22 N241: re-enrolment without --cohort silently dropped the patient's group (no group reminders, not
    on the pre-group screen); the notice did not mention it."""
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(cohort="Evening IOP"))
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    told = await _come_back(bot, patient)
    assert "Evening IOP" in told and "no group" in told, told
