"""`iop-bot`: run the bot, try the demo, and administer counselors and patients."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.admin import integrity as integrity_cli
from bot.admin import leaving_cli, report
from bot.admin import people as admin_people
from bot.admin import records as admin_records
from bot.admin import schedule as admin_sessions
from bot.admin.client import admin, has_program, no_program
from bot.admin.doctor_risk import refuse_dead_rules
from bot.admin.doctor_writable import refuse_unwritable
from bot.admin.first_start import new_program_blocked
from bot.admin.program_data import check_data_files
from bot.admin.roster import AdminError
from bot.config.about import VersionAction
from bot.config.logs import redact, redact_secrets, setup_logging
from bot.config.resources import use_overrides
from bot.config.settings import Settings, SettingsError, load_settings
from bot.store.lock import DataDirBusyError
from bot.store.storage import DataRefusedError

if TYPE_CHECKING:
    from bot.telegram.webhook import Webhook


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command and its options."""
    parser = argparse.ArgumentParser(prog="iop-bot", description="IOP Companion: run and administer the bot.")
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="run the bot (polls the Bot API at IOP_BOT_API_URL with IOP_BOT_TOKEN)")
    run.add_argument("--webhook", metavar="URL", help="receive updates at this public https URL instead")
    run.add_argument(
        "--listen", metavar="HOST:PORT", help="where the webhook server listens (127.0.0.1:8443)"
    )
    sub.add_parser(
        "demo",
        help="chat with the bot in this terminal, against a local Bot API emulator",
        description=demo_description(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    emulator = sub.add_parser(
        "emulator",
        help="serve a local Bot API for `iop-bot run` in another terminal; be its users here",
        description="Serve a local Telegram Bot API on 127.0.0.1:PORT for the real `iop-bot run` (started "
        "in another terminal with the IOP_BOT_API_URL and IOP_BOT_TOKEN it prints), on your own data dir: "
        "restarts, CLI enrolment and configuration behave as on Telegram. In this terminal you are the "
        "people on Telegram: /user ID NAME [LANGUAGE] makes an account (LANGUAGE: its app's language, "
        "en by default; es or es-MX for Spanish), /as ID switches, anything else is sent as that user.",
    )
    emulator.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (default 8081)")
    emulator.add_argument("--token", default=None, help="the bot token it answers (a made-up one by default)")

    counselor = sub.add_parser("counselor", help="manage counselors").add_subparsers(
        dest="action", required=True
    )
    add = counselor.add_parser(
        "add", help="invite a counselor: prints a one-time t.me link last (or register one by user id)"
    )
    add.add_argument("telegram_id", type=int, metavar="TELEGRAM_USER_ID", nargs="?")
    add.add_argument("--name", required=True)
    admin_role = add.add_mutually_exclusive_group()
    admin_role.add_argument("--admin", action="store_true", help="may see every patient")
    admin_role.add_argument("--not-admin", action="store_true", help="an admin made a counselor again")
    counselor.add_parser("list", help="list counselors")
    set_pin = counselor.add_parser("set-pin", help="set a counselor's PIN (typed twice, or a line on stdin)")
    # By name too, as enroll and reassign take it (newcomer8 N13).
    set_pin.add_argument("--counselor", required=True, metavar="NAME_OR_TELEGRAM_ID")

    enroll = sub.add_parser("enroll", help="invite a patient: prints a one-time enrollment code last")
    enroll.add_argument("--counselor", required=True, metavar="NAME_OR_TELEGRAM_ID")
    enroll.add_argument("--alias", required=True, help="what counselors will see; not a legal name")
    enroll.add_argument("--cohort", default=None)
    enroll.add_argument("--days", type=int, default=None, help="days the code stays valid")

    patient = sub.add_parser("patient", help="manage patients").add_subparsers(dest="action", required=True)
    patient.add_parser("list", help="list patients and open invitations")
    leaving_cli.add_parsers(patient)
    admin_records.add_parsers(sub)
    admin_people.add_parsers(sub, counselor, patient)

    sub.add_parser("screen", help="read lines on stdin, print the safety assessment of each as JSON")
    cohort = sub.add_parser("cohort", help="manage cohorts").add_subparsers(dest="action", required=True)
    admin_sessions.add_cohort_parsers(cohort)
    focus = cohort.add_parser("focus", help="the skill a cohort's daily practice prompts follow")
    focus.add_argument("cohort", metavar="COHORT")
    focus.add_argument(
        "skill",
        metavar="SKILL",
        help='the skill\'s name as /cope shows it ("urge surfing") or its key (urge_surfing), or off',
    )
    admin_sessions.add_parsers(sub)
    integrity_cli.add_parsers(sub)
    keys = sub.add_parser("keygen", help="print a new data key for IOP_DATA_KEY")
    keys.add_argument("--fingerprint", action="store_true", help="print the fingerprint of the key on stdin")
    defaults = sub.add_parser("defaults", help="list the shipped program data files, or print one to copy")
    defaults.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="e.g. flag_rules (a clinic copies it, edits it, names it in [data])",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; exit 2 on configuration problems, 1 on refused operations."""
    args = build_parser().parse_args(argv)
    # ops O110: a secret pasted where a setting goes was echoed in the refusal, to stderr and the journal.
    env = os.environ
    keys = [k.strip() for k in env.get("IOP_DATA_KEY", "").split(",")]
    redact_secrets(env.get("IOP_BOT_TOKEN"), env.get("IOP_WEBHOOK_SECRET"), *keys)
    try:
        settings = load_settings()
        use_overrides(settings.data_files)
        if args.command not in ("keygen", "defaults"):
            check_data_files(settings)
    except SettingsError as exc:
        print(f"iop-bot: configuration error: {redact(str(exc))}", file=sys.stderr)
        return 2
    setup_logging("WARNING" if args.command in ("demo", "screen") else settings.log_level)
    try:
        return _dispatch(args, settings, sys.stdout)
    except (SettingsError, DataDirBusyError, DataRefusedError) as exc:
        print(f"iop-bot: {redact(str(exc))}", file=sys.stderr)
        return 2
    except AdminError as exc:
        print(f"iop-bot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`iop-bot screen | head`): nothing left to say, and no traceback. Python
        # would flush stdout again at exit and fail once more, so stdout goes nowhere from here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _serve(settings: Settings, hook: Webhook | None) -> int:
    """Run the bot; a start-up the Bot API refuses or cannot answer ends in one line, not a traceback.

    PTB's InvalidToken message (and its traceback) quotes the token itself, and stderr goes to the
    journal, so neither may be printed. A refused token is a configuration error (exit 2: systemd does
    not restart it); an unreachable API is an outage (exit 1: restarted).
    """
    from telegram.error import InvalidToken, NetworkError

    from bot.runtime import serve

    try:
        asyncio.run(serve(settings, webhook=hook))
    except InvalidToken:
        raise SettingsError(
            "IOP_BOT_TOKEN: the Bot API refused this token (revoked or mistyped? copy it again from @BotFather)"
        ) from None
    except NetworkError as exc:
        cause = type(exc.__cause__).__name__ if exc.__cause__ else type(exc).__name__
        print(
            f"iop-bot: cannot reach the Bot API at {settings.bot_api_url} ({cause}); is it up?",
            file=sys.stderr,
        )
        return 1
    return 0


def demo_description() -> str:
    from bot.devtools.roles import roles

    return (
        "Chat with the real bot in this terminal, against a local Telegram Bot API emulator,\n"
        "on a throw-away data dir (nothing is kept). It takes no options. Who you can be:\n" + roles()
    )


def _dispatch(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    if op := admin_people.handles(args):
        admin_people.report(op, admin(settings, op, admin_people.params(args)), out)
        return 0
    if args.command == "run":
        if not settings.bot_token:
            raise SettingsError(
                "IOP_BOT_TOKEN: not set (get a token from @BotFather; to try the bot without one, `iop-bot demo`)"
            )
        from bot.telegram.webhook import DEFAULT_LISTEN, parse_webhook

        if args.listen and not args.webhook:
            raise SettingsError("--listen: only with --webhook URL")
        listen = args.listen or DEFAULT_LISTEN
        hook = parse_webhook(args.webhook, listen, settings.webhook_secret) if args.webhook else None
        if not has_program(settings):
            if not settings.data_dir.is_absolute():
                # Refused: a bot started in the wrong directory would take some of the real bot's updates
                # (Telegram gives each update to one poller), so some patients' words, crisis words too,
                # would reach a program with no patients and no counselor.
                raise SettingsError(no_program(settings))
            # An absolute IOP_DATA_DIR is a deliberate deployment's first start (a container's volume).
            # The token first: a refused or unreachable one must not leave a new, empty program behind.
            if (refused := new_program_blocked(settings)) is not None:
                return refused
            print(
                f"iop-bot: no program's data in {settings.data_dir} yet: starting a new, empty one",
                file=sys.stderr,
            )
        refuse_unwritable(settings)  # before any update is taken that could not be stored
        refuse_dead_rules(settings)  # a risk rule that can never fire is a page that silently never comes
        return _serve(settings, hook)
    if args.command == "demo":
        import tempfile

        from bot.devtools.demo import run_demo

        # Files the bot sends and its log go to a folder, so log lines never interleave with the chat.
        files = Path(tempfile.mkdtemp(prefix="iop-demo-files-"))
        setup_logging("INFO", file=files / "bot.log")
        asyncio.run(run_demo(sys.stdin, out, interactive=sys.stdin.isatty(), files=files))
        return 0
    if args.command == "emulator":
        from bot.devtools.standalone import serve_emulator

        setup_logging("WARNING")
        return serve_emulator(args.port, args.token, out)
    if args.command == "cohort" and args.action == "focus":
        r = admin(settings, "cohort_focus", {"cohort": args.cohort, "skill": args.skill})
        done = f"now practises {r['name']} ({r['skill']})" if r["skill"] else "has no skill focus now"
        print(f"Cohort {r['cohort']} {done}.", file=out)
        return 0
    if args.command in ("cohort", "session"):
        return report.schedule(args, settings, out)
    if args.command in integrity_cli.COMMANDS:
        return integrity_cli.dispatch(args, settings, out)
    if args.command == "defaults":
        return report.defaults(args.name, out)
    if args.command == "keygen":
        from bot.admin.keys import keygen

        return keygen(out, sys.stdin if args.fingerprint else None)
    if args.command == "screen":
        from bot.domain.screen.assess import screen_stream

        screen_stream(sys.stdin, out)
        return 0
    if args.command == "counselor" and args.action == "add":
        c = admin(
            settings,
            "counselor_add",
            {
                "telegram_id": args.telegram_id,
                "name": args.name,
                "admin": args.admin,
                "not_admin": args.not_admin,
            },
        )
        report.counselor_added(c, settings, out)
    elif args.command == "counselor" and args.action == "set-pin":
        from bot.admin.roster import read_new_pin

        params = {"counselor": args.counselor, "pin_hash": read_new_pin(sys.stdin)}
        c = admin(settings, "counselor_set_pin", params)
        print(f"PIN set for {c['name']} ({c['telegram_id']}); they unlock patient data with it.", file=out)
    elif args.command == "counselor":
        rows = admin(settings, "counselor_list", {})
        cols = ["telegram_id", "name", "role", "on_call", "patients", "reach"]
        report.table(out, rows, cols, "No counselors yet.")
    elif args.command == "enroll":
        params = {"counselor": args.counselor, "alias": args.alias, "cohort": args.cohort, "days": args.days}
        report.enrolled(admin(settings, "enroll", params), settings, out)
    elif args.command in ("export", "audit"):
        return report.records(args, settings, out)
    elif args.command == "patient" and args.action in leaving_cli.ACTIONS:
        return leaving_cli.dispatch(args, settings, out)
    elif args.command == "patient":
        rows = admin(settings, "patient_list", {})
        cols = ["alias", "status", "counselor", "cohort", "timezone", "checkin_time"]
        report.table(out, rows, cols, "No patients or invitations yet.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
