"""Words a patient writes while a crisis alert about them is open, or "Are you safe right now?" waits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import bullet_lines, esc, zoned, zoned_late
from bot.texts.counselor import pages

PART = 2500  # characters of one message per block, escaped, well inside one Telegram message


def words_after_alert(alias: str, at: datetime, written: datetime | None = None) -> str:
    """To each person who got the alert, as a reply to their copy: more words came (behind the PIN);
    ``written``: when, if well before the bot read them."""
    return (
        f"💬 <b>{esc(alias)}</b> wrote again, {zoned_late(at, written)}, after this alert. "
        "Tap <b>Show message</b> to read it."
    )


def edit_after_alert(alias: str, at: datetime) -> str:
    """To each person who got the alert: the patient edited a message after it (newcomer24 N253: a retraction, or
    a change of words, is what the person calling needs to know); the new words behind the PIN."""
    return (
        f"✏️ <b>{esc(alias)}</b> edited a message, {zoned(at)}, after this alert (the alert stands). "
        "Tap <b>Show message</b> to read what it says now."
    )


def edit_followed(names: Sequence[str], language: str = "en") -> str:
    """To the patient who edited a message while an alert about them is followed: who has the new words."""
    if language == "es":
        return (
            f"Vi que editaste un mensaje: le pasé lo que dice ahora a {_names(names, 'y')}, que tienen mi mensaje "
            "urgente sobre ti; lo que enviaste primero también lo tienen. Si te entendí mal, dímelo con un mensaje nuevo."
        )
    return (
        f"I saw you edited a message: I've passed what it says now to {_names(names, 'and')}, who have my urgent "
        "message about you; they have what you first sent too. If I misunderstood you, tell me in a new message."
    )


def crisis_words_after_alert(alias: str, at: datetime, reading: str, written: datetime | None = None) -> str:
    """Crisis words said again while the alert is open: a card of its own, never folded into a "wrote again"
    count (newcomer15 N125: "bye" after "i have the rope" read as "wrote again: 3 messages"), with the reading."""
    return (
        f"🚨 <b>{esc(alias)}</b> wrote crisis words again, {zoned_late(at, written)}, after this alert, read as: "
        f"<b>{esc(reading)}</b>. They were sent the crisis lines again. Tap <b>Show message</b> to read it."
    )


def words_answer_after_alert(alias: str, at: datetime, written: datetime | None = None) -> str:
    """To the person who wrote to the patient after the alert: their answer, a message of its own (newcomer14
    N97: folded into an older "wrote again" card, it arrived without a sound)."""
    return (
        f"↩️ <b>{esc(alias)}</b> answered your message, {zoned_late(at, written)} (after the alert). "
        "Tap <b>Show message</b> to read it."
    )


def words_gathered(alias: str, first: datetime, last: datetime, count: int) -> str:
    """The same card once more words came close after (newcomer5 finding 20): how many, from when to when."""
    span = zoned(first) if zoned(first) == zoned(last) else f"{zoned(first)} to {zoned(last)}"
    return (
        f"💬 <b>{esc(alias)}</b> wrote again: {count} messages, {span}, after this alert. "
        "Tap <b>Show messages</b> to read them all."
    )


def words_shown(alias: str, rows: Sequence[tuple[datetime, str]]) -> list[str]:
    """Every message a gathered card stands for, oldest first, in as many messages as it takes."""
    blocks = []
    for at, text in rows:
        # Whole, however long: a long message spans blocks of PART characters, each marked.
        parts = [text[i : i + PART] for i in range(0, len(text), PART)] or [""]
        for n, part in enumerate(parts, 1):
            mark = f" (part {n} of {len(parts)})" if len(parts) > 1 else ""
            blocks.append(f"{zoned(at)}{mark}\n<blockquote>{esc(part)}</blockquote>")
    return pages(
        # newcomer22 N233: "(1 messages, oldest first)"
        f"💬 <b>{esc(alias)}</b> wrote, after the alert "
        + (f"({len(rows)} messages, oldest first):" if len(rows) != 1 else "(1 message):"),
        blocks,
    )


BTN_SHOW_MESSAGES = "Show messages"


def words_after_question(alias: str, at: datetime, written: datetime | None = None) -> str:
    """To the counselor: words typed while "Are you safe right now?" (after worrying words) waits."""
    return (
        f"💬 <b>{esc(alias)}</b> wrote, {zoned_late(at, written)}, while my question “Are you safe right now?” "
        "(asked after worrying words) was waiting for their answer. Tap <b>Show message</b> to read it."
    )


def _names(names: Sequence[str], conj: str) -> str:
    escaped = [esc(n) for n in names]
    return escaped[0] if len(escaped) == 1 else f"{', '.join(escaped[:-1])} {conj} {escaped[-1]}"


def words_followed(names: Sequence[str], language: str = "en") -> str:
    """To the patient: who has their words now (truthfully: only those Telegram took them to)."""
    if language == "es":
        return f"Le pasé tu mensaje a {_names(names, 'y')}."
    return f"I've passed that to {_names(names, 'and')}."


def message_while_alert(language: str = "en") -> str:
    """To the patient, before /message's prompt while a crisis alert about them is followed (newcomer22 N224): the
    words go to everyone the alert reached, not to one counselor in office hours."""
    if language == "es":
        return (
            "Tu equipo de atención tiene abierta la alerta urgente sobre ti: lo que escribas ahora les llega a todas "
            "las personas que la recibieron. Si estás en peligro ahora, usa /sos."
        )
    return (
        "Your care team has the urgent alert about you open: what you write now goes to everyone it reached. "
        "If you're in danger now, use /sos."
    )


def tap_to_answer(language: str = "en") -> str:
    """To the patient, after words that start with an answer to the open safety question and go on ("yes im safe,
    im with my sister"; newcomer16 N130): passed on, but not taken as the answer; the buttons still wait."""
    if language == "es":
        return (
            "Si eso responde a “¿Estás a salvo en este momento?”, toca también uno de los botones de arriba: así "
            "cuenta como tu respuesta."
        )
    return (
        "If that answers “Are you safe right now?”, please also tap one of the buttons above: then it counts as "
        "your answer."
    )


def media_told(names: Sequence[str], language: str = "en") -> str:
    """To the patient, under "typed messages only": who was told that they sent something."""
    if language == "es":
        return f"Le avisé a {_names(names, 'y')} que enviaste algo."
    return f"I've told {_names(names, 'and')} that you sent something."


def checkin_aside_kept(counselor: str, language: str = "en") -> str:
    """Words typed at a button question that answer nothing: kept, and when the counselor reads them."""
    if language == "es":
        who = esc(counselor) if counselor else "tu consejero o consejera"
        return (
            f"Guardé lo que escribiste con tu registro de hoy: cuando lo termines, {who} lo verá con tus "
            "respuestas. Si no lo terminas, te preguntaré antes de enviarlo."
        )
    who = esc(counselor) if counselor else "your counselor"
    return (
        f"I've kept what you wrote with today's check-in: when you finish it, {who} sees it with your answers. "
        "If you don't finish it, I'll ask you before sending it."
    )


def checkin_paged(language: str = "en") -> str:
    """After a check-in that paged the counselor: true, whatever a reply before it said about reviews."""
    if language == "es":
        return (
            "Por tus respuestas de hoy también le avisé a tu consejero o consejera ahora mismo, como algo urgente "
            "(no solo para su próxima revisión), para que se comunique contigo."
        )
    return (
        "Because of today's answers I've also let your counselor know right away, as urgent (not only at "
        "their next review), so they can reach out to you."
    )


def words_follow_failed(language: str = "en") -> str:
    """Stored on their page, but nobody could be reached now: the patient must not think it arrived."""
    if language == "es":
        return (
            "Guardé tu mensaje, pero no pude entregarlo ahora. Tu consejero o consejera lo verá en tu página. "
            "Si necesitas ayuda ya, usa /sos."
        )
    return (
        "I saved your message, but I couldn't deliver it just now. Your counselor will see it on your "
        "page. If you need help now, use /sos."
    )


def checkin_safety_question(language: str, lines: Sequence[str], after_hours: str = "") -> str:
    """After check-in answers that paged the counselor (no crisis words needed): the question and the lines,
    with the program's after-hours line (newcomer7 N7), as after crisis words, so the patient is never only
    told that someone else was told."""
    if language == "es":
        extra = f"\n• Nuestra línea fuera de horario: {esc(after_hours)}" if after_hours else ""
        return (
            "Tus respuestas de hoy me preocupan. <b>¿Estás a salvo en este momento?</b>\n\n"
            f"Si estás en peligro o piensas en hacerte daño, habla con alguien ahora:\n{bullet_lines(lines)}{extra}"
        )
    extra = f"\n• Our after-hours line: {esc(after_hours)}" if after_hours else ""
    return (
        "Your answers today worry me. <b>Are you safe right now?</b>\n\n"
        f"If you're in danger or thinking of hurting yourself, reach someone now:\n{bullet_lines(lines)}{extra}"
    )
