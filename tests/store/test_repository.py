from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.domain.enrollment import hash_code
from bot.domain.models import Counselor, EnrollmentCode
from bot.store.repository import AliasTaken, Repository

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def invitation(alias: str = "Alex", code: str = "ABCDEFGH") -> EnrollmentCode:
    return EnrollmentCode(hash_code(code), alias, 1001, NOW, NOW + timedelta(days=7), cohort="Evening")


def test_a_patient_enrolled_from_an_invitation_survives_a_reopen(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana"))
    repo.add_code(invitation())
    patient = repo.enroll(invitation(), 555, NOW)
    repo.save_patient(patient.with_changes(timezone="America/Chicago", checkin_time=time(18)))
    repo.close()

    again = Repository(tmp_path)
    found = again.patient_by_telegram(555)
    assert found is not None and found.is_set_up
    assert (found.alias, found.cohort, found.counselor_id) == ("Alex", "Evening", 1001)
    assert again.code(hash_code("ABCDEFGH")).used_at is not None  # type: ignore[union-attr]
    assert again.counselor(1001) == Counselor(1001, "Dana")


def test_enrolling_twice_returns_the_same_patient(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_code(invitation())
    first = repo.enroll(invitation(), 555, NOW)
    assert repo.enroll(invitation(), 555, NOW) == first
    assert len(repo.patients()) == 1


def test_an_alias_can_be_used_only_once(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_code(invitation("Alex"))
    with pytest.raises(AliasTaken):
        repo.add_code(invitation("alex", code="HJKMNPQR"))


def test_a_caseload_holds_only_that_counselors_patients(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    for i, (alias, counselor) in enumerate([("A", 1), ("B", 2), ("C", 1)]):
        code = invitation(alias, code=f"ABCDEFG{'HJK'[i]}")
        code = EnrollmentCode(**{**code.__dict__, "counselor_id": counselor})
        repo.add_code(code)
        repo.enroll(code, 100 + i, NOW)
    assert [p.alias for p in repo.patients(counselor_id=1)] == ["A", "C"]
    assert len(repo.patients()) == 3


def test_pending_input_is_kept_per_patient_in_its_own_file(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_code(invitation())
    patient = repo.enroll(invitation(), 555, NOW)
    repo.set_pending_input(patient.patient_id, {"kind": "setup_tz"})
    repo.close()
    again = Repository(tmp_path)
    assert again.pending_input(patient.patient_id) == {"kind": "setup_tz"}
    assert (tmp_path / "patients" / f"{patient.patient_id}.json").exists()
    again.set_pending_input(patient.patient_id, None)
    assert again.pending_input(patient.patient_id) is None


def test_a_patient_id_cannot_name_a_path_outside_the_data_dir(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    with pytest.raises(ValueError):
        repo.pending_input("../../etc/passwd")
