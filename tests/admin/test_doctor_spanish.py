"""doctor on a clinic's check-in copy without Spanish while patients read Spanish (newcomer finding 10b-15)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from bot.admin.doctor_spanish import spanish_check
from bot.config.resources import read_program_file
from bot.config.settings import Settings
from bot.domain.enrollment import hash_code
from bot.runtime import open_services
from tests.conftest import KEY, enrolled_code


def _english_only_copy(tmp_path: Path) -> Path:
    shipped = read_program_file("checkin_items.toml", None)
    copy = tmp_path / "checkin_items.toml"
    copy.write_text("\n".join(line for line in shipped.splitlines() if not re.match(r"\s*\w+_es\s*=", line)))
    copy.write_text(re.sub(r', label_es = "[^"]*"', "", copy.read_text()))
    return copy


def test_a_copy_without_spanish_fails_while_a_patient_reads_spanish(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", data_keys=(KEY,))
    settings = dataclasses.replace(settings, checkin_items_file=_english_only_copy(tmp_path))
    [quiet] = spanish_check(settings)  # no Spanish patient yet
    with open_services(settings, role="cli") as svc:
        code = enrolled_code(svc, "Lupe")
        invitation = svc.worker.call(svc.repo.code, hash_code(code))
        assert invitation is not None
        svc.worker.call(svc.repo.enroll, invitation, 7001, svc.now(), "es")
    assert quiet.ok
    [finding] = spanish_check(settings)
    assert not finding.ok and "mood" in finding.message and "1 patient(s) use Spanish" in finding.message


def test_the_shipped_files_are_spanish_throughout(tmp_path: Path) -> None:
    [finding] = spanish_check(Settings(data_dir=tmp_path / "data", data_keys=(KEY,)))
    assert finding.ok and "throughout" in finding.message


def test_the_programs_own_reply_words_without_spanish_are_named(tmp_path: Path) -> None:
    """Texts review: Spanish patients read `reply_within` in English; the shipped defaults now have Spanish, and
    a program's own words without their `_es` are named by doctor."""
    settings = Settings(
        data_dir=tmp_path / "data", data_keys=(KEY,), counselor_reply_within="two working days"
    )
    [finding] = spanish_check(settings)
    assert (
        "[counselor] reply_within (set reply_within_es)" in finding.message
        and "working_hours" not in finding.message
    )
    fixed = dataclasses.replace(settings, counselor_reply_within_es="dos días hábiles")
    [ok] = spanish_check(fixed)
    assert ok.ok and "throughout" in ok.message
