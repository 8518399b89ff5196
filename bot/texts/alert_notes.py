"""Lines of an urgent alert's card about its timing: said again, words that waited, a first card that could not
go for minutes (bot/texts/crisis.py's counselor_alert puts them together)."""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import span, zoned


def said_again(again: tuple[datetime, ...], kind: str = "not_safe") -> str:
    """A "not safe" alert the patient said again while it was open, or crisis words of its kind written again
    (newcomer9 N40; the words are on the "wrote again" card): how often, and the latest time."""
    if not again:
        return ""
    times = "once more" if len(again) == 1 else f"{len(again)} more times"
    if kind not in ("not_safe", "not_sure"):
        return f" They wrote like this again {times}, the latest {zoned(again[-1])} (<b>Show message</b> shows them)."
    return f" They said it again {times}, the latest {zoned(again[-1])}."


def _written(at: datetime, written: datetime | None) -> str:
    """ "⏳ They wrote it Sun 29 Nov 9:04 PM PST, 19 h 52 min earlier": old words must not read as just now."""
    if written is None:
        return ""
    minutes = max(int((at - written).total_seconds() // 60), 0)
    return (
        f"\n⏳ They wrote it <b>{zoned(written)}</b>, {span(minutes)} before the bot read it (the bot or Telegram "
        "was not reachable then): ask how they are now."
    )


def first_late_note(minutes: int, *, last: bool) -> str:
    """The first card of an alert nobody could be sent while its rounds fell due (ops O83: "Still not acknowledged
    after 8 min … last reminder" read as 8 minutes ignored); ``last``: its last round had fallen due too."""
    text = (
        f"\n⏳ This alert could not reach anyone for {span(minutes)} (Telegram or the server's network was down; the "
        "bot kept trying): this is its first card, not a reminder you missed."
    )
    if last:
        text += (
            "\n⚠️ Its reminders fell due meanwhile, so this is also its <b>last reminder</b>: the bot will not send "
            "it again. It stays open on their page until someone acknowledges it. The program's admins have it too."
        )
    return text
