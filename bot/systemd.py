"""systemd's notify protocol (sd_notify), for its watchdog (bot/telegram/watchdog.py, ops O54): what a running bot
and a bot waiting at start for room on a full disk (bot/admin/doctor_writable.py) say to it. Nothing without the
unit's variables (NOTIFY_SOCKET, WATCHDOG_USEC)."""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


def interval() -> float | None:
    """Seconds between two pings (half systemd's period), or None when no watchdog is asked of this process."""
    usec, pid = os.environ.get("WATCHDOG_USEC", ""), os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) <= 0 or not os.environ.get("NOTIFY_SOCKET"):
        return None
    if pid.isdigit() and int(pid) != os.getpid():
        return None  # meant for another process (a parent that started this one)
    return int(usec) / 2_000_000


def notify(message: str) -> bool:
    """Send one sd_notify message ("WATCHDOG=1", "READY=1"); False, with an ERROR, when it cannot be sent."""
    path = os.environ.get("NOTIFY_SOCKET", "")
    if not path:
        return False
    address = "\0" + path[1:] if path.startswith("@") else path  # "@name": an abstract socket
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        log.error(
            "could not tell systemd %r on %s: %s (its watchdog may restart the bot)", message, path, exc
        )
        return False
    return True
