"""The audit log has what an auditor looks for (newcomer finding 20): consent given and withdrawn, every
alert raised, sent, escalated and acknowledged, and SOS opened; ids and kinds only, never the words."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import time_machine

from bot import texts
from bot.domain.models import Counselor
from bot.jobs import alerts
from tests.conftest import COUNSELOR, Harness

# a dose taken (a plan, "going to take all the pills", is kind "crisis" since session 15: crisis:overdose_planned)
ADMIN = 1009
CRISIS = "i took all the pills i saved an hour ago, i already wrote the letters"


def _rows(bot: Harness, action: str) -> list[dict[str, Any]]:
    return [r for r in bot.services.worker.call(bot.services.repo.audit_log) if r["action"] == action]


def _pid(bot: Harness, telegram_id: int) -> str:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert p is not None
    return p.patient_id


async def test_an_alert_is_on_record_when_raised_sent_escalated_and_acknowledged(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, CRISIS)
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    pid = _pid(bot, patient)
    (raised,) = _rows(bot, "alert_raised")
    assert raised["subject"] == pid and raised["kind"] == "overdose" and raised["actor"] == 0
    alert_id = raised["alert"]
    await bot.emu.wait_until(lambda: bool(_rows(bot, "alert_sent")))  # recorded once Telegram accepted it
    (sent,) = _rows(bot, "alert_sent")
    assert (sent["alert"], sent["round"], sent["to"]) == (alert_id, 0, COUNSELOR)

    later = bot.services.now() + timedelta(minutes=bot.services.settings.escalate_after_minutes + 1)
    # time passes for the bot and Telegram alike (a step of the bot's clock alone is held back: ops O44)
    with time_machine.travel(later, tick=True):
        await alerts.deliver_due(bot.app)
        await bot.emu.wait_for_message(COUNSELOR, after=first.message_id, contains="Still not acknowledged")
        await bot.emu.wait_until(lambda: bool(_rows(bot, "alert_escalated")))
        (escalated,) = _rows(bot, "alert_escalated")
        assert (escalated["alert"], escalated["round"], escalated["to"]) == (alert_id, 1, COUNSELOR)

        bot.emu.press_button(COUNSELOR, first, texts.BTN_ACKNOWLEDGE)
        await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
        (acked,) = _rows(bot, "alert_acknowledged")
        assert (acked["alert"], acked["actor"], acked["subject"], acked["kind"]) == (
            alert_id,
            COUNSELOR,
            pid,
            "overdose",
        )
        assert "pills" not in json.dumps(bot.services.worker.call(bot.services.repo.audit_log))


async def test_consent_given_and_withdrawn_are_on_record(bot: Harness) -> None:
    code = bot.invite("Jo")
    bot.emu.add_user(3001, first_name="Jo")
    bot.emu.send_text(3001, f"/start {code}")
    consent = await bot.emu.wait_for_message(3001, contains="Do you agree")
    bot.emu.press_button(3001, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(3001, contains="time zone")
    pid = _pid(bot, 3001)
    (given,) = _rows(bot, "consent_given")
    assert (given["subject"], given["actor"]) == (pid, 3001)
    bot.emu.send_text(3001, "/stop")
    ask = await bot.emu.wait_for_message(3001, contains="Stop using")
    bot.emu.press_button(3001, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(3001, contains="won't get any more messages")
    (withdrawn,) = _rows(bot, "consent_withdrawn")
    assert (withdrawn["subject"], withdrawn["actor"]) == (pid, 3001)


async def test_every_sos_opened_is_on_record(bot: Harness, patient: int) -> None:
    for _ in range(2):
        bot.emu.send_text(patient, "/sos")
        shown = await bot.emu.wait_for_message(patient, contains="988")
        bot.emu.send_text(patient, "/help")  # a positive barrier: the SOS update was handled whole
        await bot.emu.wait_for_message(patient, after=shown.message_id, contains="/checkin")
    rows = _rows(bot, "sos_opened")
    assert [(r["subject"], r["actor"]) for r in rows] == [(_pid(bot, patient), patient)] * 2


def test_iop_bot_audit_names_the_bot_or_the_command_that_acted() -> None:
    from bot.admin.records import _machine

    assert _machine({"action": "alert_raised"}) == "bot"
    assert _machine({"action": "export_cli", "by": "root@clinic"}) == "admin CLI (root@clinic)"
    assert _machine({"action": "admin_enroll", "by": "root@clinic"}) == "admin CLI (root@clinic)"
    assert _machine({"action": "export_cli"}) == "admin CLI"  # written before export rows named who ran them


async def test_an_alert_opened_from_a_page_is_a_view_on_record_not_a_send(bot: Harness, patient: int) -> None:
    # newcomer12 N86: Jordan's tap on the page's 🚨 button was recorded as `alert_escalated … round=1` (and an
    # admin's, before any reminder, as `alert_sent … round=0`), so the audit overstated how often the bot sent
    # and escalated. A tap is the person's own view, with them as its actor.
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")

    async def open_it(who: int) -> None:
        bot.emu.send_text(who, "/start")  # a message to tap from, as a page's would be
        anchor = await bot.emu.wait_for_message(who)
        bot.emu.press_button(who, anchor, callback_data=f"al:open:{alert_id}")
        await bot.emu.wait_for_message(who, after=anchor.message_id, contains="Alex")

    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_until(lambda: bool(_rows(bot, "alert_sent")))
    alert_id = _rows(bot, "alert_raised")[0]["alert"]
    await open_it(ADMIN)
    await bot.emu.wait_until(lambda: len(_rows(bot, "alert_opened")) == 1, 10.0)
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await alerts.deliver_due(bot.app)
        await bot.emu.wait_until(lambda: len(_rows(bot, "alert_escalated")) == 2, 10.0)
        await open_it(COUNSELOR)
        await bot.emu.wait_until(lambda: len(_rows(bot, "alert_opened")) == 2, 10.0)
    assert [(r["round"], r["to"]) for r in _rows(bot, "alert_sent")] == [(0, COUNSELOR)]
    assert sorted((r["round"], r["to"]) for r in _rows(bot, "alert_escalated")) == [
        (1, COUNSELOR),
        (1, ADMIN),
    ]
    assert [(r["actor"], r["round"]) for r in _rows(bot, "alert_opened")] == [(ADMIN, 0), (COUNSELOR, 1)]
