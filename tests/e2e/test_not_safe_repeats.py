"""Alert noise for one patient (newcomer6 finding 22).

Three "not really tbh" answers to three "Are you safe right now?" within a minute were three identical
"said they are not safe" alerts: nine cards for each person, and the reminders listed the same thing three
times. A "not safe" said again while the last one is open and escalating joins it. An admin who is not on
call read "this reached you on call"; durations read "3252 min open".
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import alert_card
from tests.conftest import COUNSELOR, Harness, say_hello

RAE, MAX = 1002, 1003  # on call; an admin who is not


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


async def _three_times_not_safe(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    last = 0
    # Three kinds: the same kind again joins its open crisis alert with no new question (newcomer9 N40).
    for words in ("i want to kill myself", "i took all my pills", "i want to hurt myself"):
        bot.emu.send_text(patient, words)
        asked = await bot.emu.wait_for_message(patient, contains="Are you safe right now?", after=last)
        bot.emu.send_text(patient, "not really tbh")
        answer = await bot.emu.wait_for_message(patient, after=asked.message_id, contains="741741")
        last = answer.message_id
    await bot.emu.wait_for_message(COUNSELOR, contains="again (3 times now)")


async def test_a_not_safe_said_again_joins_the_open_alert(bot: Harness, patient: int) -> None:
    await _three_times_not_safe(bot, patient)
    cards = [m for m in bot.emu.sent_to(COUNSELOR) if "said they are not safe right now" in m.text]
    assert len(cards) == 1, [m.text for m in cards]
    told = [m.text for m in bot.emu.sent_to(COUNSELOR) if "answered “I'm not safe”" in m.text]
    assert "A new urgent alert follows" in told[0]
    assert all("joins their “not safe” alert that is still open" in t for t in told[1:]), told
    svc = bot.services
    (not_safe,) = [a for a in svc.worker.call(svc.repo.open_alerts) if a.kind == "not_safe"]
    assert len(not_safe.again) == 2
    text, _ = await alert_card(svc, not_safe, 1, COUNSELOR)
    assert "They said it again 2 more times, the latest" in text
    log = [e["action"] for e in svc.worker.call(svc.repo.audit_log)]
    assert log.count("alert_said_again") == 2


async def test_an_admin_not_on_call_is_not_told_it_reached_them_on_call(bot: Harness, patient: int) -> None:
    svc = bot.services
    for counselor in (Counselor(RAE, "Rae Kim"), Counselor(MAX, "Max Bell", role="admin")):
        svc.worker.call(svc.repo.add_counselor, counselor)
        bot.emu.add_user(counselor.telegram_id, first_name=counselor.name)
        await say_hello(bot.emu, counselor.telegram_id)
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    (alert,) = svc.worker.call(svc.repo.open_alerts)
    last = svc.settings.escalate_max_rounds
    admin_copy, _ = await alert_card(svc, alert, last, MAX)
    assert "Dana Rivera</b>'s patient; this reached you as an admin of the program" in admin_copy
    assert "on call" not in admin_copy
    on_call_copy, _ = await alert_card(svc, alert, 1, RAE)
    assert "this reached you on call" in on_call_copy
