"""Counselor digests: the screen before each group session and the daily one (/digest)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from bot.texts.base import MAX_MESSAGE, clock, day_label, esc, zoned
from bot.texts.closing import as_closed
from bot.texts.flag_days import flag_dated

if TYPE_CHECKING:  # plain data only; texts never import logic at run time
    from bot.domain.digest import Attendee, DailyRow

DIGEST_USAGE = (
    "<code>/digest 07:30</code> (or <code>7:30am</code>) sets a daily digest at that time, "
    "<code>/digest off</code> stops it."
)
DIGEST_OFF = "Daily digest turned off. Pre-group digests still come before each group."
DIGEST_OPEN_HINT = "Tap a name to open their page."
BTN_SHOW_DIGEST = "Show digest"
# Lines a digest section lists before "… and N more" (newcomer12 N85: readable with many).
DIGEST_SECTION_CAP = 12


def digest_more_names(shown: int, more: int) -> str:
    """Under a digest with more names to open than buttons: which have one, where the others are."""
    return f"Buttons for the first {shown}, most urgent first; {_n(more, 'other')}: open them from /caseload."


# After a locked notice: shown only when the digest's session or day can no longer be rebuilt.
# A digest that could not be put together (audit, session 15): said, never left to look like a quiet day. Nothing
# about anyone: it is sent when the digest's own checks (the PIN lock) could not run.
DIGEST_FAILED = (
    "Your digest could not be put together just now (an error on our side; it is logged for the admins). "
    "Open /caseload to see who needs you today."
)
DIGEST_GONE = "That digest is no longer available. /caseload shows everyone now."


def digest_set(at: time, zone: str, sent_today: time | None = None) -> str:
    """The confirmation of a new daily time; ``sent_today``: when today's went out already (one a day: newcomer24
    N272, a later time the same day brought nothing and nothing said why)."""
    said = f"Daily digest set for <b>{clock(at)}</b> ({esc(zone)}) every day. /digest off turns it off."
    if sent_today is None:
        return said
    return f"{said}\nToday's digest went out already at {clock(sent_today)}: the next comes tomorrow at {clock(at)}."


def digest_setting(at: time | None, zone: str, lead_min: int) -> str:
    """What /digest shows: the daily time, the pre-group lead, and how to change them."""
    daily = (
        f"Your daily digest comes every day at <b>{clock(at)}</b> ({esc(zone)})."
        if at
        else "Your daily digest is <b>off</b>."
    )
    pre = (
        f"Before each group session with your patients, a digest comes <b>{lead_min} min</b> ahead."
        if lead_min > 0
        else "Pre-group digests are turned off for this program."
    )
    return f"{daily}\n{pre}\n\n{DIGEST_USAGE}"


# Urgent alerts still open, per patient: (alias, how many, when the oldest was raised, in the program's zone, what
# they were about: the flag labels, as the caseload's rows say them).
Unacked = Sequence[tuple[str, int, datetime, Sequence[str]]]


def _notice(what: str, attention: int, urgent: int = 0) -> str:
    """A digest sent while locked: counts only, never a name, a flag or a reason (it shows on lock screens)."""
    need = (
        "nobody needs your attention"
        if attention == 0
        else f"{attention} need{'s' * (attention == 1)} your attention"
    )
    if urgent:
        need += f", and {_n(urgent, 'urgent alert')} {'is' if urgent == 1 else 'are'} not acknowledged"
    return f"🔒 {what} is ready: {need}.\nTap <b>{BTN_SHOW_DIGEST}</b> to see it (your PIN first)."


def _when(at: datetime, today: date) -> str:
    """A group's time as a counselor reads it: "today at 6:00 PM", "on Wed 2 Dec at 6:00 PM" (the day as in
    every counselor text; the patients' reminders keep their own wording, texts/sessions.py)."""
    days = (at.date() - today).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"on {day_label(at)}"
    return f"{day} at {clock(at.time())}"


def group_digest_notice(at: datetime, today: date, attention: int, urgent: int = 0) -> str:
    """The pre-group digest as a locked notice (no cohort name: it may name the program)."""
    return _notice(f"Your digest for group {_when(at, today)}", attention, urgent)


def daily_digest_notice(day: date, attention: int, urgent: int = 0) -> str:
    """The daily digest as a locked notice."""
    return _notice(f"Your daily digest for {day_label(day)}", attention, urgent)


