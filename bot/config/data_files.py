"""The program's data files (check-in items, skills, instruments, safety patterns, flag rules), checked
before any command runs, so a bad one stops it with one line naming the file instead of a traceback."""

from __future__ import annotations

from bot.config.settings import Settings, SettingsError


def data_file_errors(settings: Settings) -> list[str]:
    """One line per program data file that does not load (the doctor's own check, reused)."""
    from bot.config.about import program_data_check

    return [f.message for f in program_data_check(settings) if not f.ok]


def check_data_files(settings: Settings) -> None:
    """Raise SettingsError with the first bad data file."""
    if errors := data_file_errors(settings):
        raise SettingsError(errors[0])
