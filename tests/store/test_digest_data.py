"""Digest settings and sent-once claims survive a restart."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from bot.store.digest_data import KEEP_SENT
from bot.store.repository import Repository

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def test_a_daily_time_is_kept_across_a_restart_and_off_removes_it(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.set_digest_time(1001, time(7, 30), NOW)
    repo.close()
    repo = Repository(tmp_path)
    pref = repo.digest_pref(1001)
    assert pref is not None and (pref.at, pref.since) == (time(7, 30), NOW)
    assert [p.counselor_id for p in repo.digest_prefs()] == [1001]
    repo.set_digest_time(1001, None, NOW)
    assert repo.digest_pref(1001) is None and repo.digest_prefs() == []
    repo.close()


def test_a_digest_is_claimed_once_even_across_a_restart_unless_released(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_digest("pre:1001:s1:2026-11-23", NOW)
    repo.close()
    repo = Repository(tmp_path)
    assert not repo.claim_digest("pre:1001:s1:2026-11-23", NOW)
    repo.release_digest("pre:1001:s1:2026-11-23")
    assert repo.claim_digest("pre:1001:s1:2026-11-23", NOW)
    repo.close()


def test_old_claims_are_forgotten_so_the_index_stays_small(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.claim_digest("daily:1001:2026-10-01", NOW - KEEP_SENT - timedelta(days=1))
    repo.claim_digest("daily:1001:2026-11-23", NOW)
    assert repo.claim_digest("daily:1001:2026-10-01", NOW)  # dropped when the new claim was written
    repo.close()
