"""Counselor digests end to end with frozen time: before group, daily at a chosen time, once each."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import time_machine

from bot import texts
from bot.admin.schedule import add_cohort, add_session
from bot.devtools.emulator import SentMessage
from bot.domain import pin
from bot.domain.enrollment import hash_code
from bot.domain.escalation import Alert, acknowledge
from bot.domain.models import Counselor
from bot.jobs import digest, reminders
from tests.conftest import COUNSELOR, Harness, enrolled_code, say_hello

NY = ZoneInfo("America/New_York")
COHORT = "Evening IOP"
BLAIR, CASEY, STRANGER = 2002, 2003, 2099


def _next_monday_at(hour: int, minute: int = 0) -> datetime:
    today = datetime.now(NY).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.combine(monday, time(hour, minute), tzinfo=NY)


async def _join(bot: Harness, telegram_id: int, alias: str) -> None:
    """Enroll (when new) and put the patient in the cohort, set up in New York."""
    svc = bot.services
    code = None if telegram_id == 2001 else enrolled_code(svc, alias)

    def run() -> None:
        repo = svc.repo
        p = repo.patient_by_telegram(telegram_id)
        if p is None:
            invitation = repo.code(hash_code(code or ""))
            assert invitation is not None
            p = repo.enroll(invitation, telegram_id, svc.now())
        repo.save_patient(p.with_changes(cohort=COHORT, timezone="America/New_York", checkin_time=time(19)))

    svc.worker.call(run)
    if not bot.emu.has_contacted(telegram_id):
        bot.emu.add_user(telegram_id, first_name=alias)
        await say_hello(bot.emu, telegram_id)


async def _cohort(bot: Harness, patient: int) -> None:
    """Alex, Blair and Casey in a cohort that meets Mondays at 18:00 New York time."""
    for telegram_id, alias in ((patient, "Alex"), (BLAIR, "Blair"), (CASEY, "Casey")):
        await _join(bot, telegram_id, alias)
    svc = bot.services
    svc.worker.call(add_cohort, svc.repo, svc.settings, svc.now(), {"name": COHORT})
    args = {"cohort": COHORT, "weekdays": "mon", "time": "18:00"}
    svc.worker.call(add_session, svc.repo, svc.settings, svc.now(), args)


def _question(message: SentMessage) -> bool:
    """The check-in's next question: the session reminder (its own buttons) may arrive in between."""
    return bool(message.buttons) and texts.BTN_CANT not in message.button_texts()


