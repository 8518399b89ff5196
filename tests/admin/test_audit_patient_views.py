"""Ops O129: `iop-bot audit --patient ALIAS` left out the caseload views that showed the patient's numbers (rows
whose subject is `*`): an access report for one patient now lists those of their counselor and the admins."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.models import Counselor
from bot.store.crypto import FernetCodec
from bot.store.repository import Repository
from tests.store.test_audit_log import KEY, NOW, cli_env  # noqa: F401 (the fixture)
from tests.store.test_repository import invitation


def test_a_patients_access_report_lists_the_caseload_views_that_showed_them(
    cli_env: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = Repository(cli_env, codec=FernetCodec([KEY]))
    code = invitation("Zephyrine")
    repo.add_counselor(Counselor(code.counselor_id, "Dana"))
    repo.add_counselor(Counselor(1009, "Sam"))
    repo.add_code(code)
    repo.enroll(code, 2001, NOW)
    repo.audit(NOW, code.counselor_id, "caseload_viewed", "*")
    repo.audit(NOW, 1009, "caseload_viewed", "*")  # Sam's caseload never showed Zephyrine
    repo.close()
    assert main(["audit", "--patient", "Zephyrine"]) == 0
    out = [line for line in capsys.readouterr().out.splitlines() if "caseload_viewed" in line]
    assert len(out) == 1 and f"all of {code.counselor_id}'s patients" in out[0], out
