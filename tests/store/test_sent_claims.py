"""One-time-send claims stay bounded: a year of daily prompts does not grow the patient's file without end."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.store.repository import Repository

PID = "p1"


@pytest.mark.slow
def test_a_year_of_daily_claims_keeps_about_two_months_and_every_recent_one(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    first = date(2026, 1, 1)
    repo.mark_sent(PID, "crisis_answer:17:safe")  # undated: kept
    for n in range(365):
        day = (first + timedelta(days=n)).isoformat()
        assert repo.mark_sent(PID, f"prompt:{day}")
        assert repo.mark_sent(PID, f"s1:{day}")  # a session reminder's key
    kept = repo._shard(PID).table("sent").all()
    assert len(kept) <= 2 * (60 + 30) + 1, len(kept)
    last = first + timedelta(days=364)
    for back in range(60):  # every claim of the last 60 days is still there: nothing sent twice
        day = (last - timedelta(days=back)).isoformat()
        assert repo.was_sent(PID, f"prompt:{day}") and repo.was_sent(PID, f"s1:{day}")
        assert not repo.mark_sent(PID, f"prompt:{day}")
    assert repo.was_sent(PID, "crisis_answer:17:safe")
    repo.close()


def test_an_erasure_keeps_the_claims_so_nothing_is_sent_again(tmp_path: Path) -> None:
    """Newcomer finding 10b-12: after /delete the same session reminder came again at the next start. The claims
    are keys (a kind, a session id, a date), nothing the patient wrote, and they outlive the erasure."""
    repo = Repository(tmp_path)
    assert repo.mark_sent(PID, "remind:aef122:2026-11-30:60")
    repo.erase_patient_data(PID)
    assert not repo.mark_sent(PID, "remind:aef122:2026-11-30:60")
    repo.close()
