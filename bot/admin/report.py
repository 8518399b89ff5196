"""What the admin commands print: tables, confirmations and the links and codes to hand on.

The operations themselves are in the other bot/admin modules; `bot/cli.py` parses and dispatches.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from bot import texts
from bot.admin import records as admin_records
from bot.admin import schedule as admin_sessions
from bot.admin.client import admin
from bot.admin.disclosure import remind
from bot.admin.out_file import check_writable, write_out
from bot.admin.roster import AdminError
from bot.config.settings import Settings
from bot.reports.export import as_file


def counselor_added(c: dict[str, Any], settings: Settings, out: TextIO) -> None:
    from bot.admin.invitations import bot_identity
    from bot.domain.reach import start_link

    username, why = bot_identity(settings)
    if "was" in c:  # already registered: what changed, said (newcomer11 O23)
        was = c["was"]
        renamed = f"renamed from {was['name']}" if was["name"] != c["name"] else "name unchanged"
        role = f"now {c['role']} (was {was['role']})" if was["role"] != c["role"] else f"still {c['role']}"
        print(
            f"Counselor {c['name']} ({c['telegram_id']}) was registered already: {renamed}; {role}.", file=out
        )
        return
    if "code" not in c:
        print(f"Counselor {c['name']} ({c['telegram_id']}, {c['role']}) registered.", file=out)
        if c["reach"] != "reachable":
            link = f"https://t.me/{username or '<your_bot>'}"
            print(f"Pending until they open the bot and tap Start: {link}", file=out)
        return
    until = c["expires_at"][:16].replace("T", " ")
    print(f"Invitation for {c['name']} ({c['role']}), valid until {until} UTC.", file=out)
    if username is None and not settings.bot_token:
        print(
            "(bot username unknown: set IOP_BOT_TOKEN to fill in the link; or they send /start CODE)",
            file=out,
        )
    elif username is None:
        print(f"(bot username unknown: {why}; or they send /start CODE)", file=out)
    print("Send the counselor this link; opening it in Telegram binds their account:", file=out)
    print(start_link(username, c["code"]), file=out)


def enrolled(r: dict[str, Any], settings: Settings, out: TextIO) -> None:
    """`enroll`'s lines: the link the README tells patients to open (newcomer6 finding 11: only the code was
    printed), when the bot's username is known (getMe with IOP_BOT_TOKEN), and the code last."""
    from bot.admin.invitations import bot_identity
    from bot.domain.reach import start_link

    until = r["expires_at"][:16].replace("T", " ")
    print(f"Invitation for {r['alias']}, valid until {until} UTC.", file=out)
    if r.get("warning"):
        print(f"iop-bot: {r['warning']}", file=sys.stderr)
    username, why = bot_identity(settings)
    if username is None:
        print(f"(no link: the bot's username is unknown, {why}; the code alone works)", file=out)
    else:
        print("Send the patient this link (opening it in Telegram starts the bot with the code):", file=out)
        print(start_link(username, r["code"]), file=out)
    print("Or give them this code (they send it to the bot, or /start CODE):", file=out)
    print(r["code"], file=out)


def records(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    if args.command == "audit":
        params = admin_records.params(args)
        # --verify reads the files alone, so it works where start-up refuses; listing asks the store for
        # aliases (and, with no bot running, upgrades an older data dir first).
        scope = {} if args.verify else admin(settings, "audit_scope", params)
        if scope.get("note"):  # asked for by a former alias (newcomer14 N114)
            print(f"iop-bot: {scope['note']}", file=sys.stderr)
        return admin_records.stream_audit(settings, scope, params, out)
    if args.out:  # before the export is made and audited (ops O70)
        check_writable(args.out)
    remind(args)  # to whom and why, for the accounting of disclosures (ops O128)
    # Patient by patient, so a cohort's year never holds the bot's store (and every check-in) for seconds.
    result = admin_records.export_records(
        lambda op, a: admin(settings, op, a), settings, admin_records.params(args)
    )
    if args.out:
        write_out(args.out, as_file(result["csv"].encode("utf-8")))
        print(
            f"Wrote {result['rows']} check-in(s) to {os.path.abspath(args.out)} (mode 600). It holds "
            "identifiable health data: keep it as private as the data dir, and delete it when done.",
            file=sys.stderr,
        )
    else:
        out.write(result["csv"])
    if result.get("note"):  # asked for by a former alias (newcomer14 N114)
        print(f"iop-bot: {result['note']}", file=sys.stderr)
    for alias, note in result.get("erased", {}).items():  # newcomer14 N116: not "no records"
        print(f"iop-bot: {alias}: {note}: check-ins from before then are not in this export", file=sys.stderr)
    for where in result.get("set_aside", []):  # said after the CSV, where it is read last and not missed
        print(
            f"iop-bot: WARNING: part of {where} was set aside (cut short), so this export may be missing a "
            "check-in; `iop-bot doctor` names it: restore a backup that has it, then export again",
            file=sys.stderr,
        )
    for where in result.get("torn", []):
        print(
            f"iop-bot: WARNING: {where}, left out of this export: a check-in may be missing. "
            "`iop-bot doctor` says how to repair it; then export again",
            file=sys.stderr,
        )
    return 0


def schedule(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    op, params = admin_sessions.params(args)
    result = admin(settings, op, params)
    if op == "cohort_list":
        table(out, result, ["cohort", "patients", "sessions", "focus"], "No cohorts yet.")
    elif op == "session_list":
        table(
            out,
            result,
            ["id", "date", "time", "zone", "kind", "for", "minutes"],
            "No sessions in the next two weeks.",
        )
    elif op == "cohort_add":
        print(f"Cohort {result['name']} added.", file=out)
    elif op == "session_add":
        print(f"Session {result['id']} ({result['kind']}) added.", file=out)
        for note in result.get("notes", []):
            print(f"Note: {note}.", file=out)
    elif op == "session_cancel":
        print(
            texts.session_cancelled_report(result["cancelled"], result["queued"], result["not_told"]),
            file=out,
        )
    return 0


def defaults(name: str | None, out: TextIO) -> int:
    from bot.config.resources import shipped_names, shipped_text, source_of

    if name is None:
        for shipped in shipped_names():
            print(f"{shipped.removesuffix('.toml'):<16} in use: {source_of(shipped)}", file=out)
        print(
            f"{'settings':<16} an example: copy it to config/settings.toml (or IOP_CONFIG) and edit", file=out
        )
        return 0
    if name.removesuffix(".toml").removesuffix(".example") == "settings":
        from importlib.resources import files

        out.write(files("bot.config").joinpath("settings.example.toml").read_text(encoding="utf-8"))
        return 0
    name = name if name.endswith(".toml") else f"{name}.toml"
    if name not in shipped_names():
        raise AdminError(f"{name}: not a program data file (see `iop-bot defaults`)")
    out.write(shipped_text(name))
    return 0


def table(out: TextIO, rows: list[dict[str, Any]], cols: list[str], empty: str) -> None:
    if not rows:
        print(empty, file=out)
        return
    cells = [[str(r.get(c, "")) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)
