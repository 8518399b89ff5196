"""The README's nightly backup cron lines (ops O109): each parses as a shell command and ends by pruning backups
older than the kept period, so an erasure is complete then (without it every backup was kept for ever)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_each_backup_cron_line_parses_and_prunes_old_backups() -> None:
    lines = [m[1] for m in re.finditer(r"^15 2 \* \* \*\s+(.+)$", README.read_text(encoding="utf-8"), re.M)]
    assert len(lines) == 3, lines  # venv, systemd, container (ops O132)
    for line in lines:
        command = line.replace("\\%", "%")  # cron's escape for %
        subprocess.run(["sh", "-n", "-c", command], check=True)
        assert re.search(r"find \S+ -name .iop-\*\.iopbak. -mtime \+30 -delete'?$", command), command
