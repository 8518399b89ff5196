"""Each patient's check-ins in their own appended log: a check-in is one line whatever the history; a same-day
update is one line; a kill -9 between the line and the patient's file sets the line aside (kept) so no entry
stands without its flags; a cut-short tail is kept aside; a line that does not open refuses that patient only,
left as it is, named by doctor, and can be set aside on request; export reads it off the store thread."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from bot.admin.backup import snapshot
from bot.admin.doctor_logs import checkin_logs_check
from bot.admin.quarantine import quarantine_file
from bot.admin.restore import restore_backup
from bot.config.settings import Settings
from bot.domain.checkins import Entry
from bot.store import checkin_log, keyed_log
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable
from tests.store.test_patients_log import KEY, _enroll
from tests.usecases.test_complete_checkin import CONFIG, PID, RISKY, alex, draft, finish, open_draft

NOW = datetime(2026, 11, 1, tzinfo=UTC)
ADD = dataclasses.replace(CONFIG, same_day="add")


def _entry(n: int, day: int = 1) -> Entry:
    return Entry(f"e{n}", NOW + timedelta(days=day, minutes=n), date(2026, 11, day), {"mood": n % 11})


def test_a_check_in_is_one_appended_line_and_leaves_the_patients_file_alone(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    repo.save_draft(pid, {"draft_id": "x"})
    shard = tmp_path / "patients" / f"{pid}.json"
    path = checkin_log.log_path(tmp_path, pid)
    before = shard.read_bytes()
    sizes = []
    for n in range(28):
        repo.record_checkin(pid, _entry(n, n + 1), ADD)
        sizes.append(path.stat().st_size)
    steps = {b - a for a, b in pairwise(sizes)}
    assert max(steps) < 400  # one line each, not the history rewritten
    assert shard.read_bytes() == before
    repo.close()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert [e.entry_id for e in repo.checkins(pid)] == [f"e{n}" for n in range(28)]
    repo.close()


def test_a_same_day_update_is_one_line_replacing_the_earlier_entry(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    repo.record_checkin(pid, Entry("a", NOW, date(2026, 11, 1), {"mood": 3, "craving": 5}), CONFIG)
    size = checkin_log.log_path(tmp_path, pid).stat().st_size
    stored = repo.record_checkin(
        pid, Entry("b", NOW + timedelta(hours=1), date(2026, 11, 1), {"mood": 6}), CONFIG
    )
    assert stored.answers == {"mood": 3, "craving": 5}  # the worse mood of the day stays
    assert checkin_log.log_path(tmp_path, pid).read_bytes()[size:].count(b"\n") == 1
    assert (
        repo.record_checkin(pid, Entry("b", NOW, date(2026, 11, 1), {"mood": 1}), CONFIG) == stored
    )  # replay
    repo.close()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert repo.checkins(pid) == [stored]
    repo.close()


def test_a_kill_between_the_line_and_the_patients_file_sets_the_line_aside(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.save_patient(alex())
    open_draft(repo, draft(RISKY))
    repo.close()
    child = os.fork()
    if child == 0:
        try:
            real = keyed_log.KeyedLog.put

            def put_then_die(self: keyed_log.KeyedLog, *args: object, **kwargs: object) -> None:
                real(self, *args, **kwargs)  # type: ignore[arg-type]
                os.kill(os.getpid(), signal.SIGKILL)

            keyed_log.KeyedLog.put = put_then_die  # type: ignore[method-assign]
            finish(Repository(tmp_path), draft(RISKY))
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert b"d1" in checkin_log.log_path(tmp_path, PID).read_bytes()  # the line reached the disk
    repo = Repository(tmp_path)
    assert repo.checkins(PID) == [] and repo.open_flags(PID) == []  # no entry without its flags
    assert repo.draft(PID) == draft(RISKY).to_dict()
    kept = list((tmp_path / "patients").glob(f"{PID}{checkin_log.SUFFIX}.torn-*"))
    assert len(kept) == 1 and b"d1" in kept[0].read_bytes()  # set aside, not dropped
    done = finish(repo, draft(RISKY))
    assert [e.entry_id for e in repo.checkins(PID)] == ["d1"] and len(repo.open_flags(PID)) == len(
        done.tripped
    )
    repo.close()


def test_a_cut_short_tail_is_kept_aside_and_the_log_goes_on(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    repo.record_checkin(pid, _entry(1), ADD)
    repo.close()
    path = checkin_log.log_path(tmp_path, pid)
    with path.open("ab") as f:
        f.write(b"gAAAAABcut")
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert [e.entry_id for e in repo.checkins(pid)] == ["e1"]
    assert [p.read_bytes() for p in path.parent.glob(f"{path.name}.torn-*")] == [b"gAAAAABcut"]
    repo.record_checkin(pid, _entry(2), ADD)
    repo.close()


def test_a_damaged_log_refuses_that_patient_is_named_by_doctor_and_set_aside_on_request(
    tmp_path: Path,
) -> None:
    pid, other = _enroll(tmp_path, 2)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for who in (pid, other):
        repo.record_checkin(who, _entry(1), ADD)
    repo.close()
    path = checkin_log.log_path(tmp_path, pid)
    path.write_bytes(b"gAAAAAdamaged\n" + path.read_bytes())
    before = path.read_bytes()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    with pytest.raises(RecordsUnavailable, match="line 1"):
        repo.checkins(pid)
    with pytest.raises(RecordsUnavailable):
        repo.record_checkin(pid, _entry(2), ADD)
    assert [e.entry_id for e in repo.checkins(other)] == ["e1"]  # the others are served
    repo.close()
    assert path.read_bytes() == before
    settings = Settings(data_dir=tmp_path, data_keys=(KEY,))
    (finding,) = checkin_logs_check(settings)
    assert not finding.ok and f"--quarantine {path}" in finding.message
    assert "aside as" in quarantine_file(settings, str(path), NOW)
    assert not path.exists() and [f.ok for f in checkin_logs_check(settings)] == [True]
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert repo.checkins(pid) == []  # the loss was accepted, on the record
    assert repo.audit_log()[-1]["subject"] == pid
    repo.erase_patient_data(pid)
    repo.close()
    assert list(path.parent.glob(f"{pid}*")) == []  # the set-aside copy goes with /delete


def test_a_file_from_before_format_6_moves_its_check_ins_when_first_opened(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    shard = tmp_path / "patients" / f"{pid}.json"
    rows = {"checkins": {"1": _entry(1).to_dict()}, "state": {"2": {"draft": None}}}
    shard.parent.mkdir(mode=0o700)
    shard.write_bytes(FernetCodec([KEY]).encode(json.dumps(rows).encode()))
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))  # e.g. restored from an older backup
    assert [e.entry_id for e in repo.checkins(pid)] == ["e1"]
    repo.record_checkin(pid, _entry(2, 2), ADD)
    repo.close()
    assert checkin_log.split_out(shard, FernetCodec([KEY])) is False  # nothing left in the file
    assert len(checkin_log.read_entries(checkin_log.log_path(tmp_path, pid), FernetCodec([KEY]))[0]) == 2


def test_backup_carries_the_check_in_logs(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    (pid, *_) = _enroll(data_dir, 1)
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    repo.record_checkin(pid, _entry(1), ADD)
    repo.close()
    snapshot(data_dir, (KEY,), tmp_path / "b.iopbak", NOW)
    restored = Settings(data_dir=tmp_path / "restored", data_keys=(KEY,))
    restore_backup(restored, str(tmp_path / "b.iopbak"), io.StringIO())
    repo = Repository(restored.data_dir, codec=FernetCodec([KEY]))
    assert [e.entry_id for e in repo.checkins(pid)] == ["e1"]
    repo.close()


def test_an_open_compacts_a_log_of_many_lines_so_a_first_read_stays_a_few_lines(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for n in range(120):
        repo.record_checkin(pid, _entry(n, n % 28 + 1), ADD)
    repo.close()
    path = checkin_log.log_path(tmp_path, pid)
    assert path.read_bytes().count(b"\n") == 120  # one line a check-in, never rewritten while open
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert len(repo.checkins(pid)) == 120
    assert path.read_bytes().count(b"\n") == 2  # rewritten at the first open, a hundred rows a line
    repo.record_checkin(pid, _entry(200, 2), ADD)
    repo.close()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert len(repo.checkins(pid)) == 121 and path.read_bytes().count(b"\n") == 3  # few lines: left as is
    repo.close()


def test_only_the_latest_used_logs_stay_open_and_the_others_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.store import patient_data

    monkeypatch.setattr(patient_data, "OPEN_LOGS", 2)
    pids = _enroll(tmp_path, 3)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    for n, pid in enumerate(pids):
        repo.record_checkin(pid, _entry(n), ADD)
    assert list(repo._checkin_logs) == pids[1:]  # memory holds a few, not a whole caseload read once
    assert [e.entry_id for e in repo.checkins(pids[0])] == ["e0"]
    repo.record_checkin(pids[0], _entry(5, 2), ADD)
    assert list(repo._checkin_logs) == [pids[2], pids[0]]
    repo.close()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert [e.entry_id for e in repo.checkins(pids[0])] == ["e0", "e5"]
    repo.close()
