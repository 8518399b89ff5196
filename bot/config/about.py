"""What this installation is: its version, the data format it writes, and the program data it uses."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from bot.config.resources import shipped_names
from bot.config.settings import Settings
from bot.store.migrate import DATA_FORMAT as _STORE_FORMAT

# The layout of a data dir (index.json, patients/*.json, audit/*.log, inbox.log): the store owns it and
# upgrades older dirs at start-up (bot/store/migrate.py).
DATA_FORMAT = _STORE_FORMAT


def version() -> str:
    """The installed package's version (pyproject.toml is its one source)."""
    try:
        return metadata.version("iop-companion")
    except metadata.PackageNotFoundError:  # running from a source tree nobody installed
        return "unknown (not installed)"


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
