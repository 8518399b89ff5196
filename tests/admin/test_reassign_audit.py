"""A command-line reassignment names who ran it in the patient's own audit rows (newcomer7 N19: `iop-bot audit
--patient Quinn` showed `bot  patient_reassigned`)."""

from __future__ import annotations

from pathlib import Path

from bot.admin.people import reassign_patient
from bot.admin.records import _machine
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from tests.store.test_patients_log import KEY, NOW, _enroll


def test_the_reassignment_rows_name_the_operator(tmp_path: Path) -> None:
    (pid,) = _enroll(tmp_path, 1)
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    try:
        repo.add_counselor(Counselor(1002, "Lee"))
        args = {"alias": "P0", "counselor": 1002, "by": "ana@clinic"}
        reassign_patient(repo, Settings(data_dir=tmp_path, data_keys=(KEY,)), NOW, args)
        (row,) = [r for r in repo.audit_log() if r["action"] == "patient_reassigned"]
    finally:
        repo.close()
    assert row["subject"] == pid and _machine(row) == "admin CLI (ana@clinic)"
