"""The patient–counselor thread: what each side sees when a message is passed on.

Sent unprompted, so the patient's side never names the program or the treatment; the counselor's
side names nobody while their PIN is locked (a phone may be left open).
"""

from __future__ import annotations

from datetime import date, datetime

from bot.texts.base import MAX_MESSAGE, day_label, esc, zoned, zoned_late

BTN_REPLY = "Reply"


def btn_patient_reply(language: str) -> str:
    """The Reply button under a counselor's message, in the patient's language."""
    return "Responder" if language == "es" else "Reply"


BTN_READ_MESSAGE = "Show message"


def _expect(counselor: str, reply_within: str, hours: str) -> str:
    """When to expect an answer; with no ``reply_within`` (answering the counselor) only where urgent help is."""
    if not reply_within:
        return "For urgent help, use /sos."
    when = f" ({esc(hours)})" if hours else ""
    return f"{esc(counselor)} usually replies within {esc(reply_within)}{when}. For urgent help, use /sos."


def message_ask(counselor: str, reply_within: str, hours: str) -> str:
    """After /message or "Reply": what to type, and when to expect an answer."""
    return (
        f"Type your message for <b>{esc(counselor)}</b> and I'll pass it on.\n"
        f"{_expect(counselor, reply_within, hours)}\n/cancel to stop."
    )


def counselor_away_line(counselor: str, until: date, cover: str) -> str:
    """Above "Type your message for <cover>" while the patient's counselor is away (newcomer18 N151: "Hola Dana",
    written to someone else with no word of why)."""
    return f"{esc(counselor)} is away until {day_label(until)}; {esc(cover)} is covering."


def counselor_away_nobody(counselor: str, until: date) -> str:
    """Above "Type your message for <counselor>" while they are away and nobody can stand in (newcomer20 N212)."""
    return (
        f"{esc(counselor)} is away until {day_label(until)} and nobody is covering: they will read your message "
        "when they are back. If it can't wait, tap 🆘 SOS."
    )


def message_passed(counselor: str, reply_within: str, hours: str) -> str:
    """The patient's message reached their counselor."""
    return f"Sent to {esc(counselor)}. {_expect(counselor, reply_within, hours)}"


def reply_passed(counselor: str) -> str:
    """Free text (or "Reply") just after the counselor wrote went to them as the answer."""
    return f"Sent to {esc(counselor)}, as your reply to their message. For urgent help, use /sos."


def message_passed_in_crisis(counselor: str, language: str = "en") -> str:
    """After the crisis answer: the message went through as well, and nothing more to read (in the
    language of the crisis answer)."""
    if language == "es":
        return f"Tu mensaje también le llegó a {esc(counselor)}."
    return f"Your message went to {esc(counselor)} too."


def message_kept(counselor: str) -> str:
    """Stored, but Telegram would not deliver it now: the patient must not think it arrived."""
    return (
        f"I saved your message, but I couldn't deliver it to {esc(counselor)} just now. "
        "They will see it on your page. If it's urgent, please use /sos."
    )


def note_passed(counselor: str, reply_within: str, hours: str) -> str:
    """A check-in note that asks for someone to reach them: passed to the counselor now, not left for the
    next review (newcomer finding 10-18)."""
    return (
        f"Your note asks for someone to reach you, so I've sent it to {esc(counselor)} now as a message "
        f"(it stays with today's check-in too). {_expect(counselor, reply_within, hours)}"
    )


MESSAGE_TYPED_ONLY = (
    "I can only read typed messages, so that each one can be checked for your safety. "
    "Please type it instead. If you need help now, use /sos."
)
# An edited message (newcomer6 finding 15: a check-in mood corrected from 8 to 2 by editing stayed 8, silently).
EDIT_NOT_READ = (
    "I saw you edited a message, but I can't take in edits: I kept what you first sent. If you meant to "
    "change a check-in answer, add the right one in the note at the end, or /cancel and start the check-in "
    "again. Anything else: send it as a new message."
)
EDIT_NOT_PASSED_COUNSELOR = (
    "I can't pass on edits: the patient has what you first sent. To correct it, send a new message."
)
MESSAGE_NO_COUNSELOR = (
    "I can't pass on messages right now: your counselor isn't set up in this chat yet. "
    "If you need help now, use /sos."
)


def patient_message_too_long(length: int, limit: int) -> str:
    """A patient's message that Telegram would refuse to pass on whole."""
    return (
        f"That's {length} characters; one message holds {limit}. "
        "Please send it in shorter parts (or /cancel)."
    )


def patient_message(alias: str, at: datetime, text: str, written: datetime | None = None) -> str:
    """A patient's message as their counselor receives it; ``written``: when they wrote it, long before it
    was passed (the bot was down, or they kept it unsent and chose to send it later)."""
    return f"💬 <b>{esc(alias)}</b> wrote to you, {zoned_late(at, written)}:\n<blockquote>{esc(text)}</blockquote>"


PIECE = 3500  # characters of a long message per page: with its header, well inside one Telegram message


