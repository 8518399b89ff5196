"""Program data: the shipped defaults in the ``bot.data`` package, each replaceable by a clinic's own file.

The defaults travel inside the package (a wheel, a container, an editable checkout all read them the
same way, with importlib.resources); a clinic never edits them in place. Its settings name its own
copies (``[data] flag_rules = "config/flag_rules.toml"``) and `use_overrides` makes them this
process's program data at start-up. Every reader goes through `read_program_file`, so one place
decides where a file comes from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

PACKAGE = "bot.data"
T = TypeVar("T")
_overrides: dict[str, Path] = {}


def shipped_names() -> tuple[str, ...]:
    """The program data files this version ships, e.g. ``flag_rules.toml``."""
    return tuple(sorted(p.name for p in files(PACKAGE).iterdir() if p.name.endswith(".toml")))


def read_program_file(name: str, override: Path | None = None) -> str:
    """The text of program data file `name`: `override`, else the clinic's file, else the shipped one."""
    path = override or _overrides.get(name)
    return path.read_text(encoding="utf-8") if path is not None else shipped_text(name)


def program_toml(name: str, override: Path | None = None) -> Mapping[str, Any]:
    """Program data file `name`, parsed. Read for every services object (each start-up, each test's bot),
    and parsing is the slow part, so each distinct text is parsed once. Callers only read the result."""
    return _parsed(read_program_file(name, override))


@lru_cache(maxsize=32)
def _parsed(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


def shipped_text(name: str) -> str:
    """The shipped default of `name`, whatever this process uses (`iop-bot defaults NAME` prints it)."""
    if name not in shipped_names():
        raise FileNotFoundError(f"{name}: not a program data file (shipped: {', '.join(shipped_names())})")
    return files(PACKAGE).joinpath(name).read_text(encoding="utf-8")


def source_of(name: str, override: Path | None = None) -> str:
    """Where `read_program_file(name, override)` reads from, for messages and `iop-bot doctor`."""
    path = override or _overrides.get(name)
    return str(path) if path is not None else f"shipped {name}"


def use_overrides(overrides: Mapping[str, Path]) -> None:
    """Make the clinic's files (keyed by shipped name) this process's program data."""
    unknown = sorted(set(overrides) - set(shipped_names()))
    if unknown:
        raise ValueError(f"not program data files: {', '.join(unknown)}")
    _overrides.clear()
    _overrides.update(overrides)


def override_for(name: str) -> Path | None:
    """The clinic's file for `name` in this process, if any."""
    return _overrides.get(name)


def program_data(name: str, load: Callable[[Path | None], T]) -> Callable[[], T]:
    """`load` applied to the current file for `name`, parsed once per file (treat the result as read-only).

    Keyed on the file, so overrides set after a first read still take effect rather than being
    shadowed by a stale parse of the shipped default.
    """
    parsed = cache(load)

    def current() -> T:
        return parsed(_overrides.get(name))

    current.__doc__ = f"The parsed {name} in use (a clinic's override or the shipped default), loaded once."
    return current
