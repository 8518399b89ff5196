"""Whether this user can write in the data dir: `iop-bot doctor` says so, and `iop-bot run` refuses to start.

A data dir on a read-only mount, made immutable, or owned by another user passed every read-only check,
and the bot then took updates it could not store and died in tracebacks (newcomer6 finding 19). The
only sure test is to write: a probe file is created, fsynced and removed in the data dir and in
``patients/``. Its name carries the store's temp mark, so one a kill leaves behind is swept at start-up.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bot import texts
from bot.admin.data_owner import foreign_owned, wrong_user
from bot.admin.doctor import Finding
from bot.admin.down_notice import tell_admins
from bot.config.settings import Settings, SettingsError
from bot.store.storage import TEMP_MARK
from bot.systemd import notify

log = logging.getLogger(__name__)
DISK_FULL = "the disk holding"
FULL_LOOK_EVERY = 30.0  # seconds between looks at a full disk before start-up
FULL_TOLD_EVERY = 600.0


def _write_probe(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, b"probe\n")
        os.fsync(fd)
    finally:
        os.close(fd)
        # Removed even when the write failed (newcomer11 O6: on a full disk the empty probe stayed, and the
        # next doctor called it a foreign file). A bot starting meanwhile sweeps temp-marked files too.
        path.unlink(missing_ok=True)


def unwritable(data_dir: Path) -> str | None:
    """One line naming the first folder of the data dir this user cannot write in, or a file another user owns;
    None when all can be."""
    if (problem := wrong_user(data_dir) or foreign_owned(data_dir)) is not None:
        return problem
    for folder in (data_dir, data_dir / "patients"):
        if not folder.is_dir():
            continue  # made when first needed, in a parent just shown to be writable
        probe = folder / f".doctor-probe{TEMP_MARK}{os.getpid()}"
        try:
            _write_probe(probe)
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            if exc.errno == errno.ENOSPC:  # newcomer11 O6: the advice was about permissions
                return (
                    f"{DISK_FULL} {folder} is full ({why}): the bot could not store what patients send; "
                    "free space on it (`df -h`), then check again"
                )
            return (
                f"data dir {folder} is not writable by this user ({why}): the bot could not store what "
                "patients send; give this user write access (owner, mount, `chattr -i`) and start again"
            )
    return None


def writable_check(settings: Settings) -> Iterable[Finding]:
    """A probe file can be written and removed in the data dir and its patients/ folder."""
    if not settings.data_dir.is_dir():
        return  # data_dir_check says it does not exist
    problem = unwritable(settings.data_dir)
    if problem is not None:
        yield Finding("writable", False, problem)
    else:
        yield Finding("writable", True, f"this user can write in {settings.data_dir}")


def refuse_unwritable(settings: Settings, wait: Callable[[float], None] = time.sleep) -> None:
    """`iop-bot run`'s refusal (exit 2, one line) when the data dir is there and this user cannot write in it.
    A full disk is waited out instead (newcomer11 O29: exit 2 left the systemd unit stopped for good, and after
    the space was freed crisis words still waited, unanswered, for a person to start it): an ERROR now and every
    ten minutes, a look every half minute, and the bot starts as soon as it can store what it is sent."""
    said: float | None = None
    while settings.data_dir.is_dir() and (problem := unwritable(settings.data_dir)) is not None:
        if not problem.startswith(DISK_FULL):
            raise SettingsError(problem)
        if said is None or time.monotonic() - said >= FULL_TOLD_EVERY:
            log.error("not starting yet: %s; starting as soon as it has room", problem)
            if said is None:  # once: the admins in Telegram, since no patient is answered meanwhile
                tell_admins(settings, texts.not_started_disk_full())
            said = time.monotonic()
        notify("WATCHDOG=1")  # waiting on purpose, not hung: systemd's watchdog must not restart it (ops O54)
        wait(FULL_LOOK_EVERY)
