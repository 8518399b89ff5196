"""An export's --out file: found writable before anything is read or audited, and written with one clear
line when it cannot be (ops O70: `patient record --out` and `export --out` to a directory the bot's user cannot
write ended in a traceback, and the audit log said the whole record had left the system when nothing had)."""

from __future__ import annotations

import contextlib
import getpass
import os

from bot.admin.roster import AdminError
from bot.store.files import write_private


def _refused(path: str, exc: OSError, done: str) -> AdminError:
    # Admin commands run as the bot's user (the README's runuser line): not root's directories.
    return AdminError(
        f"could not write {os.path.abspath(path)}: {exc.strerror or exc} (the file is written as user "
        f"{getpass.getuser()}; choose an --out that user can write, e.g. its home or /var/backups/iop). {done}"
    )


def check_writable(path: str) -> None:
    """Before the export is made (and audited): --out can be created or overwritten by this user. A file this
    made is removed again; one that was there is left as it was."""
    # os.path: a directory this user cannot even look into is "not there" (ops O99: Path.exists raised
    # PermissionError for /root/p2.json, a traceback), and the open below refuses it in one line.
    existed = os.path.exists(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    except OSError as exc:
        raise _refused(path, exc, "Nothing was exported.") from None
    os.close(fd)
    if not existed:
        with contextlib.suppress(OSError):
            os.unlink(path)


def write_out(path: str, payload: bytes) -> None:
    """Write the export, mode 600; a failure now (a full disk) is one line that says the audit row stands."""
    try:
        write_private(path, payload)
    except OSError as exc:
        raise _refused(
            path, exc, "The audit log has a row for this export; nothing usable was written: export again."
        ) from None