async def _checkin(bot: Harness, patient: int, answers: list[str]) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in answers:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=_question)
    bot.emu.press_button(patient, q, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")


def _digests(bot: Harness, title: str) -> list[SentMessage]:
    return [m for m in bot.emu.sent_to(COUNSELOR) if m.text.startswith(title)]


async def test_before_group_the_counselor_gets_one_screen_of_who_checked_in_is_flagged_or_cant_come(
    bot: Harness, patient: int
) -> None:
    await _cohort(bot, patient)
    start = _next_monday_at(18)
    with time_machine.travel(start - timedelta(minutes=90), tick=True):
        # The day-before reminder first (sent late), so no reminder lands in the middle of a check-in.
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(CASEY, contains="Reminder")
        bot.emu.press_button(CASEY, reminder, texts.BTN_CANT)
        await bot.emu.wait_for_message(CASEY, contains="tell your counselor why")
        bot.emu.send_text(CASEY, "my car broke down")
        await bot.emu.wait_for_message(COUNSELOR, contains="my car broke down")
        await _checkin(bot, patient, ["7", "1", "Good", "Yes", "No"])  # Alex: fine
        await _checkin(bot, BLAIR, ["6", "8", "OK", "Yes", "No"])  # Blair: high craving
        await digest.sweep(bot.app)  # 90 minutes ahead: not yet
        await bot.emu.settle()
    assert _digests(bot, "Before group") == []

    with time_machine.travel(start - timedelta(minutes=60) + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        await digest.sweep(bot.app)
        bot.services.state.digests_handled.clear()  # what a restart forgets
        await digest.sweep(bot.app)
        screen = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
        await bot.emu.settle()
        assert len(_digests(bot, "Before group")) == 1
        assert screen.text.startswith(f"Before group today at 6:00 PM: {COHORT}")
        assert (
            "3 patients of yours · 2 checked in today · 1 flagged · 1 can't come · 0 running late"
            in screen.text
        )
        assert "Blair: high craving" in screen.text
        assert "Casey, reason: “my car broke down”" in screen.text
        assert "Alex: mood 7, craving 1" in screen.text
        assert screen.text.index("Blair") < screen.text.index("Casey") < screen.text.index("Alex")
        assert screen.protect_content
        assert screen.button_texts() == ["Blair", "Casey"]  # who needs attention, most urgent first
        bot.emu.press_button(COUNSELOR, screen, "Blair")
        page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
        assert "high craving" in page.text


async def test_a_digest_missed_while_the_bot_was_down_is_skipped_once_group_has_started(
    bot: Harness, patient: int
) -> None:
    await _cohort(bot, patient)
    with time_machine.travel(_next_monday_at(18) + timedelta(seconds=30), tick=True):
        await digest.sweep(bot.app)
        await bot.emu.settle()
    assert _digests(bot, "Before group") == []


async def test_a_counselor_sets_a_daily_digest_and_gets_it_once_at_that_time(
    bot: Harness, patient: int
) -> None:
    monday = _next_monday_at(6)
    with time_machine.travel(monday, tick=True):
        bot.emu.send_text(COUNSELOR, "/digest")
        shown = await bot.emu.wait_for_message(COUNSELOR, contains="Your daily digest")
        assert "<b>off</b>" in shown.html and "a digest comes 60 min ahead" in shown.text
        bot.emu.send_text(COUNSELOR, "/digest 7:30am")  # typed as patients type their check-in time
        await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest set for 7:30 AM (America/New_York)")
        bot.emu.send_text(COUNSELOR, "/digest")
        await bot.emu.wait_for_message(COUNSELOR, contains="every day at 7:30 AM")
        await _checkin(bot, patient, ["2", "1", "Good", "Yes", "No"])  # Alex: low mood
        await digest.sweep(bot.app)
        await bot.emu.settle()
    assert _digests(bot, "Daily digest:") == []  # not 7:30 yet

    with time_machine.travel(monday.replace(hour=7, minute=30, second=5), tick=True):
        await digest.sweep(bot.app)
        bot.services.state.digests_handled.clear()  # a restart
        await digest.sweep(bot.app)
        daily = await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest:")
        await bot.emu.settle()
    assert len(_digests(bot, "Daily digest:")) == 1
    assert "1 active patient · 1 checked in today · 1 flagged" in daily.text
    assert "Alex: low mood" in daily.text and daily.protect_content and daily.button_texts() == ["Alex"]

    with time_machine.travel(monday.replace(hour=8), tick=True):
        # newcomer24 N272: a later time the same day brings nothing today (one a day), and the reply says so.
        bot.emu.send_text(COUNSELOR, "/digest 9:00am")
        moved = await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest set for 9:00 AM")
        assert "went out already at 7:30 AM: the next comes tomorrow at 9:00 AM" in moved.text, moved.text
        bot.emu.send_text(COUNSELOR, "/digest off")
        await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest turned off")
    with time_machine.travel(monday.replace(hour=7, minute=31) + timedelta(days=1), tick=True):
        await digest.sweep(bot.app)
        await bot.emu.settle()
    assert len(_digests(bot, "Daily digest:")) == 1


async def test_patients_and_strangers_get_the_standard_refusal_and_no_data(
    bot: Harness, patient: int
) -> None:
    bot.emu.add_user(STRANGER, first_name="Sam")
    for who in (patient, STRANGER):
        bot.emu.send_text(who, "/digest 07:30")
        refusal = await bot.emu.wait_for_message(who, contains=texts.PATIENT_FALLBACK[:20])
        assert "digest" not in refusal.text.lower() and "Alex" not in refusal.text
    assert bot.services.worker.call(bot.services.repo.digest_prefs) == []


async def test_a_server_error_is_retried_and_the_digest_still_arrives_once(
    bot: Harness, patient: int
) -> None:
    from bot.devtools.emulator import ApiError

    monday = _next_monday_at(7, 30)
    svc = bot.services
    svc.worker.call(svc.repo.set_digest_time, COUNSELOR, time(7, 30), monday - timedelta(days=1))
    bot.emu.faults.fail_next("sendmessage", ApiError(500, "Internal Server Error"))
    with time_machine.travel(monday + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        await digest.sweep(bot.app)
        await bot.emu.settle()
    assert len(_digests(bot, "Daily digest:")) == 1
    assert bot.emu.stats.errors[500] == 1


# With a counselor PIN ------------------------------------------------------------------------

PIN = "246810"
OTHER_COUNSELOR = 1002


def _lock(bot: Harness) -> None:
    """A PIN for the counselor: locked until they enter it."""
    svc = bot.services
    svc.worker.call(svc.repo.set_counselor_pin, COUNSELOR, pin.hash_pin(PIN))


def _daily_at(bot: Harness, at: datetime) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.set_digest_time, COUNSELOR, at.time(), at - timedelta(days=1))


def _answered(bot: Harness, user: int) -> bool:
    return bot.emu.last_callback_answer(user) is not None


def _actions(bot: Harness) -> list[str]:
    return [e["action"] for e in bot.services.worker.call(bot.services.repo.audit_log)]


async def test_a_locked_counselor_gets_counts_only_and_the_digest_after_the_pin(
    bot: Harness, patient: int
) -> None:
    monday = _next_monday_at(7, 30)
    _daily_at(bot, monday)
    _lock(bot)
    # The check-in before the digest is due: the app's own sweep runs every few seconds and, on a busy
    # machine, would send the digest before a check-in made after its time had finished.
    with time_machine.travel(monday - timedelta(minutes=5), tick=True):
        await _checkin(bot, patient, ["2", "1", "Good", "Yes", "No"])  # Alex: low mood
    with time_machine.travel(monday + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        notice = await bot.emu.wait_for_message(COUNSELOR, contains="is ready")
        assert notice.text.startswith("🔒 Your daily digest for")
        assert "1 needs your attention" in notice.text
        assert "Alex" not in notice.text and "mood" not in notice.text
        assert notice.button_texts() == [texts.BTN_SHOW_DIGEST]
        bot.emu.press_button(COUNSELOR, notice, texts.BTN_SHOW_DIGEST)
        await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_ASK)
        bot.emu.send_text(COUNSELOR, PIN)
        ok = await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_OK)
        # The tap that asked for the PIN is carried out once it is right.
        daily = await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest:")
        assert daily.seq > ok.seq
    assert "Alex: low mood" in daily.text and daily.protect_content and daily.button_texts() == ["Alex"]
    assert not any("Alex" in m.text for m in bot.emu.sent_to(COUNSELOR) if m.seq < daily.seq)
    assert _actions(bot) == ["digest_notice_sent", "counselor_unlocked", "digest_viewed"]


async def test_a_locked_pre_group_notice_names_no_one_and_not_the_group(bot: Harness, patient: int) -> None:
    await _cohort(bot, patient)
    _lock(bot)
    start = _next_monday_at(18)
    with time_machine.travel(start - timedelta(minutes=65), tick=True):  # before the digest is due
        await _checkin(bot, BLAIR, ["6", "8", "OK", "Yes", "No"])  # Blair: high craving
    with time_machine.travel(start - timedelta(minutes=59), tick=True):
        await digest.sweep(bot.app)
        notice = await bot.emu.wait_for_message(COUNSELOR, contains="is ready")
        assert notice.text.startswith("🔒 Your digest for group today at 6:00 PM is ready")
        assert "1 needs your attention" in notice.text
        for name in ("Alex", "Blair", "Casey", COHORT, "craving"):
            assert name not in notice.text
        bot.emu.press_button(COUNSELOR, notice, texts.BTN_SHOW_DIGEST)
        await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_ASK)
        bot.emu.send_text(COUNSELOR, PIN)
        await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_OK)
        screen = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
    assert screen.text.startswith(f"Before group today at 6:00 PM: {COHORT}")
    assert "Blair: high craving" in screen.text and screen.button_texts() == ["Blair"]


