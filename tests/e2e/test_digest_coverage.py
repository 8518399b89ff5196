"""Flags that wait for the next review reach a counselor who never opens /caseload only by a digest
(audit leftover, session 15): a counselor with patients whose flags no digest carries is named by doctor.

The daily digest itself carries them to a counselor who never opens /caseload (tests/e2e/test_digest.py,
"Alex: low mood" in a daily digest nobody asked for by hand); this is the counselor who set none.
"""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

from bot.admin.doctor_digest import digest_check
from bot.config.settings import Settings
from tests.conftest import COUNSELOR, Harness


def _lines(settings: Settings) -> list[str]:
    return [f.line() for f in digest_check(settings)]


async def test_a_counselor_without_a_digest_whose_patients_flags_wait_is_named_by_doctor(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    lines = await asyncio.to_thread(_lines, svc.settings)
    assert lines[0].startswith("ok") and "without one: Dana Rivera" in lines[0], lines  # nothing waits yet
    # A "soon" flag two days old: low mood at the last check-in, never looked at.
    then = svc.now() - timedelta(days=2)
    svc.worker.call(svc.repo.raise_flag, alex.patient_id, "low_mood", "low_mood:old", then, {})
    lines = await asyncio.to_thread(_lines, svc.settings)
    assert lines[0].startswith("FAIL") and "Dana Rivera (1001)" in lines[0] and "/digest" in lines[0], lines
    # A daily digest carries them: doctor is content.
    svc.worker.call(svc.repo.set_digest_time, COUNSELOR, time(8), svc.now())
    lines = await asyncio.to_thread(_lines, svc.settings)
    assert lines == ["ok   digests: every counselor with patients gets a daily digest"], lines
