"""The build's identity (ops O15): baked into every wheel by setup.py, shown by `iop-bot --version`."""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.config import about

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_wheel_carries_its_commit_and_build_time(tmp_path: Path) -> None:
    # As `make wheel-check` and a plain `pip install .` build it: tracked files only; the commit from the
    # environment here (a copy has no .git), as a container build passes it.
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    src = tmp_path / "src"
    for name in files.stdout.splitlines():
        if name.startswith(("bot/", "setup.py", "pyproject.toml", "README.md")) and (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    env = {**os.environ, "IOP_BUILD_COMMIT": "abc123def456"}
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            str(src),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("no package index for the build's setuptools")
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        identity = json.loads(archive.read("bot/config/build.json"))
    assert identity["commit"] == "abc123def456" and identity["built"].endswith("Z")
    # Its version names the commit too (ops O56): `pip install new.whl` over another build of the release
    # replaced nothing while both were "0.1.0".
    assert wheel.name.startswith("iop_companion-0.1.0+gabc123def456-"), wheel.name


def test_the_identity_reads_the_build_file_and_falls_back_to_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "build.json").write_text('{"commit": "abc123def456", "built": "2026-11-30T17:00:00Z"}')
    monkeypatch.setattr(about, "build_file", lambda: tmp_path / "build.json")
    assert about.build() == "commit abc123def456, built 2026-11-30T17:00:00Z"
    (tmp_path / "build.json").write_text('{"commit": "", "built": "2026-11-30T17:00:00Z"}')
    assert about.build() == "built 2026-11-30T17:00:00Z"  # a build outside a git checkout: its time
    (tmp_path / "build.json").unlink()
    assert about.build().startswith(("source tree at commit ", "no build identity"))


def test_a_build_from_a_checkout_orders_after_earlier_commits(monkeypatch: pytest.MonkeyPatch) -> None:
    # ops O67: '0.1.0+g<hash>' alone ordered builds by the hash's letters, so a wheelhouse's "newest" was any.
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    monkeypatch.delenv("IOP_BUILD_COMMIT", raising=False)
    version = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_under_test")["_version"]()
    count = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    assert version.startswith(f"0.1.0.post{count.stdout.strip()}+g"), version