async def test_an_unlocked_counselor_gets_the_full_digest_and_the_push_does_not_extend_the_unlock(
    bot: Harness, patient: int
) -> None:
    monday = _next_monday_at(7, 30)
    _daily_at(bot, monday)
    _lock(bot)
    svc = bot.services
    with time_machine.travel(monday - timedelta(minutes=5), tick=True):
        await _checkin(bot, patient, ["2", "1", "Good", "Yes", "No"])
        bot.emu.send_text(COUNSELOR, "/caseload")
        await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_ASK)
        bot.emu.send_text(COUNSELOR, PIN)
        await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_OK)
        await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")  # carried out after the PIN
    before = svc.worker.call(svc.repo.counselor_pin, COUNSELOR)
    with time_machine.travel(monday + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        daily = await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest:")
        await bot.emu.settle()
    assert "Alex: low mood" in daily.text and daily.button_texts() == ["Alex"]
    assert not any("is ready" in m.text for m in bot.emu.sent_to(COUNSELOR))
    assert svc.worker.call(svc.repo.counselor_pin, COUNSELOR) == before

    with time_machine.travel(monday + timedelta(minutes=1), tick=True):  # a key that names no digest
        bot.emu.press_button(COUNSELOR, daily, callback_data=f"dg:daily:{COUNSELOR}:yesterday")
        await bot.emu.wait_until(partial(_answered, bot, COUNSELOR))
    assert bot.emu.last_callback_answer(COUNSELOR) == {"text": texts.DIGEST_GONE, "show_alert": True}


async def test_nobody_else_can_open_a_counselors_digest_from_its_button(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(OTHER_COUNSELOR, "Other"))  # no PIN: never asked
    bot.emu.add_user(OTHER_COUNSELOR)
    bot.emu.add_user(STRANGER)
    monday = _next_monday_at(7, 30)
    _daily_at(bot, monday)
    _lock(bot)
    before = [m.message_id for m in bot.emu.sent_to(COUNSELOR)]
    with time_machine.travel(monday + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        notice = await bot.emu.wait_for_message(COUNSELOR, contains="is ready")
        for user in (OTHER_COUNSELOR, patient, STRANGER):
            bot.emu.press_button(user, notice, texts.BTN_SHOW_DIGEST)
            await bot.emu.wait_until(partial(_answered, bot, user))
            assert bot.emu.last_callback_answer(user) == {"text": texts.STALE_BUTTON, "show_alert": False}
        await bot.emu.settle()
    assert [m.message_id for m in bot.emu.sent_to(COUNSELOR)] == [*before, notice.message_id]
    for user in (OTHER_COUNSELOR, patient, STRANGER):
        assert all("Alex" not in m.text and "digest" not in m.text.lower() for m in bot.emu.sent_to(user))
    assert "digest_viewed" not in _actions(bot)


async def test_an_admins_group_digest_says_which_patients_are_hers(bot: Harness, patient: int) -> None:
    """newcomer6 finding 8: an admin sees the whole cohort, and read "3 patients of yours" over a colleague's two."""
    await _cohort(bot, patient)
    svc, colleague = bot.services, 1010

    def colleague_has_casey() -> None:
        svc.repo.add_counselor(Counselor(telegram_id=COUNSELOR, name="Dana Rivera", role="admin"))
        svc.repo.add_counselor(Counselor(telegram_id=colleague, name="Sam Lee"))
        casey = svc.repo.patient_by_telegram(CASEY)
        assert casey is not None
        svc.repo.save_patient(casey.with_changes(counselor_id=colleague))

    svc.worker.call(colleague_has_casey)
    bot.emu.add_user(colleague, first_name="Sam")
    await say_hello(bot.emu, colleague)
    with time_machine.travel(_next_monday_at(18) - timedelta(minutes=60) + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        mine = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
        theirs = await bot.emu.wait_for_message(colleague, contains="Before group")
    assert "3 patients in this group, 2 of them yours ·" in mine.text
    assert "1 patient of yours ·" in theirs.text and "Alex" not in theirs.text


async def test_a_group_digest_lists_the_groups_open_alerts_and_counts_the_others_apart(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N54: the header counted the group, and "Urgent alerts not acknowledged" listed patients of the
    whole caseload under it. Now the list is the group's, and alerts about patients outside it are a count."""
    from tests.conftest import enroll_patient

    await _cohort(bot, patient)
    eli = 2010
    await enroll_patient(bot, eli, "Eli", first_name="Eli")  # Dana's, in no group
    for who in (patient, eli):
        bot.emu.send_text(who, "i have the whole bottle of my pills in my hand")
        await bot.emu.wait_for_message(who, contains="Are you safe right now?")
    svc = bot.services
    # Both alerts stored (each is raised after its answer) before the digest is put together.
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 2, 10.0)
    with time_machine.travel(_next_monday_at(18) - timedelta(minutes=60) + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        screen = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
    assert "3 patients of yours" in screen.text
    assert "Urgent alerts not acknowledged in this group (1)" in screen.text and "• Alex: " in screen.text
    assert "Eli" not in screen.text, screen.text
    assert "1 more urgent alert not acknowledged, about patients outside this group" in screen.text, (
        screen.text
    )


async def test_a_cant_make_it_for_another_session_is_not_listed_before_this_group(
    bot: Harness, patient: int
) -> None:
    """newcomer18 N154: the Monday "can't make it" was listed before Tuesday's group as a flag, as if Casey would
    not come to it; an answer counts for the session it answered."""
    await _cohort(bot, patient)
    start = _next_monday_at(18)
    svc = bot.services
    casey = svc.worker.call(svc.repo.patient_by_telegram, CASEY)
    assert casey is not None
    last_week = f"other:{(start.date() - timedelta(days=7)).isoformat()}"
    svc.worker.call(
        svc.repo.raise_flag,
        casey.patient_id,
        "cant_come",
        f"cant_come:{last_week}",
        svc.now(),
        {"occurrence": last_week},
    )
    with time_machine.travel(start - timedelta(minutes=60) + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        screen = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
    assert "Flagged: nobody" in screen.text and "0 can't come" in screen.text, screen.text
    assert "Casey" not in screen.button_texts(), screen.text


async def test_a_crisis_acknowledged_today_is_on_the_group_screen(bot: Harness, patient: int) -> None:
    """newcomer21 N188: an hour after Sofia's crisis was acknowledged, the pre-group screen showed her only as
    "Running late"."""
    await _cohort(bot, patient)
    start = _next_monday_at(18)
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    raised = start - timedelta(hours=2)
    with time_machine.travel(raised, tick=True):
        alert = Alert("crisis1", "crisis", alex.patient_id, COUNSELOR, svc.now(), "i want to die")
        svc.worker.call(svc.repo.add_alert, acknowledge(alert, COUNSELOR, svc.now() + timedelta(minutes=5)))
    with time_machine.travel(start - timedelta(minutes=60) + timedelta(seconds=5), tick=True):
        await digest.sweep(bot.app)
        screen = await bot.emu.wait_for_message(COUNSELOR, contains="Before group")
    assert "acknowledged" in screen.text and "Alex: crisis language" in screen.text, screen.text
