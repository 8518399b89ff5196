"""One-time-send claims stay bounded: a year of daily prompts does not grow the patient's file without end."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.store.repository import Repository

PID = "p1"


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
