"""What a patient sent that the bot cannot read, for the people told of it, and a location shared during an alert
(newcomer24 N254). Counselor cards in English; the patient's lines in both languages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned, zoned_late

_NAMES = {
    "location": "a location",
    "voice": "a voice note",
    "audio": "an audio file",
    "video_note": "a video message",
    "video": "a video",
    "photo": "a photo",
    "sticker": "a sticker",
    "animation": "a GIF",
    "document": "a file",
}


def media_named(kinds: Sequence[str]) -> str:
    """ "a voice note, a photo and a file"."""
    names = [_NAMES.get(k, "a file") for k in kinds]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def media_card(
    alias: str,
    first: datetime,
    last: datetime,
    kinds: Sequence[str],
    *,
    question: bool,
    written: datetime | None = None,
) -> str:
    """To each person who got the alert (``question``: the counselor, under "Are you safe right now?"): what the
    patient sent that the bot cannot read, gathered on one card; ``written``: when they sent it, if well before
    the bot read it (newcomer22 N269: after a restart the card gave the time the bot read it)."""
    after = "answered “Are you safe right now?” (asked after worrying words) with" if question else "sent"
    when = (
        f"at {zoned_late(first, written)}"
        if len(kinds) == 1
        else f"{len(kinds)} things between {zoned(first)} and {zoned(last)}:"
    )
    what = f"{media_named(kinds)} {when}" if len(kinds) == 1 else f"{when} {media_named(kinds)}"
    tail = "" if question else ", after this alert"
    it = "it, so it is" if len(kinds) == 1 else "them, so they are"
    return (
        f"📎 <b>{esc(alias)}</b> {after} {what}{tail}. The bot cannot read or keep {it} not shown anywhere: "
        "please reach them directly."
    )


def location_words(latitude: float, longitude: float) -> str:
    """A shared location as the words kept for the alert's people: the place and a map link."""
    return f"📍 Shared a location: {latitude:.5f}, {longitude:.5f} (https://maps.google.com/?q={latitude},{longitude})"


def location_after_alert(alias: str, at: datetime) -> str:
    """To each person who got the alert: a location came (where to send help), behind the PIN."""
    return (
        f"📍 <b>{esc(alias)}</b> shared a <b>location</b> at {zoned(at)}, after this alert. "
        "Tap <b>Show message</b> to see where."
    )


def location_passed(names: Sequence[str], language: str) -> str:
    """To the patient: who has the location they shared."""
    who = " y ".join(esc(n) for n in names) if language == "es" else " and ".join(esc(n) for n in names)
    if language == "es":
        return f"Le pasé tu ubicación a {who}."
    return f"I've passed your location to {who}."


def location_not_kept(language: str) -> str:
    """A location with no urgent message about them open: not kept (only typed words are read and passed on)."""
    if language == "es":
        return (
            "No guardo ubicaciones ni se las paso a nadie fuera de una alerta urgente. Si quieres que tu "
            "consejero o consejera sepa dónde estás, escríbelo. Si necesitas ayuda ahora, usa /sos."
        )
    return (
        "I don't keep locations or pass them on outside an urgent alert. If you want your counselor to know "
        "where you are, write it. If you need help now, use /sos."
    )


# Outside an alert (newcomer24 N276): what the counselor learns of it, truthfully (that it came, never what it is).
MEDIA_NOTED = "Your counselor will see at their next review that you sent something I can't read (not what it is), so they can call you."
MEDIA_NOTED_ES = (
    "Tu consejero o consejera verá en su próxima revisión que enviaste algo que no puedo leer (no qué es), para que "
    "pueda llamarte."
)


def checkin_media(prompt: str) -> str:
    """At a check-in's button question (newcomer24 N267): the bot cannot read it, and the buttons are below."""
    return f"I can't read stickers, photos or voice notes, but you can tap one of the buttons below.\n\n{esc(prompt)}"


def checkin_media_es(prompt: str) -> str:
    return f"No puedo leer stickers, fotos ni notas de voz, pero puedes tocar uno de los botones de abajo.\n\n{esc(prompt)}"
