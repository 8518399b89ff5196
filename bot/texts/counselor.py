"""The counselor's workspace: caseload, patient view, relayed messages, exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from bot.texts.alarms import alarm
from bot.texts.base import MAX_MESSAGE, NOT_ANSWERED, day_label, esc, zoned
from bot.texts.erasures import erased_on

BTN_ACK_FLAGS = "Acknowledge flags"
BTN_MESSAGE_PATIENT = "Message patient"
BTN_EXPORT = "Export CSV"
BTN_NOTES = "Full notes"
BTN_PLAN = "Safety plan"
BTN_THREAD = "Messages"
NOTE_PREVIEW = 120  # characters of a note on the page; the whole note is behind BTN_NOTES
NO_NOTES = "No notes in the last check-ins."
NO_MESSAGES = "No messages yet."
NO_PLAN = "No safety plan written yet."
ARROWS = {"up": "↑", "down": "↓", "flat": "→", "unknown": ""}
HELPED = {"yes": "helped", "somewhat": "helped somewhat", "no": "did not help"}  # a coping skill tried

CASELOAD_EMPTY = "You have no patients yet. Invite one with <code>iop-bot enroll</code>."
NOT_A_COUNSELOR = "That's only for counselors."
NOT_YOUR_PATIENT = "That patient isn't on your caseload."
NO_FLAGS = "No open flags."
CANNOT_MESSAGE = "This patient has withdrawn: the bot can't message them."


def message_failed(alias: str, text: str) -> str:
    """A counselor's message Telegram would not take after several tries: said plainly, with their words,
    and the relay left open so sending it again needs no page."""
    return (
        f"⚠️ Your message to <b>{esc(alias)}</b> was not delivered (Telegram failed several times). Send it again "
        f"here to try once more (still for {esc(alias)}), or call them. Your words:\n<blockquote>{esc(text)}</blockquote>"
    )


EXPORT_USAGE = "Usage: <code>/export ALIAS</code>, e.g. <code>/export Alex</code>."
EXPORT_UNKNOWN = "No patient with that alias on your caseload."


def patient_withdrawn(alias: str, day: date | None) -> str:
    """Why "Message patient" is refused: they withdrew consent, so the bot stays silent to them."""
    when = f" on {day:%a} {day.day} {day:%b}" if day else ""
    return (
        f"<b>{esc(alias)}</b> withdrew consent with /stop{when}, so the bot no longer sends them "
        "anything. Nothing was sent. To reach them, use the contact details your program holds."
    )


STATUS_LABELS = {
    "active": "active",
    "aftercare": "aftercare",
    "inactive": "inactive (stopped answering)",
    "withdrawn": "withdrawn with /stop: the bot can't message them",
    "closed": "withdrawn: an admin closed the enrollment, so the bot can't message them",
    "setting up": "hasn't finished set-up (no time zone yet): gets no check-in prompts or session reminders",
    "setting up: check-in time": "hasn't finished set-up (no check-in time): no check-in prompts; session reminders go",
}


def caseload_line(
    alias: str,
    last: str,
    mood: str,
    craving: str,
    flags: Sequence[str],
    today: str = "",
    status: str = "active",
    urgent_open: int = 0,
    erased: date | None = None,
    lately: int = 0,
    erased_by: str = "/delete",
    gravest: str = "",
    open_minutes: int | None = None,
) -> str:
    """One patient line: an unacknowledged urgent alert, status when not active, open flags and today's
    answers first, then 7-day numbers; ``erased``: the day their data was erased (``erased_by``: /delete,
    retention, the program), said in place of "last check-in never" when nothing came since."""
    # ``lately``: urgent alerts acknowledged in the last days; ``gravest``/``open_minutes``: the open ones' worst kind
    # and the oldest one's age (newcomer16 N126)
    alarmed = alarm(urgent_open, lately, gravest=gravest, minutes=open_minutes)
    shown = f" · <i>{esc(STATUS_LABELS.get(status, status))}</i>" if status != "active" else ""
    flagged = f" · ⚑ {esc(', '.join(flags))}" if flags else ""
    today_line = f"\n   {today}" if today else ""
    when = f"last check-in {esc(last)}" if erased is None else erased_on(erased_by, erased)
    return (
        f"{alarmed}<b>{esc(alias)}</b>{shown}{flagged}{today_line}\n"
        f"   7 days: mood {mood} · craving {craving} · {when}"
    )


def todays_answers(answers: Mapping[str, object] | None) -> str:
    """Today's own numbers ("today: mood 1 · craving 9 · used: yes"), or that there are none yet."""
    if answers is None:
        return "today: no check-in yet"
    parts = [f"{key} {answers[key]}" for key in ("mood", "craving") if isinstance(answers.get(key), int)]
    if answers.get("used") in (0, 1):
        parts.append("used: yes" if answers["used"] == 1 else "used: no")
    if answers.get("medication") == 0:
        parts.append("missed medication")
    return "today: " + (" · ".join(parts) if parts else "checked in, numbers skipped")


