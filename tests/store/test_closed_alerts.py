"""Closed alerts leave alerts.json at once for alerts-closed.log: the open file stays the size of what is open,
a crash between the two files is settled at start-up, erasure takes the words off the disk, backup and key
rotation carry the closed log."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.admin.backup import snapshot
from bot.admin.keys import rotate_key
from bot.admin.restore import restore_backup
from bot.config.settings import Settings
from bot.domain.escalation import Alert
from bot.store import keyed_log
from bot.store.crypto import FernetCodec, keygen
from bot.store.migrate import ALERTS_FILE, CLOSED_ALERTS
from bot.store.repository import Repository
from bot.store.storage import AtomicJSONStorage
from tests.store.test_patients_log import KEY, _enroll

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _closed(repo: Repository, pid: str, n: int, text: str = "words") -> Alert:
    alert = Alert(f"a{n}", "crisis", pid, 1001, NOW - timedelta(hours=n), text=text)
    repo.add_alert(alert)
    done = dataclasses.replace(alert, acked_at=NOW, acked_by=1001)
    repo.save_alert(done)
    return done


def _open_file(data_dir: Path, key: str = KEY) -> list[str]:
    rows = (AtomicJSONStorage(data_dir / ALERTS_FILE, FernetCodec([key])).read() or {})["alerts"]
    return [r["alert_id"] for r in rows.values()]


def test_a_closed_alert_leaves_the_open_file_at_once_and_is_still_found(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    repo.add_alert(Alert("open", "sos", pid, 1001, NOW + timedelta(minutes=1), text="now"))
    done = [_closed(repo, pid, n) for n in range(5)]
    assert _open_file(tmp_path) == ["open"]
    assert [repo.alert(a.alert_id) for a in done] == done
    assert repo.recent_alert(pid, "crisis", NOW - timedelta(days=1)) == done[0]
    assert [a["kind"] for a in repo.patient_data_export(pid)["alerts"]] == ["crisis"] * 5 + ["sos"]
    repo.close()
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))  # and after a restart
    assert [repo.alert(a.alert_id) for a in done] == done and _open_file(tmp_path) == ["open"]
    repo.close()


def test_a_crash_between_the_closed_line_and_the_open_file_is_settled_at_start_up(tmp_path: Path) -> None:
    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    alert = Alert("a", "crisis", pid, 1001, NOW, text="words")
    repo.add_alert(alert)
    done = dataclasses.replace(alert, acked_at=NOW, acked_by=1001)
    repo._closed.put({"a": done.to_dict()})  # the closed line is on disk; the open file not yet rewritten
    repo.close()
    assert _open_file(tmp_path) == ["a"]
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert repo.open_alerts() == [] and repo.alert("a") == done
    assert _open_file(tmp_path) == []
    repo.close()


def test_erasure_takes_the_words_of_closed_alerts_off_the_disk(tmp_path: Path) -> None:
    pid, other = _enroll(tmp_path, 2)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    _closed(repo, pid, 1, "secret words")
    _closed(repo, other, 2, "kept words")
    repo.erase_patient_data(pid)
    assert repo.alert("a1") is not None and repo.alert("a1").text == ""  # type: ignore[union-attr]
    repo.close()
    lines = (tmp_path / CLOSED_ALERTS).read_bytes().split(b"\n")[:-1]
    plain = b"".join(FernetCodec([KEY]).decode(line) for line in lines)
    assert b"secret words" not in plain and b"kept words" in plain


def test_backup_and_key_rotation_carry_the_closed_alerts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    (pid, *_) = _enroll(data_dir, 1)
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    _closed(repo, pid, 1)
    repo.close()
    snapshot(data_dir, (KEY,), tmp_path / "b.iopbak", NOW)
    restored = Settings(data_dir=tmp_path / "restored", data_keys=(KEY,))
    restore_backup(restored, str(tmp_path / "b.iopbak"), io.StringIO())
    assert list(keyed_log.read_lines(restored.data_dir / CLOSED_ALERTS, FernetCodec([KEY]))[0]) == ["a1"]
    new = keygen()
    assert rotate_key(Settings(data_dir=data_dir, data_keys=(KEY,)), new, io.StringIO()) == 0
    assert list(keyed_log.read_lines(data_dir / CLOSED_ALERTS, FernetCodec([new]))[0]) == ["a1"]


def test_doctor_names_a_damaged_closed_alerts_log(tmp_path: Path) -> None:
    from bot.admin.doctor_logs import closed_alerts_check

    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    _closed(repo, pid, 1)
    repo.close()
    settings = Settings(data_dir=tmp_path, data_keys=(KEY,))
    assert [(f.ok, f.message) for f in closed_alerts_check(settings)] == [
        (True, "1 alert(s) closed in the last 30 days")
    ]
    path = tmp_path / CLOSED_ALERTS
    path.write_bytes(b"gAAAAAdamaged\n" + path.read_bytes())
    (finding,) = closed_alerts_check(settings)
    assert not finding.ok and "line 1" in finding.message


def test_doctor_without_the_key_never_advises_restoring_the_closed_alerts(tmp_path: Path) -> None:
    """newcomer11 O28: with no key, or the key from before a rotation, doctor called alerts-closed.log torn and
    said to restore it from a backup, which would throw away every alert closed since that backup."""
    from bot.admin.doctor_logs import closed_alerts_check

    (pid, *_) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    _closed(repo, pid, 1)
    repo.close()
    [right] = closed_alerts_check(Settings(data_dir=tmp_path, data_keys=(KEY,)))
    assert right.ok, right
    for keys in ((), (keygen(),)):
        [line] = closed_alerts_check(Settings(data_dir=tmp_path, data_keys=keys))
        assert "restore it" not in line.message and "not checked" in line.message, line
