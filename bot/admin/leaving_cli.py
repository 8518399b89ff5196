"""`iop-bot patient discharge|close|erase|record ALIAS`: parsed here, run in bot/admin/leaving.py (ops O14)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

from bot.admin.client import admin
from bot.admin.disclosure import disclosure_options, remind
from bot.admin.out_file import check_writable, write_out
from bot.admin.roster import AdminError
from bot.config.settings import Settings

ACTIONS = ("discharge", "close", "erase", "record")


def add_parsers(patient: Any) -> None:
    """The sub-commands under `iop-bot patient`."""
    discharge = patient.add_parser("discharge", help="move a patient to aftercare (weekly check-ins)")
    discharge.add_argument("alias")
    discharge.add_argument(
        "--yes", action="store_true", help="discharge even while an urgent alert about them is unacknowledged"
    )
    patient.add_parser(
        "close",
        help="close a patient's enrollment as their /stop does: nothing more is sent; they and their counselor "
        "are told once; the retention period starts",
    ).add_argument("alias")
    erase = patient.add_parser(
        "erase", help="erase a patient's data as their /delete does (asks you to type the alias)"
    )
    erase.add_argument("alias")
    erase.add_argument("--yes", action="store_true", help="do not ask (scripts): erase at once")
    record = patient.add_parser(
        "record", help="one patient's whole record as JSON (what /mydata gives them, stored form, legend)"
    )
    record.add_argument("alias")
    record.add_argument("--out", help="file to write, mode 600 (default: standard output)")
    disclosure_options(record)


def dispatch(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Run the action and say what was done, and what happens to whatever was open."""
    if args.action == "discharge":
        r = admin(settings, "patient_discharge", {"alias": args.alias, "yes": args.yes})
        print(f"{r['alias']} is now in aftercare: weekly check-ins, no session reminders.", file=out)
        return 0
    if args.action == "record":
        if args.out:  # before the record is made and audited (ops O70)
            check_writable(args.out)
        remind(args)
        out_path = os.path.abspath(args.out) if args.out else "standard output"
        given = {"to": args.to, "purpose": args.purpose, "out_path": out_path}
        r = admin(settings, "patient_record", {"alias": args.alias, **{k: v for k, v in given.items() if v}})
        if r.get("note"):  # asked for by a former alias (newcomer14 N114)
            print(f"iop-bot: {r['note']}", file=sys.stderr)
        body = json.dumps(r["document"], indent=2, ensure_ascii=False) + "\n"
        if args.out:
            write_out(args.out, body.encode("utf-8"))
            print(
                f"Wrote {r['alias']}'s whole record to {os.path.abspath(args.out)} (mode 600). It holds "
                "identifiable health data: keep it as private as the data dir, and delete it when done.",
                file=sys.stderr,
            )
        else:
            out.write(body)
        # A records request wants those too (ops O96): who opened their alerts, moved them, exported them.
        print(
            f"iop-bot: the audit rows about {r['alias']} (who read, moved or exported their data) are not in it: "
            f"`iop-bot audit --patient {r['alias']}` lists them.",
            file=sys.stderr,
        )
        return 0
    if args.action == "close":
        r = admin(settings, "patient_close", {"alias": args.alias})
        kept = (
            f"what the bot keeps about them is erased after {settings.retention_days} days"
            if settings.retention_days > 0
            else "what the bot keeps about them stays until erased (no retention limit is set)"
        )
        print(
            f"{r['alias']}'s enrollment is closed: the bot sends them nothing more; they and their counselor "
            f"are told once; {kept}.",
            file=out,
        )
    else:
        confirm = args.alias if args.yes else _confirm(args.alias, sys.stdin)
        r = admin(settings, "patient_erase", {"alias": args.alias, "confirm": confirm})
        who = "their counselor is told" + (", and they are" if r["told"] else " (not they: withdrawn)")
        print(f"{r['alias']}'s data is erased (the enrollment record stays); {who}.", file=out)
        print(_backups_note(r["alias"], r.get("backups")), file=out)
    for item in r["open"]:
        print(f"  - {item}", file=out)
    return 0


def _backups_note(alias: str, backups: dict[str, Any] | None) -> str:
    """What still holds the erased data (ops O96): the erasure is complete once those backups are deleted."""
    if backups and "unreadable" in backups:
        return (
            f"Backups taken before now still hold {alias}'s data until they are deleted, but the backup folder could "
            f"not be read to list them ({backups['unreadable']}): check it by hand before telling the patient the "
            "erasure is complete."
        )
    if not backups:
        return (
            f"Backups taken before now still hold {alias}'s data until they are deleted (none was taken from this "
            "data dir with `iop-bot backup`; copies made otherwise count too)."
        )
    return (
        f"Backups taken before now still hold {alias}'s data: {backups['count']} file(s) in {backups['folder']} "
        f"(newest {backups['newest']}, oldest from {backups['oldest_at']}). The erasure is complete once they are "
        "deleted: keep backups no longer than the README's 30 days, and tell the patient when the last is gone."
    )


def _confirm(alias: str, stdin: TextIO) -> str:
    """The alias typed back: at a terminal after a warning, else the first line of standard input."""
    if stdin.isatty():
        print(
            f"This erases for good {alias}'s check-ins, notes, safety plan, answers, flags and message thread "
            "(backups keep a copy until they are deleted). Type the alias to confirm: ",
            end="",
            file=sys.stderr,
            flush=True,
        )
    typed = stdin.readline().strip()
    if not typed:
        raise AdminError("not confirmed (nothing typed); nothing was erased")
    return typed
