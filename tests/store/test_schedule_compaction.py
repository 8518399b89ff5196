"""Issue 16: the index keeps the schedule still ahead; what is over moves to the audit log, never lost."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.domain.sessions import Series
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository
from bot.store.storage import AtomicJSONStorage

NOW = datetime(2026, 11, 20, 15, tzinfo=UTC)
TODAY = NOW.date()
CODEC = FernetCodec([keygen()])


def _series(series_id: str, *, on: date | None = None, ended: bool = False) -> Series:
    if on is None:
        return Series(
            series_id, "group", time(18), 90, "America/New_York", cohort="Evening", weekdays=(0,), ended=ended
        )
    return Series(series_id, "individual", time(10), 50, "America/New_York", patient_id="p1", on=on)


def _index_rows(data_dir: Path, table: str) -> int:
    return len((AtomicJSONStorage(data_dir / "index.json", CODEC).read() or {}).get(table, {}))


def test_ended_and_week_old_sessions_leave_the_index_for_the_audit_log_once(tmp_path: Path) -> None:
    repo = Repository(tmp_path, codec=CODEC)
    kept = [
        _series("live"),
        _series("soon", on=TODAY + timedelta(days=2)),
        _series("lately", on=TODAY - timedelta(days=6)),
    ]
    gone = [_series("ended", ended=True), _series("old", on=TODAY - timedelta(days=8))]
    for s in [*kept, *gone]:
        repo.add_series(s)
    assert repo.compact_schedule(NOW) == 2
    assert sorted(s.series_id for s in repo.all_series()) == ["lately", "live", "soon"]
    assert repo.series("old") is None and repo.series("ended") is None
    archived = [r for r in repo.audit_log() if r["action"] == "session_archived"]
    assert sorted(r["subject"] for r in archived) == ["ended", "old"]
    assert {Series.from_dict(r["series"]) for r in archived} == set(gone)  # the whole schedule, kept
    assert repo.compact_schedule(NOW) == 0 and len(repo.audit_log()) == len(archived)
    repo.close()
    assert _index_rows(tmp_path, "sessions") == 3


def test_a_years_one_off_sessions_do_not_stay_in_the_index(tmp_path: Path) -> None:
    repo = Repository(tmp_path, codec=CODEC)
    for n in range(120):  # a year of one-off sessions, every third day
        repo.add_series(_series(f"s{n}", on=TODAY - timedelta(days=8 + 3 * n)))
    repo.add_series(_series("next", on=TODAY + timedelta(days=1)))
    assert repo.compact_schedule(NOW) == 120
    repo.close()
    assert _index_rows(tmp_path, "sessions") == 1


def test_a_claimed_notice_leaves_the_index_and_old_sent_ones_are_compacted(tmp_path: Path) -> None:
    repo = Repository(tmp_path, codec=CODEC)
    repo.add_notice(2001, "first", NOW)
    repo.add_notice(2002, "second", NOW)
    (first, _, _), (second, _, _) = repo.pending_notices()
    repo.mark_notice_sent(first)
    assert [n[0] for n in repo.pending_notices()] == [second] and _index_rows(tmp_path, "notices") == 1
    repo._index.table("notices").insert(
        {"to": 2003, "text": "x", "at": NOW.isoformat(), "sent": True}
    )  # an earlier version's
    assert repo.compact_schedule(NOW) == 0
    assert [n[2] for n in repo.pending_notices()] == ["second"]
    repo.close()
    assert _index_rows(tmp_path, "notices") == 1