def _unacked(urgent: Unacked, where: str = "", new: Collection[str] = ()) -> list[str]:
    """First on a digest: urgent alerts nobody acknowledged, each patient with what the alerts are about
    (newcomer7 finding N17: after a night of unanswered reminders the morning digest read "P07: overdose, said
    not safe" like any other flag; newcomer12 N85: a count of alerts said nothing of what they were)."""
    lines = [
        ("🆕 " if alias in new else "")
        + (
            f"{esc(alias)}: {esc(', '.join(kinds))}, since {zoned(oldest)}"
            if count == 1
            else f"{esc(alias)}: {count} alerts ({esc(', '.join(kinds))}), the oldest since {zoned(oldest)}"
        )
        for alias, count, oldest, kinds in urgent
    ]
    if not lines:
        return []
    return [*_section(f"🚨 Urgent alerts not acknowledged{where}", lines), "Open them from /caseload.", ""]


def _elsewhere(count: int) -> list[str]:
    """Under a group's digest: the counselor's other open alerts, counted, never named (newcomer9 N54)."""
    if not count:
        return []
    more = "1 more urgent alert" if count == 1 else f"{count} more urgent alerts"
    return [
        f"🚨 <b>{more} not acknowledged</b>, about patients outside this group: open them from /caseload.",
        "",
    ]


def _n(count: int, word: str) -> str:
    """ "1 patient", "3 patients"."""
    return f"{count} {word}{'s' * (count != 1)}"


def _scores(a: Attendee) -> str:
    answers = a.checkin.answers if a.checkin else {}
    mood, craving = answers.get("mood"), answers.get("craving")
    return f"mood {'–' if mood is None else mood}, craving {'–' if craving is None else craving}"


def _section(title: str, lines: Sequence[str], *, empty: str | None = None) -> list[str]:
    """A bold title with its count, then one bullet per line (left out when empty, unless ``empty``), the first
    ``DIGEST_SECTION_CAP`` only and a count of the rest (newcomer12 N85: a long list buried the rest)."""
    if not lines:
        return [f"<b>{title}</b>: {empty}"] if empty else []
    shown = lines[:DIGEST_SECTION_CAP]
    more = [f"… and {len(lines) - len(shown)} more: see /caseload."] if len(shown) < len(lines) else []
    return [f"<b>{title}</b> ({len(lines)})", *(f"• {line}" for line in shown), *more]


def _names(title: str, names: Sequence[str]) -> list[str]:
    """A short list on one line: who is coming, who has not answered."""
    return [f"<b>{title}</b> ({len(names)}): {', '.join(names)}"] if names else []


def group_digest(
    cohort: str,
    at: datetime,
    today: date,
    attendees: Sequence[Attendee],
    *,
    others: int = 0,
    urgent: Unacked = (),
    elsewhere: int = 0,
    handled: Sequence[str] = (),
) -> str:
    """One screen before a group session (program time), about the group; ``attendees`` come most urgent
    first, ``others`` of them another counselor's (an admin's digest covers the whole cohort); ``urgent``: the
    group's open alerts, ``elsewhere``: how many more are open about the counselor's other patients; ``handled``:
    the lines of the group's alerts of the last day acknowledged already (newcomer21 N188)."""
    whose = "of yours" if not others else f"in this group, {len(attendees) - others} of them yours"
    flagged = [f"{esc(a.alias)}: {esc(', '.join(a.flags))}" for a in attendees if a.flags]
    cant = [
        esc(a.alias) + (f", reason: “{esc(a.reason)}”" if a.reason else ", no reason given")
        for a in attendees
        if a.rsvp == "n"
    ]
    late = [esc(a.alias) for a in attendees if a.rsvp == "l"]
    checked = [f"{esc(a.alias)}: {_scores(a)}" for a in attendees if a.checkin]
    head = [
        f"<b>Before group</b> {_when(at, today)}: {esc(cohort)}",
        f"{_n(len(attendees), 'patient')} {whose} · {len(checked)} checked in today · {len(flagged)} flagged"
        f" · {len(cant)} can't come · {len(late)} running late",
        "",
    ]
    lines = [
        *_unacked(urgent, " in this group"),
        *handled,
        *_elsewhere(elsewhere),
        *_section("Flagged", flagged, empty="nobody"),
        *_section("Can't come", cant),
        *_section("Running late", late),
        *_section("Checked in today", checked, empty="nobody yet"),
        *_names("Not checked in today", [esc(a.alias) for a in attendees if not a.checkin]),
        *_names("Coming", [esc(a.alias) for a in attendees if a.rsvp == "y"]),
        *_names("No answer yet", [esc(a.alias) for a in attendees if a.rsvp is None]),
    ]
    tail = ["", DIGEST_OPEN_HINT] if any(a.needs_attention for a in attendees) else []
    return _fit(head, lines, tail)


