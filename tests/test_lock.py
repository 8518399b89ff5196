"""scripts/lock.py check: a dependency changed in pyproject.toml without `make lock` stops `make test`."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lock_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock_script", ROOT / "scripts" / "lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "requirements", tmp_path / "requirements")
    return tmp_path


def test_the_committed_locks_match_pyproject(tree: Path) -> None:
    assert _lock_script().check(tree) == 0


def test_a_dependency_added_without_relocking_fails_naming_the_fix(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tree / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(text.replace("dependencies = [\n", 'dependencies = [\n    "simplemma>=1,<2",\n', 1))
    assert _lock_script().check(tree) == 1
    assert "run `make lock`" in capsys.readouterr().err


def test_a_pin_without_hashes_fails(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = tree / "requirements" / "app.lock"
    lock.write_text(lock.read_text() + "evil-package==1.0\n")
    assert _lock_script().check(tree) == 1
    assert "pins without hashes" in capsys.readouterr().err
