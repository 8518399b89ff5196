"""What this installation is: its version, the data format it writes, and the program data it uses."""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from bot.config.resources import shipped_names
from bot.config.settings import Settings
from bot.store.migrate import DATA_FORMAT as _STORE_FORMAT

# The layout of a data dir (index.json, patients/*.json, audit/*.log, inbox.log): the store owns it and
# upgrades older dirs at start-up (bot/store/migrate.py).
DATA_FORMAT = _STORE_FORMAT


def build() -> str:
    """Which build of the code this is, read from the file the build wrote (setup.py): its commit and build
    time. From a source tree (an editable install, tests) there is no such file: its git commit instead."""
    try:
        found = json.loads(build_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _source_tree()
    commit, built = str(found.get("commit") or ""), str(found.get("built") or "unknown time")
    return f"commit {commit}, built {built}" if commit else f"built {built}"


def build_file() -> Traversable:
    """Where the build (setup.py) wrote its identity, inside the installed package."""
    return resources.files("bot.config") / "build.json"


def _source_tree() -> str:
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "-C", str(here), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return "no build identity (not built)"
    commit = head.stdout.strip() if head.returncode == 0 else ""
    return f"source tree at commit {commit}" if commit else "no build identity (not built)"


@functools.cache
def running_build() -> tuple[str, str]:
    """(version, build) as this process found them the first time it asked: a running bot asks at start, so
    it keeps naming the code it runs after a newer package is installed over it."""
    return version(), build()


def version() -> str:
    """The installed package's version: the release and, for a build from a commit, the commit (setup.py)."""
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


class VersionAction(argparse.Action):
    """`iop-bot --version`: the release, the build (commit and build time) and the data format."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, help="show the version, build and data format, then exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {version()} ({build()}; data format {DATA_FORMAT})")
        parser.exit()
