"""kill -9 anywhere in a key rotation: re-running resumes, and afterwards every file is under the new
key alone with every check-in in it. `make soak` runs 200 kills over 500 patients."""

from __future__ import annotations

import io
import os
import random
import signal
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.admin.keys import rotate_key
from bot.config.settings import Settings
from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.models import Counselor
from bot.store import checkin_log, keyed_log, rotation, storage, verify
from bot.store.crypto import FernetCodec, keygen
from bot.store.preflight import StartupRefused, preflight
from bot.store.repository import Repository
from tests.store.test_repository import invitation

KILLS = int(os.environ.get("IOP_ROTATION_KILLS", "4"))
PATIENTS = int(os.environ.get("IOP_ROTATION_PATIENTS", "24"))
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _seed(data_dir: Path, key: str) -> dict[str, list[str]]:
    """PATIENTS patients with two check-ins each; their notes by patient id."""
    repo = Repository(data_dir, codec=FernetCodec([key]))
    repo.add_counselor(Counselor(1001, "Dana"))
    config = load_checkin_config()
    notes: dict[str, list[str]] = {}
    for n in range(PATIENTS):
        code = f"ABCD{n:04d}".replace("0", "A").replace("1", "B")
        repo.add_code(invitation(f"P{n}", code))
        patient = repo.enroll(invitation(f"P{n}", code), 10_000 + n, NOW)
        for day in (1, 2):
            note = f"note {n}-{day}"
            entry = Entry(f"e{n}-{day}", NOW, date(2026, 11, day), {"mood": day, "note": note})
            repo.record_checkin(patient.patient_id, entry, config)
            notes.setdefault(patient.patient_id, []).append(note)
    repo.close()
    return notes


def _rotate_until_killed(settings: Settings, new: str, report: int) -> None:
    """The child: rotate, reporting each file it finished through the pipe."""
    real = storage.write_atomically

    def reporting(path: Path, payload: bytes) -> None:
        real(path, payload)
        os.write(report, b".")

    setattr(rotation, "write_atomically", reporting)  # noqa: B010 (a private name of that module)
    setattr(keyed_log, "write_atomically", reporting)  # noqa: B010 (the check-in logs are rewritten there)
    try:
        rotate_key(settings, new, io.StringIO())
    finally:
        os._exit(0)


def _kill_somewhere(settings: Settings, new: str, rng: random.Random, files: int) -> None:
    """Fork a rotation and kill it after a random number of files plus a random part of one write."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _rotate_until_killed(settings, new, write_fd)
    os.close(write_fd)
    target = rng.randrange(0, files)
    seen = 0
    while seen < target and (chunk := os.read(read_fd, 1)):
        seen += len(chunk)
    # Somewhere inside the next write (temp file, fsync, rename, directory fsync), not only its start.
    deadline = time.perf_counter() + rng.uniform(0, 0.004)
    while time.perf_counter() < deadline:
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_fd)


@pytest.mark.slow
def test_a_rotation_killed_at_random_points_resumes_and_loses_nothing(tmp_path: Path) -> None:
    key = keygen()
    data_dir = tmp_path / "data"
    notes = _seed(data_dir, key)
    files = len(verify.data_files(data_dir))
    logs = len(list(data_dir.glob(f"patients/*{checkin_log.SUFFIX}")))
    assert logs == PATIENTS
    rng = random.Random(15)
    new = keygen()
    refused = 0
    for _ in range(KILLS):
        _kill_somewhere(Settings(data_dir=data_dir, data_keys=(key,)), new, rng, files + logs)
        states = verify.scan(data_dir, (new, key))
        assert all(c.ok for c in states), [c for c in states if not c.ok]  # whole, under one key or other
        if rotation.journal_path(data_dir).exists():
            with pytest.raises(StartupRefused, match="rotate-key"):
                preflight(data_dir, (key,))  # the bot will not start on a half-rotated dir
            progress = rotation.unfinished(data_dir, (new, key))
            assert progress is not None and progress.done is not None and progress.total == files
            refused += 1  # the next round resumes this rotation, with the same two keys
        else:
            # Killed before it began, or it finished first: from whichever key holds the data, a new one.
            if all(c.key_index == 0 for c in states):
                key = new
            new = keygen()
    assert refused, "no kill landed inside a rotation"
    settings = Settings(data_dir=data_dir, data_keys=(key,))
    assert rotate_key(settings, new, io.StringIO()) == 0  # resumes (or runs whole)
    assert not rotation.journal_path(data_dir).exists()
    assert all(c.ok for c in verify.scan(data_dir, (new,)))  # the new key alone opens everything
    repo = Repository(data_dir, codec=FernetCodec([new]))
    for pid, expected in notes.items():
        assert [e.answers["note"] for e in repo.checkins(pid)] == expected
    assert len(repo.patients()) == PATIENTS
    print(f"\nrotation: {KILLS} kills over {PATIENTS} patients ({files} files), {refused} left it half-done")


def test_a_rotation_to_another_key_does_not_resume_someone_elses(tmp_path: Path) -> None:
    old, new = keygen(), keygen()
    data_dir = tmp_path / "data"
    _seed(data_dir, old)
    rotation.journal_path(data_dir).write_text(
        f'{{"new": "{rotation.fingerprint(new)}", "old": [], "started_at": "x", "files": 1}}'
    )
    with pytest.raises(Exception, match=f"unfinished rotation is to key {rotation.fingerprint(new)}"):
        rotate_key(Settings(data_dir=data_dir, data_keys=(old,)), keygen(), io.StringIO())


def test_the_new_key_never_comes_from_argv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import main

    old, new = keygen(), keygen()
    _seed(tmp_path / "data", old)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", old)
    with pytest.raises(SystemExit):
        main(["rotate-key", new])  # argparse refuses the argument
    monkeypatch.setattr("sys.stdin", io.StringIO(new + "\n"))
    assert main(["rotate-key"]) == 0
    assert all(c.ok for c in verify.scan(tmp_path / "data", (new,)))