def patient_message_pages(alias: str, at: datetime, text: str, written: datetime | None = None) -> list[str]:
    """``patient_message`` in as many messages as it needs. Words written while an alert is open are not
    held to ``patient_message_room``: Telegram takes 4,096 characters from the patient, and the same words
    under a header were refused ("message is too long"), so "Show message" showed nothing (audit)."""
    whole = patient_message(alias, at, text, written)
    if len(text) <= patient_message_room(alias):
        return [whole]
    parts, rest = [], text.strip()
    while rest:
        n = len(rest) if len(rest) <= PIECE else PIECE
        if n < len(rest) and (cut := rest.rfind(" ", 0, n)) > n // 2:
            n = cut  # between words, where there is a space in the second half
        parts.append(rest[:n])
        rest = rest[n:].lstrip()
    return [
        f"💬 <b>{esc(alias)}</b> wrote to you, {zoned_late(at, written)} (part {n} of {len(parts)}):\n"
        f"<blockquote>{esc(part)}</blockquote>"
        for n, part in enumerate(parts, 1)
    ]


QUOTE = 60  # how much of the counselor's own message a reply recalls


def patient_reply(
    alias: str,
    at: datetime,
    text: str,
    to_at: datetime,
    to_text: str,
    by: str | None = None,
    written: datetime | None = None,
) -> str:
    """A patient's answer to a counselor's message, as the counselor receives it: which one it answers, and
    whose it was when not theirs (``by``; newcomer5 finding 12: a reassigned counselor read "your message")."""
    recalled = to_text if len(to_text) <= QUOTE else to_text[: QUOTE - 1].rstrip() + "…"
    whose = "your message" if by is None else f"{esc(by)}’s message"
    return (
        f"↩️ <b>{esc(alias)}</b> replied, {zoned_late(at, written)}, to {whose} of {zoned(to_at)} "
        f"(“{esc(recalled)}”):\n<blockquote>{esc(text)}</blockquote>"
    )


def patient_message_room(alias: str) -> int:
    """How long a patient's message may be and still reach the counselor in one Telegram message (as a
    reply, whose header is the longer one)."""
    noon = datetime(2026, 11, 29, 12, 0)
    # The longer header of a message that came late (gaps11 #9), so a late one fits too.
    late = datetime(2026, 10, 28, 12, 0)
    return MAX_MESSAGE - len(patient_reply(alias, noon, "", noon, "x" * (QUOTE + 1), written=late)) - 20


BTN_SEND_UNSENT = "Send to my counselor"
BTN_DROP_UNSENT = "Don't send"


# Tears or a broken heart sent alone (bot/domain/emoji.py): a kind word before the choice.
HURTING = "I'm sorry it's a hard moment. I'm here. If you can, tell me in a few words what's going on.\n\n"


def unsent_offer(counselor: str, count: int, hours: int, *, hurting: bool = False, covering: str = "") -> str:
    """Text typed outside any question: nobody has it yet; the patient chooses, and knows what happens if
    they don't. ``hurting``: emoji alone that show distress ("😭😭😭", "💔")."""
    what, it = ("that", "it") if count == 1 else (f"your last {count} messages", "them")
    return (
        (HURTING if hurting else "") + f"I've kept {what}, but I haven't passed {it} to anyone. "
        f"Send {it} to {esc(counselor)}"
        # ``covering``: whom they stand in for, away (newcomer20 N192: "Send them to Dana Rivera?" went to Pat).
        + (f", covering for {esc(covering)}" if covering else "")
        + f"?\nIf you don't choose, nothing is sent and I delete {it} after {hours} hours.\n"
        "To tell me how you're doing, use /checkin. If you need help now, use /sos."
    )


def unsent_dropped(count: int) -> str:
    """ "Don't send": nothing went anywhere, and the words are gone."""
    it = "it" if count == 1 else "them"
    return f"Okay, I didn't send {it}, and I've deleted {it}."


UNSENT_GONE = "Those words are no longer kept here (sent, deleted or older than a day)."
# A tap on an older offer while its words are still kept with newer ones (newcomer finding 10-3): the
# choice is asked again for all of them, never answered "gone".
UNSENT_STILL_KEPT = "Your words are still kept, with what you wrote after them. Choose below."


PATIENT_MESSAGE_LOCKED = (
    "🔒 A patient sent you a message. Tap <b>Show message</b> to read it (your PIN first)."
)
MESSAGE_GONE = "That message is no longer available (the patient may have erased their data)."


def counselor_changed(name: str, language: str = "en") -> str:
    """To the patient: their counselor is now someone else (newcomer5 finding 12). Discreet: a lock screen
    shows it."""
    if language == "es":
        return (
            f"Desde ahora, tu consejero o consejera es {esc(name)}. Lo que escribas con /mensaje o con Responder le llega a "
            f"{esc(name)} desde ahora."
        )
    return f"Your counselor is now {esc(name)}. What you write with /message or Reply goes to {esc(name)} from now on."


def weekly_from_now(language: str = "en") -> str:
    """To the patient, once their daily part ends (`patient discharge`; newcomer8 N12: nothing was said and the
    prompts just stopped). Discreet: a lock screen shows it."""
    if language == "es":
        return (
            "Desde ahora te escribiré una vez por semana para saber cómo estás, en lugar de cada día, y ya no "
            "recibirás recordatorios de sesiones. Puedes escribir aquí cuando quieras, y /sos sigue aquí si "
            "necesitas ayuda."
        )
    return (
        "From now on I'll check in with you once a week instead of every day, and session reminders have "
        "stopped. You can still write here any time, and /sos is here if you need help."
    )


def counselor_patient_discharged(alias: str) -> str:
    """To the counselor: their patient moved to aftercare by `iop-bot patient discharge`."""
    return (
        f"📋 <b>{esc(alias)}</b> is now in aftercare: weekly check-ins, no session reminders. They have been "
        "told; their records stay on their page."
    )
