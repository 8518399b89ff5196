"""finish_checkin: the entry, its flags, an urgent page and the closed draft, written together."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.checkins import Draft, Entry, load_checkin_config
from bot.domain.flag_rules import load_flag_rules
from bot.domain.models import Patient
from bot.store.repository import Repository
from bot.store.storage import StoreWriteError
from bot.usecases.complete_checkin import Finished, alert_id, finish_checkin

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)  # 21:30 on 23 November in New York
TODAY = date(2026, 11, 23)
CONFIG = load_checkin_config()
RULES = load_flag_rules()  # the shipped flag_rules.toml
PID = "p1a2b3c"
CALM = {"mood": 7, "craving": 2, "sleep": 2, "medication": 1, "used": 0, "note": None}
# Shipped rules: use with craving 8+ is urgent, and it also trips "use reported" and "high craving".
RISKY = {**CALM, "craving": 9, "used": 1}


def alex() -> Patient:
    return Patient(PID, 555, "Alex", 1001, NOW, NOW, timezone="America/New_York")


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repo = Repository(tmp_path)
    repo.save_patient(alex())
    return repo


def draft(answers: dict[str, Any], draft_id: str = "d1") -> Draft:
    return Draft(draft_id, NOW - timedelta(minutes=3), answers, len(answers))


def open_draft(repo: Repository, d: Draft) -> None:
    """The store as the handler leaves it just before the last answer: a draft, and a note awaited."""
    repo.save_draft(PID, d.to_dict())
    repo.set_pending_input(PID, {"kind": "checkin_note"})


def finish(repo: Repository, d: Draft, *, now: datetime = NOW, page: bool = True) -> Finished:
    return finish_checkin(repo, alex(), d, now=now, tz=NY, config=CONFIG, rules=RULES, page=page)


def test_a_calm_check_in_is_stored_for_the_patients_day_with_no_flag_and_no_page(repo: Repository) -> None:
    open_draft(repo, draft(CALM))
    done = finish(repo, draft(CALM))
    assert [e.entry_id for e in repo.checkins(PID)] == ["d1"] == [done.entry.entry_id]
    assert done.entry.local_date == TODAY  # New York's day: it is already the 24th in UTC
    assert (done.tripped, done.page) == ((), None)
    assert repo.open_flags(PID) == [] and repo.open_alerts() == []


def test_a_risky_answer_raises_every_flag_it_trips_and_pages_the_counselor(repo: Repository) -> None:
    open_draft(repo, draft(RISKY))
    done = finish(repo, draft(RISKY))
    assert [r.kind for r in done.tripped] == ["use_high_craving", "use_reported", "high_craving"]
    flags = repo.open_flags(PID)
    assert sorted(f["key"] for f in flags) == sorted(f"{r.kind}:{TODAY}" for r in done.tripped)
    assert {f["details"]["entry"] for f in flags} == {"d1"}
    urgency = {f["kind"]: f["details"]["urgency"] for f in flags}
    assert urgency == {"use_high_craving": "urgent", "use_reported": "soon", "high_craving": "soon"}
    assert done.page is not None
    assert done.page.alert_id == alert_id(alex(), done.entry)
    assert (done.page.kind, done.page.patient_id, done.page.counselor_id) == ("checkin", PID, 1001)
    assert done.page.urgent and done.page.text == ""  # the answers are never copied into a page
    assert repo.open_alerts() == [done.page]


def test_a_soon_flag_waits_for_the_caseload_and_pages_nobody(repo: Repository) -> None:
    done = finish(repo, draft({**CALM, "mood": 3}))
    assert [r.kind for r in done.tripped] == ["low_mood"]
    assert [f["kind"] for f in repo.open_flags(PID)] == ["low_mood"]
    assert done.page is None and repo.open_alerts() == []


def test_when_the_note_already_paged_the_flags_are_raised_but_nobody_is_paged_twice(repo: Repository) -> None:
    done = finish(repo, draft(RISKY), page=False)
    assert len(repo.open_flags(PID)) == 3
    assert done.page is None and repo.open_alerts() == []


def test_the_draft_and_the_awaited_note_are_closed(repo: Repository) -> None:
    open_draft(repo, draft(CALM))
    finish(repo, draft(CALM))
    assert repo.draft(PID) is None
    assert repo.pending_input(PID) is None


def test_the_streak_counts_the_days_in_a_row_ending_today(repo: Repository) -> None:
    for n, days_ago in enumerate([4, 2, 1]):  # the 19th, then the 21st and 22nd: a gap on the 20th
        day = TODAY - timedelta(days=days_ago)
        ts = datetime(day.year, day.month, day.day, 20, tzinfo=UTC)
        repo.record_checkin(PID, Entry(f"old{n}", ts, day, dict(CALM)), CONFIG)
    assert finish(repo, draft(CALM)).streak == 3


def test_a_replay_changes_nothing_twice(repo: Repository) -> None:
    first = finish(repo, draft(RISKY))
    again = finish(repo, draft(RISKY), now=NOW + timedelta(minutes=1))
    assert again.entry == first.entry
    assert [e.entry_id for e in repo.checkins(PID)] == ["d1"]
    assert len(repo.open_flags(PID)) == 3
    assert again.page is None and len(repo.open_alerts()) == 1  # never a second page for one check-in


def test_a_second_check_in_the_same_day_updates_it_and_flags_what_the_merged_answers_say(
    repo: Repository,
) -> None:
    finish(repo, draft({**CALM, "used": 1}, "d1"))
    done = finish(repo, draft({**CALM, "craving": 9, "used": None}, "d2"), now=NOW + timedelta(minutes=20))
    assert len(repo.checkins(PID)) == 1  # same_day = "update" in the shipped items
    assert done.entry.answers["used"] == 1  # a skipped answer keeps the earlier one
    assert "use_high_craving" in {r.kind for r in done.tripped}
    assert done.page is not None


def test_a_calm_second_check_in_keeps_the_days_risk_but_pages_nobody_again(repo: Repository) -> None:
    """The day keeps its worse answers (finding 9-11), but the morning's answers paged already: a calm
    evening is not a second urgent page about them."""
    first = finish(repo, draft(RISKY, "d1"))
    assert first.page is not None
    calm = finish(repo, draft(CALM, "d2"), now=NOW + timedelta(minutes=20))
    assert calm.entry.answers["used"] == RISKY["used"] and calm.tripped == () and calm.page is None
    assert len(repo.open_alerts()) == 1


def stored(data_dir: Path) -> tuple[list[Entry], list[str], int, dict[str, Any] | None]:
    """What is on disk, read by a fresh repository: entries, flag kinds, alerts, the draft."""
    fresh = Repository(data_dir)
    try:
        kinds = sorted(str(f["kind"]) for f in fresh.open_flags(PID))
        return fresh.checkins(PID), kinds, len(fresh.open_alerts()), fresh.draft(PID)
    finally:
        fresh.close()


@pytest.mark.parametrize("failing", ["raise_flag", "add_alert", "save_draft", "set_pending_input"])
def test_a_write_that_fails_leaves_nothing_half_written_and_a_retry_completes_it(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    open_draft(repo, draft(RISKY))

    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreWriteError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(repo, failing, refuse)
        with pytest.raises(StoreWriteError):
            finish(repo, draft(RISKY))

    entries, flags, alerts, kept = stored(tmp_path)
    # The patient is told it was not saved: no entry the counselor could read without its flags.
    assert (entries, flags, alerts) == ([], [], 0)
    assert kept == draft(RISKY).to_dict()  # so the last answer can be sent again
    assert repo.checkins(PID) == [] and repo.open_flags(PID) == []  # memory is as the disk is

    done = finish(repo, draft(RISKY))
    entries, flags, alerts, kept = stored(tmp_path)
    assert [e.entry_id for e in entries] == ["d1"]
    assert flags == sorted(r.kind for r in done.tripped)
    assert (alerts, kept) == (1, None)


def test_when_the_patients_file_cannot_be_written_the_counselor_is_still_paged(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.store.storage as storage

    real = storage.write_atomically

    def full_patient_disk(path: Path, payload: bytes) -> None:
        if path.name == f"{PID}.json":
            raise StoreWriteError(28, "No space left on device")
        real(path, payload)

    open_draft(repo, draft(RISKY))
    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_atomically", full_patient_disk)
        with pytest.raises(StoreWriteError):
            finish(repo, draft(RISKY))
    entries, flags, alerts, kept = stored(tmp_path)
    # Paging for an answer the patient is asked to send again beats staying silent about it.
    assert (entries, flags, alerts) == ([], [], 1)
    assert kept is not None

    finish(repo, draft(RISKY))
    entries, flags, alerts, kept = stored(tmp_path)
    assert (len(entries), len(flags), alerts, kept) == (1, 3, 1, None)  # and the retry pages no one twice
