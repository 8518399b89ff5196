"""A reassignment cut short by a crash (ops O63): `counselor remove --reassign-to` killed part way had moved
some patients and their open alerts, left the rest, and told nobody. Now it is one store write: killed before
it, nothing moved; killed after it, the store finishes it when it next opens, and the new counselor's
hand-over notice (every patient and open alert that came) is queued in that same write."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.admin.people import reassign_patient, remove_counselor
from bot.config.settings import Settings
from bot.domain.escalation import new_alert
from bot.domain.models import Counselor
from bot.store import storage
from bot.store.audit_log import AuditLog
from bot.store.crypto import FernetCodec
from bot.store.keyed_log import KeyedLog
from bot.store.repository import Repository
from tests.store.test_patients_log import KEY, NOW, _enroll

DANA, SAM = 1001, 1002


class Killed(BaseException):
    """kill -9: nothing after it runs, not even an `except OSError`."""


@contextlib.contextmanager
def _killed_at(n: int, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every durable write the store makes (a file replaced, a line appended) counted; the n-th never happens."""
    count = [0]

    def dying(real: Any) -> Any:
        def write(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            if count[0] == n:
                raise Killed
            return real(*args, **kwargs)

        return write

    with monkeypatch.context() as m:
        m.setattr(storage, "write_atomically", dying(storage.write_atomically))
        m.setattr(KeyedLog, "put", dying(KeyedLog.put))
        m.setattr(AuditLog, "append", dying(AuditLog.append))
        yield count


def _program(data_dir: Path) -> list[str]:
    pids = _enroll(data_dir, 3)
    repo = _open(data_dir)
    repo.add_counselor(Counselor(SAM, "Sam Ortiz"))
    for pid in pids:
        repo.add_alert(new_alert("crisis", pid, DANA, NOW))
    repo.close()
    return pids


def _open(data_dir: Path) -> Repository:
    return Repository(data_dir, codec=FernetCodec([KEY]))


def _run(data_dir: Path, op: Any, args: dict[str, Any]) -> None:
    repo = _open(data_dir)
    try:
        op(repo, Settings(data_dir=data_dir, data_keys=(KEY,)), NOW, args)
    finally:
        repo.close()


@pytest.mark.parametrize(
    ("op", "args"),
    [
        (remove_counselor, {"telegram_id": str(DANA), "reassign_to": str(SAM), "allow_no_admin": True}),
        (reassign_patient, {"alias": "P1", "counselor": str(SAM)}),
    ],
    ids=["counselor_remove", "patient_reassign"],
)
def test_a_reassignment_killed_at_any_write_is_done_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, op: Any, args: dict[str, Any]
) -> None:
    for n in range(1, 40):
        data_dir = tmp_path / f"kill-at-{n}"
        pids = _program(data_dir)
        moving = pids if op is remove_counselor else [pids[1]]
        with _killed_at(n, monkeypatch) as count, contextlib.suppress(Killed):
            _run(data_dir, op, args)
        repo = _open(data_dir)  # the next start (or the next command, with the bot stopped)
        try:
            counselors = {repo.patient(pid).counselor_id for pid in moving}  # type: ignore[union-attr]
            assert len(counselors) == 1, f"killed at write {n}: the patients are split {counselors}"
            holder, alerts = counselors.pop(), {a.patient_id: a.counselor_id for a in repo.open_alerts()}
            assert all(alerts[pid] == holder for pid in moving), f"killed at write {n}: {alerts}"
            queued = repo.pending_handovers()
            if alerts[moving[0]] == DANA:  # nothing moved: nothing to announce
                assert queued == [], f"killed at write {n}"
            else:
                (handover,) = queued
                assert handover["to"] == SAM
                assert sorted(p["patient_id"] for p in handover["patients"]) == sorted(moving)
                came = sorted(a for p in handover["patients"] for a in p["alerts"])
                assert came == sorted(a.alert_id for a in repo.open_alerts() if a.patient_id in moving)
                rows = [r for r in repo.audit_log() if r["action"] == "patient_reassigned"]
                assert sorted({r["subject"] for r in rows}) == sorted(moving), f"killed at write {n}"
        finally:
            repo.close()
        if count[0] < n:  # the command finished before the n-th write: every point was tried
            break
    else:
        pytest.fail("the command never finished")


def test_the_queued_hand_over_leaves_the_queue_once_marked_sent(tmp_path: Path) -> None:
    pids = _program(tmp_path)
    _run(tmp_path, reassign_patient, {"alias": "P0", "counselor": "Sam Ortiz"})
    repo = _open(tmp_path)
    try:
        (handover,) = repo.pending_handovers()
        assert handover["from"] == DANA and handover["patients"][0]["patient_id"] == pids[0]
        repo.handover_sent(handover["id"])
        assert repo.pending_handovers() == []
    finally:
        repo.close()
