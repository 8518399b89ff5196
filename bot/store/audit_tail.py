"""The newest audit segment's end, read without changing a byte (newcomer13 O51).

`doctor` must change nothing, and the checks that open the store would set a cut-short tail aside
themselves: `cut_short_tail` lets them wait, as they do for the other logs. A newest segment none of
whose lines opens (a file copied in, a copy gone wrong) is named as possibly not the bot's: moving it out
loses nothing the bot wrote, where a restore loses everything since the last backup.
"""

from __future__ import annotations

from pathlib import Path

from bot.store import audit_log
from bot.store.storage import Codec, DataRefusedError, IdentityCodec


def cut_short_tail(data_dir: Path, codec: Codec | None) -> tuple[Path, bytes] | None:
    """The newest segment and the bytes of its last line cut short by a crash, if it ends so."""
    found = audit_log.segments(data_dir)
    if not found:
        return None
    _, torn = audit_log.read_segment(found[-1])
    return (found[-1], torn) if torn and audit_log._cut_short(torn, codec) else None


def none_opens(data_dir: Path, codec: Codec | None) -> Path | None:
    """The newest segment when it holds at least one whole line, not one of them opens, and an older segment
    is there (a program's only segment under another key is the key check's case, not a stray file's)."""
    found = audit_log.segments(data_dir)
    if len(found) < 2:
        return None
    lines, torn = audit_log.read_segment(found[-1])
    if not lines and not torn:
        return None
    for number, raw in enumerate(lines, start=1):
        try:
            audit_log.decode_line(raw, codec or IdentityCodec(), f"{found[-1]} line {number}")
        except DataRefusedError:
            continue
        return None
    if not lines and audit_log._cut_short(torn, codec):
        return None  # one append cut short: the tail check's case
    return found[-1]


def foreign_way_out(path: Path, data_dir: Path, reason: str) -> str:
    """What to do about a newest segment none of whose lines opens: move it out first, restore last."""
    before = audit_log.segments(data_dir)[:-1]
    goes_on = f"the log goes on from {before[-1].name}" if before else "the log starts again"
    return (
        f"{reason}. Not one of {path.name}'s lines opens, so it may not be the bot's. If the bot did "
        f"not write it (a file copied in, a copy gone wrong), move it out of {data_dir} ({goes_on}); "
        "otherwise restore the data dir from a backup (`iop-bot restore`), as the last resort: it loses "
        "everything since that backup"
    )
