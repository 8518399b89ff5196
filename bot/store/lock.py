"""One process owns a data dir: two bots writing the same files would lose check-ins."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class DataDirBusyError(RuntimeError):
    """Another live process holds the data dir; ``owner`` is what it wrote ("<pid> <role>")."""

    def __init__(self, message: str, owner: str = "unknown") -> None:
        super().__init__(message)
        self.owner = owner

    @property
    def role(self) -> str:
        """ "bot", "cli", or "unknown" (a lock file from before roles were written)."""
        parts = self.owner.split()
        return parts[1] if len(parts) > 1 else "unknown"


class DataDirLock:
    """An advisory ``flock`` on ``<data_dir>/.lock``; the kernel drops it if the process dies.

    The holder writes its pid and role ("bot" or "cli"), so a refused process can say who it waits for.
    """

    def __init__(self, data_dir: Path, role: str = "bot") -> None:
        self.data_dir = data_dir
        self.path = data_dir / ".lock"
        self.role = role
        self._fd: int | None = None

    def acquire(self, wait_for_commands: float = 0.0) -> None:
        """Take the lock or raise DataDirBusyError naming the owner. ``wait_for_commands``: seconds to wait
        while an `iop-bot` command holds it (newcomer finding 10-12: the bot restarted beside a one-second
        `cohort add` exited, and without a supervisor stayed down); another bot is refused at once."""
        deadline = time.monotonic() + wait_for_commands
        while True:
            try:
                self._take()
                return
            except DataDirBusyError as busy:
                if busy.role != "cli" or time.monotonic() >= deadline:
                    raise
            time.sleep(0.1)  # a command holds it for about a second; a retry interval, not a test wait

    def _take(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # read-only, or not ours: one line and exit 2, not a traceback (newcomer4 #6)
            raise DataDirBusyError(
                f"the data directory {self.data_dir} cannot be written ({exc.strerror or exc}): a read-only "
                "mount or the wrong owner; the bot keeps its lock and data there",
                "unusable",
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise DataDirBusyError(
                f"Another IOP Companion process (pid {owner.split()[0]}) is already using the data "
                f"directory {self.data_dir}; stop it first or set IOP_DATA_DIR to another directory.",
                owner,
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {self.role}".encode())
        self._fd = fd

    def release(self) -> None:
        """Let another process have the directory."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
