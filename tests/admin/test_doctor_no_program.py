"""doctor on a new, empty data dir (newcomer11 O3): one first line says there is no program here yet and how to
start one, instead of twenty "ok" lines about data that does not exist and a "reach_check: could not run"."""

from __future__ import annotations

import io
from pathlib import Path

from bot.admin.doctor import run_checks
from bot.config.settings import Settings
from bot.store.crypto import keygen


def test_an_empty_data_dir_says_no_program_first(tmp_path: Path) -> None:
    data = tmp_path / "state"
    data.mkdir(mode=0o700)
    out = io.StringIO()
    code = run_checks(Settings(bot_token="4242:doctor-test-token", data_dir=data, data_keys=(keygen(),)), out)
    lines = out.getvalue().splitlines()
    assert code == 1
    assert lines[0].startswith("FAIL program: no program's data in"), lines
    assert "iop-bot counselor add --name NAME --admin" in lines[0]
    assert not any("could not run" in line for line in lines), lines
    assert not any("data file(s) decrypt" in line for line in lines), lines
