"""What the counselor reads on and behind an alert card: the words "Show message" opens, in as many messages as they
need, what was typed before and kept unsent, why there is nothing to show, and the card once acknowledged.
(Moved out of bot/texts/crisis.py, which had grown past 300 lines.)"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import MAX_MESSAGE, esc, zoned


def alert_acknowledged(text: str, by: str, at: datetime) -> str:
    """The alert after someone took it."""
    return f"{text}\n\n✅ Acknowledged by {esc(by)}, {zoned(at)}."


def alert_words_deleted(alias: str, at: datetime) -> str:
    """ "Show message" after the patient erased their data: why there is nothing to show, and that the
    alert still stands."""
    return (
        f"<b>{esc(alias)}</b> deleted their data with /delete on {zoned(at)}, so the words of this alert "
        "are gone (only the alert itself is kept). The alert still stands: please reach out as you would."
    )


KEPT_BEFORE = "Written before this and kept unsent (they had not chosen to send it):"
READ_WITH = "Sent just before it, one after the other, and read with it as a goodbye (oldest first):"
FORWARDED = (
    "(Forwarded by them from another chat: the words may be someone else's, or their own from elsewhere.)"
)
EDITED = "(Edited: "


def words_edited(text: str, sent: datetime) -> str:
    """Words that came as an edit of an earlier message (newcomer24 N253): the person calling should know they
    replaced what was first sent. After the words, as the other labels. Plain text: escaped where it is shown."""
    return f"{text}\n\n{EDITED}these words replaced a message they had sent {zoned(sent)}.)"


def patient_words(words: str) -> str:
    """An alert's words without the bot's own lines added to them (the labels above): what "why the screen flagged
    it" reads (newcomer24 N258, N273: the label's "written" was named as a reason, and a forward's English label
    turned a Spanish overdose plan into other reasons than `iop-bot screen` gives)."""
    labels = {KEPT_BEFORE, READ_WITH, FORWARDED}
    lines = [
        line.removeprefix("• ")
        for line in words.split("\n")
        if line.strip() not in labels and not line.startswith(EDITED)
    ]
    return "\n".join(lines).strip()


def words_with_earlier(text: str, earlier: list[str]) -> str:
    """An alert's words and, after them, what the patient typed before and kept unsent (newcomer finding
    10-10: "what's the most painless way to go" stayed in the drawer while a counselor called them). Plain
    text: escaped where it is shown."""
    if not earlier:
        return text
    before = "\n".join(f"• {t}" for t in earlier)
    return f"{text}\n\n{KEPT_BEFORE}\n{before}"


def words_after_pieces(text: str, before: list[str]) -> str:
    """An alert's words and the messages sent just before it that it was read with (newcomer18 N178: "ya no
    puedo" / "estoy harta de todo" / "perdónenme" / "los quiero mucho"), oldest first. The words themselves
    first (a replay is told by them). Plain text: escaped where it is shown."""
    if not before:
        return text
    lines = "\n".join(f"• {t}" for t in before)
    return f"{text}\n\n{READ_WITH}\n{lines}"


def words_forwarded(text: str) -> str:
    """An alert's words that came as a forwarded message (session 22, with the emulator's /forward): read as the
    patient's, as any words are, but the person calling them should know they may be someone else's. After the
    words, so a replay is still told by them. Plain text: escaped where it is shown."""
    return f"{text}\n\n{FORWARDED}"


def alert_reply_unsent(alias: str) -> str:
    """On the alert card when the bot's own answer (crisis lines, "Are you safe right now?") was not confirmed:
    the person acting must not assume the patient has the numbers; a timeout is unknown, not refused (ops O47)."""
    return (
        f"⚠️ Telegram has not confirmed the bot's answer to <b>{esc(alias)}</b>: it failed, or Telegram was "
        "slow to confirm it and it may have arrived. So they may not have the crisis lines yet. The bot keeps "
        "trying; please reach them directly."
    )


def alert_without_words(alias: str) -> str:
    """ "Show message" on an alert that never carried words."""
    return f"This alert came with no words from <b>{esc(alias)}</b> to show."


def alert_message(alias: str, text: str, explained: str = "") -> list[str]:
    """The patient's own words, shown to the counselor on request, in as many messages as they need (newcomer
    finding 10-24: a 4,090-character message was cut, and its last sentence, the plan, shown nowhere);
    ``explained``: why the screen flagged them and in what language (flag_explained, escaped), after them."""
    # Telegram refuses a message over 4,096 characters; escaping can lengthen the words, so each piece is
    # measured escaped.
    room = MAX_MESSAGE - len(esc(alias)) - 80 - len(explained)
    pieces: list[str] = []
    rest = text.strip()
    while rest:
        n = min(len(rest), room)
        while len(esc(rest[:n])) > room:
            n -= max(1, (len(esc(rest[:n])) - room) // 5)
        if n < len(rest) and (cut := rest.rfind(" ", 0, n)) > n // 2:
            n = cut
        pieces.append(rest[:n])
        rest = rest[n:].lstrip()
    pages = []
    for i, piece in enumerate(pieces or [""], 1):
        count = f" ({i}/{len(pieces)})" if len(pieces) > 1 else ""
        page = f"Message from <b>{esc(alias)}</b>{count}:\n<blockquote>{esc(piece)}</blockquote>"
        pages.append(f"{page}\n<i>{explained}</i>" if explained and i == len(pieces or [""]) else page)
    return pages
