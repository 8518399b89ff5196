"""An on-call rotation is told (newcomer22 N225): at the start that loads a changed [alerts] oncall, the counselors
added hear they are on call, those taken off that they no longer are, once, and the change is audited."""

from __future__ import annotations

import dataclasses

from bot.domain.models import Counselor
from bot.jobs.oncall_roster import tell_rotation
from tests.conftest import COUNSELOR, Harness, say_hello

RAE = 1005
ON = "You are <b>on call</b>"
OFF = "no longer on call"


def _said(bot: Harness, who: int, what: str) -> int:
    return sum(what in m.html for m in bot.emu.sent_to(who))


async def test_a_rotation_tells_who_is_now_on_call_and_who_no_longer_is_once(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Chen"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    svc.settings = dataclasses.replace(svc.settings, oncall=(RAE,))
    await tell_rotation(bot.app)
    await bot.emu.wait_until(lambda: _said(bot, RAE, ON) == 1)
    svc.settings = dataclasses.replace(
        svc.settings, oncall=(COUNSELOR,)
    )  # the next week's rota, then a restart
    await tell_rotation(bot.app)
    await bot.emu.wait_until(lambda: _said(bot, COUNSELOR, ON) == 1 and _said(bot, RAE, OFF) == 1)
    await tell_rotation(bot.app)  # another restart, no change: nothing said again
    changes = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "oncall_changed"]
    assert [(r["added"], r["removed"]) for r in changes][-1] == ([COUNSELOR], [RAE]), changes
    assert _said(bot, COUNSELOR, ON) == 1 and _said(bot, RAE, ON) == 1 and _said(bot, RAE, OFF) == 1
