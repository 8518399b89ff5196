"""After /stop, crisis words still reach the counselor, and what each side is told agrees."""

from __future__ import annotations

import dataclasses

from bot import texts
from bot.domain.digest import DailyDigest
from bot.jobs.digest import daily_screen
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_crisis import CRISIS


async def test_a_withdrawn_patient_in_crisis_is_promised_only_what_the_counselor_can_do(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    bot.emu.press_button(patient, confirm, confirm.button_texts()[0])
    await bot.emu.wait_until(
        lambda: bot.services.worker.call(bot.services.repo.patients)[0].status == "withdrawn"
    )
    bot.emu.send_text(patient, CRISIS)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "I've let your counselor know" in answer.text
    assert "they can't answer you here" in answer.text and "phone number your program has" in answer.text

    alert = await bot.emu.wait_for_message(COUNSELOR, contains="after withdrawing with /stop")
    assert "The bot can't message them after /stop" in alert.text and "contact details" in alert.text
    assert texts.BTN_MESSAGE_PATIENT not in alert.button_texts()
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)
    refused = await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    assert "use the contact details your program holds" in refused.text


async def test_a_withdrawn_patients_open_crisis_alert_is_in_the_daily_digest(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 27: the patient the bot can no longer reach is the one the digest must not leave out."""
    svc = bot.services
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    bot.emu.press_button(patient, confirm, confirm.button_texts()[0])
    await bot.emu.wait_until(lambda: svc.worker.call(svc.repo.patients)[0].status == "withdrawn")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="after withdrawing with /stop")
    counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
    assert counselor is not None
    day = svc.now().astimezone(svc.settings.tz).date()
    text, buttons = svc.worker.call(
        daily_screen,
        svc.repo,
        svc.settings,
        counselor,
        DailyDigest(COUNSELOR, day),
        svc.now(),
        svc.flag_rules,
    )
    assert "Alex (withdrawn)" in text and "0 active patients" in text, text
    assert "Missed check-ins" not in text  # they are not expected to check in
    assert [label for row in buttons for label, _ in row] == ["Alex"]


async def test_an_unacknowledged_urgent_alert_leads_the_digests(bot: Harness, patient: int) -> None:
    """newcomer7 finding N17: after a night of unanswered reminders, the morning digest listed the patient
    as one more flag ("P07: overdose, said not safe"), and the locked notice said only "1 needs your attention"."""
    from bot.jobs.digest import notice

    svc = bot.services
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
    assert counselor is not None
    digest = DailyDigest(COUNSELOR, svc.now().astimezone(svc.settings.tz).date())
    args = (svc.repo, svc.settings, counselor, digest, svc.now(), svc.flag_rules)
    text, _ = svc.worker.call(daily_screen, *args)
    head, _, rest = text.partition("🚨 Urgent alerts not acknowledged")
    assert rest and "Open flags" not in head, text  # first, before the flags
    assert "Alex: crisis language, since" in rest
    locked, _ = svc.worker.call(notice, *args)
    assert "1 urgent alert is not acknowledged" in locked and "Alex" not in locked
    alert = svc.worker.call(svc.repo.open_alerts)[0]
    svc.worker.call(svc.repo.save_alert, dataclasses.replace(alert, acked_at=svc.now(), acked_by=COUNSELOR))
    text, _ = svc.worker.call(daily_screen, *args)
    assert "Urgent alerts not acknowledged" not in text


async def test_a_withdrawn_patients_overdose_is_paged_as_an_overdose_without_their_words(
    bot: Harness, patient: int
) -> None:
    """newcomer6 finding 25: "i took all my pills about 20 min ago" after /stop was paged as plain "crisis
    language"; the kind decides between ringing them and sending help to their address."""
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    bot.emu.press_button(patient, confirm, confirm.button_texts()[0])
    await bot.emu.wait_until(
        lambda: bot.services.worker.call(bot.services.repo.patients)[0].status == "withdrawn"
    )
    bot.emu.send_text(patient, "i took all my pills about 20 min ago")
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="after withdrawing with /stop")
    assert "wrote about an <b>overdose</b>" in alert.html and "nothing they wrote was kept" in alert.text
    assert "call emergency services to the address" in alert.text
    assert "pills" not in alert.text
    (stored,) = bot.services.worker.call(bot.services.repo.open_alerts)
    assert stored.kind == "withdrawn_overdose" and stored.text == ""


async def test_stop_right_after_crisis_words_tells_the_counselor_the_two_belong_together(
    bot: Harness, patient: int
) -> None:
    """newcomer6 finding 29: crisis words and then /stop a minute later came as two unrelated lines."""
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, confirm, texts.BTN_STOP)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    assert "after their crisis alert (still open)" in told.text and "by phone now" in told.text
