"""What an alert lets an on-call colleague do (paged access, bot/domain/paged.py): the note on their copy,
what the alert is about, and how their message reaches the patient."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.texts.base import MAX_MESSAGE, NOT_ANSWERED, day_label, esc, zoned

ANOTHER_COUNSELOR = "another counselor"


_WHY = {
    "on_call": "this reached you on call",
    "earlier": "this reached you because you had their earlier alert in hand",
    # A counselor marked away (newcomer16 N150: the cover read "you had their earlier alert in hand" or "on call",
    # and could take it for a courtesy copy left to a counselor who is not there).
    "cover": "COUNSELOR is away until UNTIL and you are covering for them",
    "on_call_away": "COUNSELOR is away until UNTIL, so this reached you on call at once",
    # Their cover can't be reached (newcomer18 N180: "has not started the bot"): nobody else acts for them.
    "cover_out": "COUNSELOR is away until UNTIL and their cover COVER: this alert is yours to act on",
    "admin": "this reached you as an admin of the program",
}


def covering_note(
    alias: str,
    counselor: str,
    *,
    reachable: bool,
    why: str = "on_call",
    until: date | None = None,
    cover: str = "",
) -> str:
    """Under an alert that reached someone other than the patient's counselor: whose patient, why it reached
    them (on call, their earlier alert, an admin, covering while the counselor is away ``until`` a day, or the
    cover who can't be reached: ``cover``, "Lee Park has not started the bot"), and what they can do from here
    (the page stays their counselor's)."""
    because = _WHY.get(why, "this reached you too").replace("COUNSELOR", f"<b>{esc(counselor)}</b>")
    because = because.replace("UNTIL", f"<b>{day_label(until)}</b>" if until else "further notice")
    because = because.replace("COVER", esc(cover))  # "Lee Park has not started the bot"
    head = f"\n{esc(alias)} is <b>{esc(counselor)}</b>'s patient; {because}."
    if reachable:
        return head + " <b>Show message</b> says what it is about; <b>Message patient</b> writes to them."
    return head + (
        f" The bot can't message them after /stop: {esc(counselor)} or the program's office has their phone."
    )


def alert_brief(
    alias: str,
    earlier: Sequence[tuple[datetime, str]],
    day: date | None,
    cells: Sequence[tuple[str, str | None]],
    note: str | None,
) -> str:
    """ "Show message" on an alert with no words of its own (not safe, SOS, an urgent check-in): the crisis
    words around it (the last three) and the check-in of its day, each cut to fit one message."""
    parts = [f"What <b>{esc(alias)}</b>'s alert is about:"]
    if earlier:
        parts.append("Their words around it:")
        parts += [f"{zoned(at)}:\n<blockquote>{esc(_cut(text))}</blockquote>" for at, text in earlier[-3:]]
    if day is not None:
        answers = " · ".join(
            f"{esc(label)}: {NOT_ANSWERED}" if value is None else f"{esc(label)} {esc(value)}"
            for label, value in cells
        )
        parts.append(f"Check-in of {day:%a} {day.day} {day:%b}: {answers or 'no answers'}")
        if note:
            parts.append(f"Their note:\n<blockquote>{esc(_cut(note))}</blockquote>")
    if len(parts) == 1:
        parts.append("No crisis words before it and no check-in that day: please reach out and ask.")
    return "\n".join(parts)


def _cut(text: str, room: int = 800) -> str:
    # Four pieces of words at most, so the whole stays inside Telegram's 4,096 characters.
    return text if len(text) <= room else text[: room - 8] + " … (cut)"


def relayed_on_call(counselor: str, text: str, language: str = "en") -> str:
    """An on-call counselor's message as the patient receives it: not "your counselor", who they aren't."""
    if language == "es":
        return f"<b>Mensaje de {esc(counselor)}, de guardia en tu programa:</b>\n{esc(text)}"
    return f"<b>Message from {esc(counselor)}, the counselor on call at your program:</b>\n{esc(text)}"


def relay_room_on_call(counselor: str) -> int:
    """How many characters an on-call counselor's message may have and still fit one Telegram message."""
    return MAX_MESSAGE - len(relayed_on_call(counselor, "")) - 10
