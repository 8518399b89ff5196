"""The program's data files (check-in items, skills, instruments, crisis lines, screen, flag rules) checked:
by `iop-bot doctor`, and before any command runs, so a bad one stops it with one line naming the file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bot.admin.doctor import Finding
from bot.config.about import DATA_FORMAT, unused_copies, version
from bot.config.resources import read_program_file, shipped_names, source_of
from bot.config.settings import Settings, SettingsError, settings_dir


def data_file_errors(settings: Settings) -> list[str]:
    """One line per program data file that does not load (the doctor's own check, reused)."""
    return [f.message for f in program_data_check(settings) if not f.ok]


def check_data_files(settings: Settings) -> None:
    """Raise SettingsError with the first bad data file."""
    if errors := data_file_errors(settings):
        raise SettingsError(errors[0])


def version_check(settings: Settings) -> Iterable[Finding]:
    """Which release this is and which data format it reads and writes."""
    yield Finding("version", True, f"iop-companion {version()}, data format {DATA_FORMAT}")


def _parsers() -> dict[str, Callable[[Path | None], Any]]:
    from bot.domain.checkins import load_checkin_config
    from bot.domain.coping import load_skills
    from bot.domain.crisis_lines import load_crisis_lines
    from bot.domain.instruments import load_instruments
    from bot.domain.screen.rules import check_frames, check_lexicon
    from bot.domain.triage import load_flag_rules

    return {
        "checkin_items.toml": load_checkin_config,
        "coping_skills.toml": load_skills,
        "crisis_lines.toml": load_crisis_lines,
        "flag_rules.toml": load_flag_rules,
        "instruments.toml": load_instruments,
        "screen_frames.toml": check_frames,
        "screen_lexicon.toml": check_lexicon,
    }


def program_data_check(settings: Settings, config_dir: Path | None = None) -> Iterable[Finding]:
    """Each program data file in use, shipped or the clinic's, parses and passes its checks."""
    for stray in unused_copies(settings, config_dir or settings_dir()):
        yield Finding(
            "program data",
            False,
            f"{stray} is not used: name it under [data] in the settings file "
            f'(e.g. {stray.stem} = "{stray}") or remove it',
        )
    parsers = _parsers()
    for name in shipped_names():
        path = settings.data_files.get(name)
        if name == "checkin_items.toml" and settings.checkin_items_file:
            path = settings.checkin_items_file
        where = source_of(name, path) if path else f"shipped {name}"
        try:
            parse = parsers.get(name)
            if parse is None:
                tomllib.loads(read_program_file(name, path))
            else:
                parse(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # TOMLDecodeError is a ValueError
            missing = "missing key " if isinstance(exc, KeyError) else ""
            yield Finding("program data", False, f"{name}: {where}: {missing}{' '.join(str(exc).split())}")
        else:
            yield Finding("program data", True, f"{name}: {where}")
