"""`iop-bot doctor`'s line for the closed alerts' log: it opens, and holds no more than it should."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import keyed_log
from bot.store.crypto import FernetCodec
from bot.store.migrate import CLOSED_ALERTS
from bot.store.storage import DataRefusedError


def closed_alerts_check(settings: Settings) -> Iterable[Finding]:
    """Every line of ``alerts-closed.log`` opens (start-up refuses a file that does not)."""
    path = settings.data_dir / CLOSED_ALERTS
    if not path.exists():
        yield Finding("closed alerts", True, f"{path} not created yet (the first acknowledgement makes it)")
        return
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        rows, _, tail = keyed_log.read_lines(path, codec)
    except DataRefusedError as exc:
        yield Finding("closed alerts", False, f"{exc}; restore it from a backup (`iop-bot restore`)")
        return
    cut = f"; {len(tail)} bytes cut short by a crash are set aside at the next start" if tail else ""
    yield Finding("closed alerts", True, f"{len(rows)} alert(s) closed in the last 30 days{cut}")