def _yesterday(day: date, rows: Sequence[DailyRow]) -> list[str]:
    """A morning digest's line on the previous day (newcomer16 N137: evening check-ins made every morning digest
    read "0 checked in today"): who was expected, how many checked in, who did not."""
    expected = [r for r in rows if r.checked_yesterday is not None]
    if not expected:
        return []
    done = sum(bool(r.checked_yesterday) for r in expected)
    line = f"Yesterday ({day_label(day)}): {done} of {len(expected)} checked in"
    missing = [esc(r.alias) for r in expected if not r.checked_yesterday]
    if missing:
        shown = missing[:DIGEST_SECTION_CAP]
        more = f" and {len(missing) - len(shown)} more" if len(shown) < len(missing) else ""
        line += f"; no check-in: {', '.join(shown)}{more}"
    return [line]


def daily_digest(
    day: date,
    rows: Sequence[DailyRow],
    urgent: Unacked = (),
    *,
    yesterday: date | None = None,
    new: Collection[str] = (),
    last: datetime | None = None,
    handled: Sequence[str] = (),
) -> str:
    """The daily digest of the counselor's active patients; ``rows`` come most urgent first. A morning one
    (``yesterday``) also says how the previous day went; the patients in ``new`` have an urgent alert raised since
    the ``last`` digest, marked 🆕."""
    # A closed enrollment's flags ("crisis language after /stop") never say /stop (newcomer14 N102).
    dated = [
        ", ".join(flag_dated(f, r.days[i] if i < len(r.days) else None, day) for i, f in enumerate(r.flags))
        for r in rows
    ]  # each flag with its day and age (newcomer20 N206)
    flagged = [_closed(r, f"{_who(r)}: {esc(d)}") for r, d in zip(rows, dated, strict=True) if r.flags]
    missed = [f"{esc(r.alias)}: {_n(r.missed, 'day')} in a row" for r in rows if r.missed]
    active = [r for r in rows if r.status == "active"]  # the others are here for an open alert only
    checked = sum(r.checked_today for r in active)
    head = [
        f"<b>Daily digest</b>: {day_label(day)}",
        f"{_n(len(active), 'active patient')} · {checked} checked in today · {len(flagged)} flagged"
        f" · {len(missed)} with missed check-ins",
        *(_yesterday(yesterday, rows) if yesterday else []),
        "",
    ]
    # Nothing is planned for them until they finish (newcomer6 finding 34): said, never counted as quiet.
    unset = [esc(r.alias) for r in rows if r.status == "setting up"]
    # A time zone chosen: their session reminders go, only the prompts wait (gaps11 #7).
    no_time = [esc(r.alias) for r in rows if r.status == "setting up: check-in time"]
    if not flagged and not missed and not unset and not no_time and not urgent:
        return "\n".join([*head, *handled, "All quiet: no open flags and no missed check-ins."])
    marked = set(new) if last is not None else set()
    legend = (
        [f"🆕: new since your last digest ({zoned(last)})"]
        if last and marked & {u[0] for u in urgent}
        else []
    )
    lines = [*legend, *_unacked(urgent, new=marked), *handled, *_section("Open flags", flagged, empty="none")]
    lines += _section("Missed check-ins", missed)
    lines += _names("Set-up not finished (no check-in prompts or session reminders until they do)", unset)
    lines += _names(
        "Set-up not finished, no check-in time yet (no check-in prompts; session reminders go)", no_time
    )
    return _fit(head, lines, ["", DIGEST_OPEN_HINT])


def _closed(row: DailyRow, line: str) -> str:
    return as_closed(line) if row.status == "closed" else line


def _who(row: DailyRow) -> str:
    """A patient's name on the digest, with their status when they are not active (withdrawn, ...)."""
    return esc(row.alias) if row.status == "active" else f"{esc(row.alias)} ({esc(row.status)})"


def _fit(head: Sequence[str], lines: Sequence[str], tail: Sequence[str], limit: int = MAX_MESSAGE) -> str:
    """Whole lines only (never half a tag), cut within ``limit`` with a count of what was left out."""
    text = "\n".join([*head, *lines, *tail])
    if len(text) <= limit:
        return text
    kept: list[str] = []
    room = limit - len("\n".join([*head, *tail])) - 60  # room for the "more" line
    for line in lines:
        if len(line) + 1 > room:
            break
        kept.append(line)
        room -= len(line) + 1
    more = f"… and {len(lines) - len(kept)} more lines: see /caseload."
    return "\n".join([*head, *kept, more, *tail])
