"""Run an admin operation: here, holding the data-dir lock, or in the running bot that owns it."""

from __future__ import annotations

import asyncio
import getpass
import os
import pwd
import socket
import sys
import time
from pathlib import Path
from typing import Any

from bot.admin.control import NoBotListening, call_running_bot, key_name
from bot.config.settings import Settings, SettingsError
from bot.store.lock import DataDirBusyError

# The operations that may start a program in an empty data directory: its first counselor. Anything
# else there means the command was run from the wrong place (a relative data_dir, or IOP_DATA_DIR unset),
# and answering "No counselors yet." would hide that the real program is elsewhere.
STARTS_A_PROGRAM = frozenset({"counselor_add"})

# How long a command waits for another one (or a starting bot) to free the data directory.
LOCK_WAIT_SECONDS = 60.0
# How long a command waits for the running bot's answer. A backup of a big program takes minutes (ops O93: a 1 GB
# data dir, about 2 minutes): after the default 30 s the command said the bot "did not answer" and exited 1 while
# the bot went on and wrote the file, so the README's nightly cron line failed every night.
ANSWER_WAIT = {"backup": 3600.0}
DEFAULT_ANSWER_WAIT = 30.0


def answer_wait(op: str) -> float:
    """Seconds to wait for the running bot to carry out ``op`` and answer."""
    return ANSWER_WAIT.get(op, DEFAULT_ANSWER_WAIT)


def admin(settings: Settings, op: str, params: dict[str, Any]) -> Any:
    """Run an admin operation here (holding the data-dir lock), or in the running bot that owns it.

    When another command holds the lock (or a bot is starting or stopping, so nobody answers on the
    control socket yet), wait for it: parallel commands run one after another, never fail for it.
    """
    from bot.admin.control import run_operation
    from bot.admin.data_owner import wrong_user
    from bot.admin.upgrade_pending import pending, refuse
    from bot.runtime import open_services

    params = {**params, "by": _who()}  # the audit log names who ran a change
    # A missing key is said first (open_services): it is the first thing to fix either way.
    new = not has_program(settings) and bool(settings.data_keys or settings.allow_unencrypted)
    if new and op not in STARTS_A_PROGRAM:
        raise SettingsError(no_program(settings))
    if new:
        print(f"iop-bot: starting a new program in {settings.data_dir.resolve()}", file=sys.stderr)
    elif (older := pending(settings)) is not None:  # the bot upgrades it when it starts, never a command
        raise refuse(settings, older)
    if (wrong := wrong_user(settings.data_dir)) is not None:
        # Never written as another user (newcomer11 O12); a running bot does it as its own user.
        try:
            return call_running_bot(
                settings.data_dir, op, params, timeout=answer_wait(op), key=key_name(settings.data_keys)
            )
        except NoBotListening:
            raise SettingsError(wrong) from None
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            with open_services(settings, role="cli") as services:
                return asyncio.run(run_operation(services, op, params))
        except DataDirBusyError as busy:  # only open_services raises it: the operation never ran here
            try:
                return call_running_bot(
                    settings.data_dir, op, params, timeout=answer_wait(op), key=key_name(settings.data_keys)
                )
            except NoBotListening:
                if busy.owner == "unusable":  # a read-only or foreign data dir: no wait frees it (O26)
                    raise SettingsError(str(busy)) from None
                if time.monotonic() >= deadline:
                    raise DataDirBusyError(_still_busy(settings, busy), busy.owner) from None
            time.sleep(0.05)  # a retry interval while the holder finishes, not a test of "nothing happened"


def _who() -> str:
    """The operator of this command as the audit log names them: login@host (one data dir may be run from
    more than one machine, e.g. a restored copy), and the person behind it when that is someone else: the
    service user runs every command under systemd's admin line (ops O21: every row named "iop@vm"), so the
    login `sudo` came from, or the one that owns the terminal, is named first ("alice via iop@vm")."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # a container's uid with no passwd entry
        user = f"uid {os.getuid()}"
    here = f"{user}@{socket.gethostname()}"
    person = os.environ.get("SUDO_USER") or _audit_login() or _terminal_login()
    return f"{person} via {here}" if person and person != user else here


LOGINUID = Path("/proc/self/loginuid")
_NO_LOGIN = 4294967295  # (uid_t)-1: no login session (a boot service, a container)


def _audit_login() -> str | None:
    """The login the session started as (pam_loginuid): it survives su, sudo and runuser, and the README's admin
    line (`runuser -u iop -- env …`) leaves no SUDO_USER (ops O71: every row named the service user)."""
    try:
        uid = int(LOGINUID.read_text(encoding="ascii").strip())
    except (OSError, ValueError):  # not Linux, or no audit support
        return None
    if uid == _NO_LOGIN:
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _terminal_login() -> str | None:
    try:
        return os.getlogin()  # the login of the controlling terminal (utmp), not this process's user
    except OSError:  # no terminal: cron, systemd, a container
        return None


def has_program(settings: Settings) -> bool:
    """Whether the data directory holds a program (its index), not a directory made by mistake."""
    return (settings.data_dir / "index.json").exists()


def no_program(settings: Settings) -> str:
    """Why a command found nothing, and where it looked."""
    return (
        f"no program's data in {settings.data_dir.resolve()} (the data directory comes from IOP_DATA_DIR, "
        "./data when it is not set; a relative one is read from the current directory). Run the command "
        "where the bot runs, or set IOP_DATA_DIR; a new program starts with `iop-bot counselor add --name NAME "
        "--admin`"
    )


def _still_busy(settings: Settings, busy: DataDirBusyError) -> str:
    pid = busy.owner.split()[0]
    who = {
        "cli": f"another iop-bot command (pid {pid})",
        "bot": f"a bot (pid {pid}) that does not answer on its control socket (starting, stopping or stuck)",
    }.get(busy.role, f"process {pid}")
    return (
        f"the data directory {settings.data_dir} is held by {who}; waited {LOCK_WAIT_SECONDS:.0f} s. "
        "Try again when it has finished."
    )
