"""The build's identity baked into the package (ops O15): `iop-bot --version` and `doctor --live` name the commit
(when built from a git checkout, or IOP_BUILD_COMMIT) and the build time, and `doctor --live` can tell that the
installed package changed since the bot started. Each build from a commit also gets a version of its own
(ops O56): `pip install new.whl` over an older build of the same release replaced nothing, since both were
"0.1.0". Everything else is in pyproject.toml."""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUILD_FILE = Path("bot") / "config" / "build.json"  # read by bot/config/about.py
RELEASE = "0.1.0"  # CHANGELOG.md says what each release holds


def _commit() -> str:
    """The checkout's commit, with "+changes" when files differ from it; "" outside a git checkout."""
    if os.environ.get("IOP_BUILD_COMMIT"):
        return os.environ["IOP_BUILD_COMMIT"].strip()
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "-C", str(here), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if head.returncode != 0:
            return ""
        changed = subprocess.run(
            ["git", "-C", str(here), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return head.stdout.strip() + ("+changes" if changed.stdout.strip() else "")


def _version() -> str:
    """The release, with the commit as a local version ("0.1.0+g62650cfdf653", ".changes" for uncommitted
    edits): two builds of different code never share a version, so pip replaces one with the other. A build
    without a commit keeps the bare release (its time cannot be the version: pip asks for the metadata and
    then the wheel in two runs of this file, and both must give the same version)."""
    label = re.sub(r"[^a-z0-9]+", ".", _commit().lower()).strip(".")
    return f"{RELEASE}+g{label}" if label else RELEASE


class BuildWithIdentity(build_py):
    """build_py, then the identity file written beside the package's files (so every wheel carries one)."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / BUILD_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        built = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        target.write_text(json.dumps({"commit": _commit(), "built": built}) + "\n", encoding="utf-8")


setup(version=_version(), cmdclass={"build_py": BuildWithIdentity})