def number(value: float | None, trend: str) -> str:
    """A 7-day average with its trend arrow."""
    return "–" if value is None else f"{value:.1f}{ARROWS.get(trend, '')}"


def checkin_line(day: date, cells: Sequence[tuple[str, str | None]], note: str | None) -> str:
    """One check-in on the patient page: the day, each answer in words (None: not answered), and the start of
    the note."""
    answers = (
        " · ".join(
            f"{esc(label)}: {NOT_ANSWERED}" if value is None else f"{esc(label)} {esc(value)}"
            for label, value in cells
        )
        or "no answers"
    )
    line = f"<b>{day:%a} {day.day} {day:%b}</b>: {answers}"
    if note:
        short = note if len(note) <= NOTE_PREVIEW else note[:NOTE_PREVIEW].rstrip() + "…"
        line += f"\n   📝 “{esc(short)}”"
    return line


def dated_flag(label: str, days: Sequence[date], count: int) -> str:
    """One kind of open flag on a patient's page with its days and how many (newcomer18 N161: "can't make it, use
    reported, high craving, …" with no day on any): "use mentioned ×2 (Mon 30 Nov, Wed 2 Dec)". Plain: escaped
    where it is shown."""
    times = f" ×{count}" if count > 1 else ""
    if not days:
        return f"{label}{times}"
    if len(days) > 3:
        return f"{label}{times} ({day_label(days[0])} to {day_label(days[-1])}, on {len(days)} days)"
    return f"{label}{times} ({', '.join(day_label(d) for d in days)})"


def patient_view(
    alias: str,
    status: str,
    cohort: str,
    flags: Sequence[str],
    checkins: Sequence[str],
    coping: Sequence[tuple[str, str]],
    extra: Sequence[str] = (),
    tail: str = "",
    today: str = "",
    language: str = "en",
) -> str:
    """The patient page: status, flags and today's answers first, ``extra`` lines (HTML), the last
    check-ins (newest first), then ``tail``. A patient who reads Spanish says so in the first line
    (their notes and messages are likely Spanish; the bot writes to them in Spanish)."""
    head = f"<b>{esc(alias)}</b> · {esc(STATUS_LABELS.get(status, status))}" + (
        f" · {esc(cohort)}" if cohort else ""
    )
    head += " · Language: Spanish" if language == "es" else ""
    top = [head, "⚑ Open flags: " + esc("; ".join(flags)) if flags else "No open flags."]
    top += [f"<b>{esc(today)}</b>"] if today else []
    top += extra
    if coping:
        tried = (f"{name} ({HELPED.get(helped, helped)})" for name, helped in coping)
        top.append("Coping skills tried: " + esc("; ".join(tried)))
    body = "\n".join(top) + "\n\n<b>Last check-ins</b>, newest first\n"
    after = f"\n\n{tail}" if tail else ""
    room = MAX_MESSAGE - len(body) - len(after)
    return body + fit_lines(list(checkins) or ["No check-ins yet."], room) + after


def fit_lines(lines: Sequence[str], room: int) -> str:
    """Whole lines within ``room`` characters (never half a tag), saying how many were left out."""
    kept: list[str] = []
    used = 60  # the "left out" line
    for line in lines:
        if used + len(line) + 1 > room:
            return "\n".join([*kept, f"… and {len(lines) - len(kept)} older: see {BTN_EXPORT}."])
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept)


THREAD_FROM_YOU = "you"  # who sent the latest message in the thread_line below
THREAD_FROM_COLLEAGUE = "a counselor"


def thread_line(count: int, last_from: str, at: datetime) -> str:
    """The thread on the patient page: how many messages, and the latest."""
    plural = "message" if count == 1 else "messages"
    return (
        f"💬 {count} {plural}, the latest from {esc(last_from)}, {zoned(at)}. Tap {BTN_THREAD} to read them."
    )


