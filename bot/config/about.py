"""What this installation is: its version, the data format it writes, and the program data it uses."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from bot.admin.doctor import Finding
from bot.config.resources import read_program_file, shipped_names, source_of
from bot.config.settings import Settings, settings_dir

# The layout of a data dir (index.json, patients/*.json, inbox.log). Bump it, and say how to migrate
# in CHANGELOG.md, whenever a release reads or writes that layout differently.
DATA_FORMAT = 2


def version() -> str:
    """The installed package's version (pyproject.toml is its one source)."""
    try:
        return metadata.version("iop-companion")
    except metadata.PackageNotFoundError:  # running from a source tree nobody installed
        return "unknown (not installed)"


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


# Program data files older releases read from config/ in place (safety_patterns.toml was replaced by
# the screen_*.toml files). A clinic that edited one there would otherwise be silently ignored.
_FORMER_NAMES = ("safety_patterns.toml",)


def unused_copies(settings: Settings, config_dir: Path) -> list[Path]:
    """Program data files lying in the clinic's config dir that no `[data]` key names: edits nobody reads."""
    named = {p.resolve() for p in settings.data_files.values()}
    if settings.checkin_items_file:
        named.add(settings.checkin_items_file.resolve())
    candidates = (config_dir / n for n in (*shipped_names(), *_FORMER_NAMES))
    return [p for p in candidates if p.is_file() and p.resolve() not in named]


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
