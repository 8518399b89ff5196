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


def _commits() -> int:
    """How many commits lead to the checkout's HEAD (0 outside a git checkout): later builds count more."""
    here = Path(__file__).resolve().parent
    try:
        found = subprocess.run(
            ["git", "-C", str(here), "rev-list", "--count", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return 0
    return int(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip().isdigit() else 0


def _version() -> str:
    """The release, the number of commits as a post-release and the commit as a local version
    ("0.1.0.post812+g62650cfdf653", ".changes" for uncommitted edits): two builds of different code never share
    a version, so pip replaces one with the other (ops O56), and a later commit orders after an earlier one, so
    pip's "newest" in a wheelhouse is the newest build (O67: by the hash alone it ordered by the hash's letters).
    A build without a commit keeps the bare release (its time cannot be the version: pip asks for the metadata
    and then the wheel in two runs of this file, and both must give the same version)."""
    label = re.sub(r"[^a-z0-9]+", ".", _commit().lower()).strip(".")
    count = _commits()
    post = f".post{count}" if count and not os.environ.get("IOP_BUILD_COMMIT") else ""
    return f"{RELEASE}{post}+g{label}" if label else RELEASE


class BuildWithIdentity(build_py):
    """build_py, then the identity file written beside the package's files (so every wheel carries one)."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / BUILD_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        built = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        target.write_text(json.dumps({"commit": _commit(), "built": built}) + "\n", encoding="utf-8")


if __name__ == "__main__":  # as setuptools' build backend runs it; a test reads _version() alone
    setup(version=_version(), cmdclass={"build_py": BuildWithIdentity})
