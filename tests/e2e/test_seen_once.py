"""One "someone from your care team has now seen my message" per episode, not one per alert acknowledged
(newcomer N21: five identical messages as Sam acknowledged Riley2's five alerts one after another)."""

from __future__ import annotations

import time_machine

from bot.handlers.alerts import acknowledge_alerts
from bot.jobs.alerts import deliver_due
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_unanswered import NOT_YET, _alerts, _not_safe, _past_last_round
from tests.e2e.test_unanswered import admin as admin  # the fixture: a reachable admin

SEEN = "has now seen my message"


async def test_acknowledging_each_alert_of_one_episode_tells_the_patient_once(
    bot: Harness, patient: int, admin: int
) -> None:
    svc = bot.services
    await _not_safe(bot, patient)  # a crisis alert and a "not safe" one
    ids = [a.alert_id for a in _alerts(bot)]
    assert len(ids) == 2
    counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
    assert counselor is not None
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
        for alert_id in ids:  # one after another, as from the reminder list; each returns once it has told
            assert await acknowledge_alerts(Context(bot.app), counselor, [alert_id]) == 1
    assert not _alerts(bot)
    assert len([m for m in bot.emu.sent_to(patient) if SEEN in m.text]) == 1


async def test_alerts_told_apart_and_acknowledged_together_tell_the_patient_once(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer22 N239: four alerts, each told "not answered yet" at its own time, acknowledged one by one from the
    page: three identical "someone has now seen it" in a row."""
    import dataclasses
    from datetime import timedelta

    svc = bot.services
    await _not_safe(bot, patient)
    ids = [a.alert_id for a in _alerts(bot)]
    counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
    assert counselor is not None
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
        told = _alerts(bot)[0].patient_told_at
        assert told is not None
        earlier = told - timedelta(minutes=5)  # the first was told on its own, earlier
        svc.worker.call(
            svc.repo.change_alert, ids[0], lambda a: dataclasses.replace(a, patient_told_at=earlier)
        )
        for alert_id in ids:
            assert await acknowledge_alerts(Context(bot.app), counselor, [alert_id]) == 1
    assert len([m for m in bot.emu.sent_to(patient) if SEEN in m.text]) == 1
