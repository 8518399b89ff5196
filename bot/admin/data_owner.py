"""Every iop-bot process that writes the data dir runs as the user who owns it (newcomer11 O12).

One command run as root while the service was stopped rewrote index.json as root:root 0600; the service (user
iop) then died at start in a 40-line traceback, five times under systemd, and no patient was answered until a
person read the journal. Commands run as root on a data dir root does not own now refuse in one line (a running
bot still does the work for them over its control socket, as its own user), and `run` and `doctor` name a data
file this user cannot read and write. Other users are left alone: a volume shared by group (Kubernetes'
fsGroup) is owned by root and written by the bot's uid by design.
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path


def _name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a container's uid with no passwd entry
        return f"uid {uid}"


def wrong_user(data_dir: Path) -> str | None:
    """Why this process must not write ``data_dir``: it is root's, and the data dir another user's; None when it
    may (or the data dir is new)."""
    if not data_dir.is_dir():
        return None
    owner, me = data_dir.stat().st_uid, os.geteuid()
    if me != 0 or owner == 0:
        return None
    return (
        f"the data dir {data_dir} belongs to {_name(owner)}, and this is {_name(me)}: files written now would be "
        f"{_name(me)}'s and the bot could no longer read them. Run this as {_name(owner)} (for example "
        f"`runuser -u {_name(owner)} -- iop-bot ...`; deploy/iop-bot.service shows the whole line)"
    )


def foreign_owned(data_dir: Path) -> str | None:
    """A data file this user cannot read and write (left by a command run as root); None when there is none."""
    if not data_dir.is_dir():
        return None
    for folder in (data_dir, data_dir / "patients"):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_file() and not os.access(path, os.R_OK | os.W_OK):
                owner = _name(data_dir.stat().st_uid)
                return (
                    f"{path} (owned by {_name(path.stat().st_uid)}) cannot be read and written by "
                    f"{_name(os.geteuid())}, so the bot could not use it: `chown -R {owner}: {data_dir}`"
                )
    return None
