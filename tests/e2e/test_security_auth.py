"""Issue 5: every counselor command and button, tried by each person who must not use it: refused, nothing leaked.

The commands come from the counselor menu and the buttons from the handlers the app registers, so a new
command is tried automatically and a new button prefix fails `test_every_button_prefix_is_classified`
until it is listed here as a patient's or a counselor's.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from telegram.ext import CallbackQueryHandler

from bot import texts
from bot.devtools.emulator.world import SentMessage
from bot.domain.checkins import Entry
from bot.domain.escalation import new_alert, with_delivery
from bot.domain.models import Counselor
from bot.handlers.menus import COUNSELOR_COMMANDS
from bot.jobs.alerts import deliver_due
from bot.telegram.app import FEATURES
from bot.usecases.patient_text import KEEP_FOR
from tests.conftest import COUNSELOR, Harness, enrolled_code

ALIAS, COHORT = "Alex", "Evening IOP"
MARK = "NOTE-7f3a"  # in the victim's check-in note and alert text: must reach nobody
ATTACKER_PATIENT, STRANGER, OTHER_COUNSELOR, GROUP = 2050, 9999, 1003, -700
PATIENT_FLOWS = {"ci", "cope", "ms", "cr", "sos", "hist", "sp", "rs", "msg"}
PATIENT_BUTTONS = PATIENT_FLOWS | {
    "del",
    "stop",
    "enr",
    "tz",
    "ct",
    "qh",
    "set",
    "un",
    "lang",
}  # + rights, set-up, settings, kept free text, language (the presser's own record only)
COUNSELOR_BUTTONS = {
    "pv": ["pv:{pid}"],
    "pa": [
        "pa:ack:{pid}",
        "pa:msg:{pid}",
        "pa:csv:{pid}",
        "pa:notes:{pid}",
        "pa:plan:{pid}",
        "pa:thread:{pid}",
    ],
    "al": ["al:show:{alert}", "al:ack:{alert}"],
    "bc": ["bc:send", "bc:no"],
    "dg": ["dg:daily:{counselor}:{today}"],  # the victim's counselor's digest
    "pm": ["pm:{pid}:m0123456789ab"],  # a patient's message that arrived while locked
}
ARGS = {"export": ALIAS, "broadcast": COHORT}  # each command aims at the victim; others get the alias
PROBE = "PROBE: are you there?"  # typed after every attempt: must not be relayed or broadcast to anyone


@dataclasses.dataclass(frozen=True)
class Attempt:
    """One person trying one counselor command or button against the victim (patient "Alex")."""

    who: str  # "patient", "stranger", "other counselor" or "group" (the victim's own counselor, in a group)
    action: str  # "/caseload Alex" or a callback_data template

    def __str__(self) -> str:
        return f"{self.who}: {self.action}"


WHO = ("patient", "stranger", "other counselor", "group")
ACTIONS = [f"/{c.command} {ARGS.get(c.command, ALIAS)}" for c in COUNSELOR_COMMANDS] + [
    data for datas in COUNSELOR_BUTTONS.values() for data in datas
]
ATTEMPTS = [Attempt(who, action) for who in WHO for action in ACTIONS]


def _allowed(who: str) -> set[str]:
    """The replies an attempt may get: the standard kind refusals, or the attacker's own empty tools."""
    refusals = {texts.STALE_BUTTON, texts.ALERT_NOT_YOURS, texts.NOTHING_TO_CANCEL}
    if who == "other counselor":
        own = {texts.CASELOAD_EMPTY, texts.DIGEST_USAGE, texts.broadcast_usage([]), texts.HELP_COUNSELOR}
        own.add(texts.counselor_text_not_sent(PROBE))  # the probe itself: nobody got it, and it says so
        return refusals | own | {texts.NOT_YOUR_PATIENT, texts.EXPORT_UNKNOWN}
    # The attacking patient's own probe is kept for them to send to their own counselor, or not.
    offer = texts.unsent_offer("Dana Rivera", 1, int(KEEP_FOR.total_seconds() // 3600))
    return refusals | {offer, texts.PATIENT_FALLBACK, texts.HELP_PATIENT, texts.STRANGER}


async def _victim(bot: Harness, patient: int) -> dict[str, str]:
    """Give the victim a cohort, a check-in with a note, an open flag and a delivered alert."""
    svc = bot.services
    now = svc.now()

    def fill() -> dict[str, str]:
        p = svc.repo.patient_by_telegram(patient)
        assert p is not None
        svc.repo.save_patient(p.with_changes(cohort=COHORT))
        note = f"{MARK} argued with my sister"
        entry = Entry("e1", now, date.today(), {"mood": 3, "craving": 9, "note": note})
        svc.repo.record_checkin(p.patient_id, entry, svc.checkin)
        svc.repo.raise_flag(p.patient_id, "high_craving", "high_craving:e1", now, {})
        # Already delivered, so the alert sweep stays quiet during the attempt.
        alert = with_delivery(new_alert("crisis", p.patient_id, COUNSELOR, now, MARK), 0, COUNSELOR, 1, now)
        svc.repo.add_alert(alert)
        today = now.astimezone(svc.settings.tz).date().isoformat()
        return {"pid": p.patient_id, "alert": alert.alert_id, "counselor": str(COUNSELOR), "today": today}

    return svc.worker.call(fill)


def _snapshot(bot: Harness, pid: str, alert_id: str) -> tuple[object, ...]:
    repo = bot.services.repo

    def read() -> tuple[object, ...]:
        access = [e for e in repo.audit_log() if e.get("subject") == pid]
        return (repo.patient(pid), repo.checkins(pid), repo.open_flags(pid), repo.alert(alert_id), access)

    return bot.services.worker.call(read)


async def _attacker(bot: Harness, who: str) -> tuple[int, int, SentMessage]:
    """The attacker's user id, the chat they act in, and a bot message there to forge buttons on."""
    emu = bot.emu
    if who == "group":
        emu.add_bot_to_group(COUNSELOR, GROUP)
        await emu.wait_until(lambda: emu.stats.calls.get("leaveChat", 0) >= 1)
        return COUNSELOR, GROUP, SentMessage(chat_id=GROUP, message_id=1, text="hi", html="hi")
    user = {"patient": ATTACKER_PATIENT, "stranger": STRANGER, "other counselor": OTHER_COUNSELOR}[who]
    if who == "patient":
        code = enrolled_code(bot.services, "Blair")
        bot.services.worker.call(_enroll, bot, code, user)
    elif who == "other counselor":
        bot.services.worker.call(bot.services.repo.add_counselor, Counselor(user, "Other"))
    emu.add_user(user, first_name="Mallory")
    emu.send_text(user, "/help")
    return user, user, await emu.wait_for_message(user)


def _enroll(bot: Harness, code: str, user: int) -> None:
    from bot.domain.enrollment import hash_code

    repo = bot.services.repo
    invitation = repo.code(hash_code(code))
    assert invitation is not None
    repo.enroll(invitation, user, bot.services.now())


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=str)
async def test_a_counselor_tool_used_by_the_wrong_person_is_refused_and_leaks_nothing(
    bot: Harness, patient: int, attempt: Attempt
) -> None:
    emu = bot.emu
    ids = await _victim(bot, patient)
    user, chat, message = await _attacker(bot, attempt.who)
    before = _snapshot(bot, ids["pid"], ids["alert"])
    with emu.world.cond:
        mark = len(emu.world.events)

    if attempt.action.startswith("/"):
        emu.send_text(user, attempt.action, chat_id=chat, chat_type="group" if chat == GROUP else "private")
    else:
        emu.press_button(user, message, callback_data=attempt.action.format(**ids))
        if chat != GROUP:
            await emu.wait_until(lambda: emu.last_callback_answer(user) is not None)
    if chat != GROUP:
        emu.send_text(user, PROBE)
    await deliver_due(
        bot.app
    )  # a sweep during the attempt (on a slow machine one always comes) sends nothing
    await emu.settle()

    with emu.world.cond:
        events = emu.world.events[mark:]
    answer = (emu.last_callback_answer(user) or {}).get("text")
    for shown in [e.text for e in events] + [answer or ""]:
        assert ALIAS not in shown and MARK not in shown, f"{attempt} leaked: {shown!r}"
    assert all(e.chat_id == chat != GROUP and e.kind == "text" for e in events), events
    allowed = _allowed(attempt.who)
    assert {e.html for e in events} <= allowed, [e.html for e in events]
    assert answer is None or answer in allowed
    assert _snapshot(bot, ids["pid"], ids["alert"]) == before


async def test_a_group_chat_gets_no_answer_and_the_bot_leaves(bot: Harness, patient: int) -> None:
    before = bot.emu.sent_to(COUNSELOR)
    bot.emu.add_bot_to_group(COUNSELOR, GROUP)
    bot.emu.send_text(COUNSELOR, "/caseload", chat_id=GROUP, chat_type="group")
    await bot.emu.wait_until(lambda: bot.emu.stats.calls.get("leaveChat", 0) >= 2)
    await bot.emu.settle()
    assert bot.emu.sent_to(GROUP) == [] and bot.emu.sent_to(COUNSELOR) == before


async def test_every_button_prefix_is_classified_as_a_patients_or_a_counselors(bot: Harness) -> None:
    prefixes: set[str] = set()
    for handler in bot.app.handlers[FEATURES]:
        if isinstance(handler, CallbackQueryHandler) and isinstance(handler.pattern, re.Pattern):
            found = re.match(r"\^\(?([a-z|]+)\)?:", handler.pattern.pattern)
            assert found, handler.pattern.pattern
            prefixes |= set(found.group(1).split("|"))
    assert prefixes == PATIENT_BUTTONS | set(COUNSELOR_BUTTONS)


async def test_the_right_counselor_is_not_refused(bot: Harness, patient: int) -> None:
    """The control: the same forged data from the victim's own counselor does show the page."""
    ids = await _victim(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")
    message = await bot.emu.wait_for_message(COUNSELOR)
    bot.emu.press_button(COUNSELOR, message, callback_data=f"pv:{ids['pid']}")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert ALIAS in page.text and MARK in page.text
