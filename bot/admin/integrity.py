"""The data-integrity commands: `doctor` (with --quarantine and --backup), `rotate-key`, `backup`, `restore`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.config.settings import Settings

COMMANDS = ("doctor", "rotate-key", "backup", "restore")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The sub-commands and their options."""
    doctor = sub.add_parser(
        "doctor", help="check the data dir and configuration: one line per finding, exit 0 if healthy"
    )
    doctor.add_argument(
        "--quarantine",
        metavar="FILE",
        help="accept the loss of a refused data file: set it aside (audit-logged) so the bot can start",
    )
    doctor.add_argument("--backup", metavar="FILE", help="verify a backup file without restoring it")
    doctor.add_argument(
        "--live", action="store_true", help="ask the running bot: store and Bot API reachable?"
    )
    sub.add_parser(
        "rotate-key",
        help="re-encrypt all data under a new key (bot stopped); the new key from stdin or IOP_NEW_DATA_KEY",
    )
    backup = sub.add_parser("backup", help="an encrypted, consistent snapshot of the data dir (bot may run)")
    backup.add_argument("--out", required=True, metavar="FILE")
    restore = sub.add_parser("restore", help="restore a backup into an empty data dir")
    restore.add_argument("file", metavar="FILE")


def dispatch(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Run one of COMMANDS."""
    if args.command == "doctor" and args.quarantine:
        from bot.admin.quarantine import quarantine_file

        print(quarantine_file(settings, args.quarantine, datetime.now(UTC)), file=out)
        return 0
    if args.command == "doctor" and args.backup:
        from bot.admin.backup import verify_backup

        return verify_backup(settings, args.backup, out)
    if args.command == "doctor" and args.live:
        from bot.admin.live import live_doctor

        return live_doctor(settings, out)
    if args.command == "doctor":
        from bot.admin.doctor import run_checks

        return run_checks(settings, out)
    if args.command == "rotate-key":
        from bot.admin.keys import read_new_key, rotate_key

        return rotate_key(settings, read_new_key(sys.stdin), out)
    if args.command == "backup":
        from bot.admin.backup import take_backup

        return take_backup(settings, args.out, out)
    from bot.admin.restore import restore_backup

    return restore_backup(settings, args.file, out)