def plan_line(updated: date) -> str:
    """The safety plan on the patient page."""
    return f"🛟 Safety plan updated {updated:%a} {updated.day} {updated:%b}. Tap {BTN_PLAN} to read it."


def counselor_plan(alias: str, plan: str) -> str:
    """The patient's safety plan (already HTML), for their counselor."""
    return f"<b>{esc(alias)}</b>: safety plan\n\n{plan}"


def notes_pages(alias: str, notes: Sequence[tuple[date, str]]) -> list[str]:
    """Every note of the last check-ins, whole, newest first (as many messages as it takes)."""
    blocks = [f"<b>{day:%a} {day.day} {day:%b}</b>\n{esc(_cut(note))}" for day, note in notes]
    return pages(f"<b>{esc(alias)}</b>: check-in notes, newest first", blocks or [NO_NOTES])


def thread_pages(alias: str, messages: Sequence[tuple[str, datetime, str]]) -> list[str]:
    """The whole thread, oldest first: (who, when, what) each (as many messages as it takes)."""
    blocks = [f"<b>{esc(who)}</b>, {zoned(at)}\n{esc(_cut(text))}" for who, at, text in messages]
    return pages(f"<b>{esc(alias)}</b>: messages with their counselor, oldest first", blocks or [NO_MESSAGES])


def _cut(text: str, limit: int = 3000) -> str:
    return text if len(text) <= limit else text[:limit] + " … (cut)"


def ask_message(alias: str) -> str:
    """After "Message patient": what to type next."""
    return (
        f"Type your message for <b>{esc(alias)}</b>. It reaches them as from you, with a Reply button; "
        "their answer comes here. /cancel to stop."
    )


def message_sent(alias: str) -> str:
    """A counselor's message has reached the patient."""
    return f"Sent to {esc(alias)}. Their reply will come here."


def message_too_long(length: int, limit: int) -> str:
    """A counselor's message longer than one Telegram message can hold."""
    return f"That's {length} characters; one message holds {limit}. Please send a shorter one (or /cancel)."


def pages(title: str, blocks: Sequence[str]) -> list[str]:
    """A title and blocks packed into as few messages as fit, blocks whole."""
    out: list[str] = []
    current = title
    for block in blocks:
        if len(current) + len(block) + 2 > MAX_MESSAGE - 100:
            out.append(current)
            current = f"{title} (continued)"
        current += "\n\n" + block
    return [*out, current]


def relayed(counselor: str, text: str, language: str = "en") -> str:
    """A counselor's message as the patient receives it, its header in the patient's language (newcomer5
    finding 5: a Spanish patient read "Message from your counselor" around her counselor's words)."""
    if language == "es":
        return f"<b>Mensaje de {esc(counselor)}, tu consejero o consejera:</b>\n{esc(text)}"
    return f"<b>Message from your counselor {esc(counselor)}:</b>\n{esc(text)}"


def relayed_from_program(counselor: str, program: str, text: str, language: str = "en") -> str:
    """A message from a counselor who is not the patient's own (an admin's broadcast to a cohort): their name
    and the program, not "your counselor" (newcomer6 finding 24: another counselor's patients read "Message
    from your counselor Marcus Bell")."""
    if language == "es":
        return f"<b>Mensaje de {esc(counselor)}, de {esc(program)}:</b>\n{esc(text)}"
    return f"<b>Message from {esc(counselor)} at {esc(program)}:</b>\n{esc(text)}"


def relay_room(counselor: str, program: str | None = None) -> int:
    """How many characters a relayed message may have and still fit one Telegram message (in either
    language), from their own counselor or (``program``) from a colleague at the program."""
    if program is None:
        headers = [relayed(counselor, "", lang) for lang in ("en", "es")]
    else:
        headers = [relayed_from_program(counselor, program, "", lang) for lang in ("en", "es")]
    return MAX_MESSAGE - max(len(h) for h in headers) + len("<b></b>")


def counselor_chart_title(alias: str, days: int) -> str:
    """The title drawn on a patient's chart for the counselor (text in a picture, not HTML: not escaped)."""
    return f"{alias}: last {days} days"


def history_caption(alias: str, days: int) -> str:
    return f"{esc(alias)}: mood and craving, last {days} days"
