"""A patient's typed words for their counselor: never thrown away.

Text typed outside any flow is the answer to the counselor's newest message (within ``REPLY_WINDOW``), sent to
them as a reply as "Reply" does; or kept unsent (pending input ``UNSENT``, in the patient's encrypted file) until
the patient chooses, for at most ``KEEP_FOR``. Runs on the store thread; each is one store operation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.domain.away import cover_for
from bot.domain.checkins import local_date
from bot.domain.escalation import Alert
from bot.domain.follow import followed_alert, routine_held_until
from bot.domain.models import Patient
from bot.domain.pieces import parts
from bot.store.message_data import Relayed
from bot.store.repository import Repository

UNSENT = "unsent"
# Long enough for "can you come in Monday?" sent on Friday and answered on Sunday.
REPLY_WINDOW = timedelta(days=3)
KEEP_FOR = timedelta(hours=24)
# A live exchange: texts this soon after the patient's last one to a counselor's message answer it too.
FOLLOW_UP = timedelta(minutes=30)


@dataclass(frozen=True)
class Passed:
    """Stored messages for a counselor, and the counselor's message they answer (None: written first)."""

    messages: tuple[Relayed, ...]
    reply_to: Relayed | None
    counselor_id: int


@dataclass(frozen=True)
class Followed:
    """Words written while a crisis alert is open (or just after): stored and passed with ``alert``; None
    when only an "Are you safe right now?" asked after worrying words waits (nobody was paged)."""

    message: Relayed
    alert: Alert | None
    # The counselor's message, written since the alert, that these words answer: its writer gets them as a new
    # message, never only as an edit of an older "wrote again" card (newcomer14 N97: no sound, nothing arrived).
    answers: Relayed | None = None


@dataclass(frozen=True)
class Kept:
    """Text kept unsent until the patient chooses; ``count`` names the offer (older buttons are stale)."""

    count: int


def answered(thread: Sequence[Relayed], now: datetime) -> Relayed | None:
    """The counselor's message that free text answers: the thread's newest, if a counselor's and recent;
    or the newest counselor's message the patient is still answering (their last text to it less than
    ``FOLLOW_UP`` ago: people write two or three short messages in a row)."""
    latest = next((i for i in range(len(thread) - 1, -1, -1) if thread[i].sender == "counselor"), None)
    if latest is None or now - thread[latest].at > REPLY_WINDOW:
        return None
    since = thread[latest + 1 :]
    if since and now - since[-1].at > FOLLOW_UP:
        return None
    return thread[latest]


def _record(
    repo: Repository,
    patient: Patient,
    pieces: Sequence[str],
    reply_to: Relayed | None,
    now: datetime,
    written: Sequence[datetime | None] | datetime | None = None,
    standing: Sequence[int] = (),
) -> Passed:
    """Store the pieces for the counselor; ``written``: when the patient wrote them (one time for all, or
    one a piece), told to the counselor when well before now (gaps11 #9); ``standing``: see message_to."""
    to = message_to(repo, patient, now, reply_to.counselor_id if reply_to is not None else None, standing)
    when = list(written) if isinstance(written, Sequence) else [written] * len(pieces)
    stored = tuple(
        repo.record_message(
            patient.patient_id, "patient", to, patient.telegram_id, p, now, written=w, relayed=True
        )
        for p, w in zip(pieces, when, strict=True)
    )
    return Passed(stored, reply_to, to)


def message_to(
    repo: Repository, patient: Patient, now: datetime, writer: int | None = None, standing: Sequence[int] = ()
) -> int:
    """Whom the patient's /message goes to: their counselor, or the cover while they are away (newcomer16 N141;
    the day read in the patient's zone, else UTC: the store thread has no settings). ``writer``: a reply goes
    to the counselor whose message it answers, or their cover while they are away. ``standing``: who stands in
    for the patient's counselor, away with no cover (on call, else the admins: bot/jobs/present.py): the first
    gets it (newcomer20 N212: with the cover removed, /message went only to the counselor on leave)."""
    today = local_date(now, patient.tz) if patient.tz else now.date()
    to = cover_for(repo.aways(), patient.counselor_id if writer is None else writer, today)
    return standing[0] if standing and to == patient.counselor_id else to


def pass_message(
    repo: Repository,
    patient: Patient,
    text: str,
    now: datetime,
    written: datetime | None = None,
    standing: Sequence[int] = (),
) -> Passed:
    """/message or "Reply": store the message and close the question; after "Reply" it answers the
    counselor's newest message."""
    pending = repo.pending_input(patient.patient_id) or {}
    reply_to = None
    if pending.get("answering"):
        thread = repo.messages(patient.patient_id)
        reply_to = next((m for m in reversed(thread) if m.sender == "counselor"), None)
    repo.set_pending_input(patient.patient_id, None)
    return _record(repo, patient, [text], reply_to, now, written, standing)


def pass_note(repo: Repository, patient: Patient, text: str, now: datetime, room: int) -> Passed:
    """A check-in note asking for someone to reach them: to the counselor as messages as well (the note
    itself stays with the check-in; pending input is the check-in's and is left alone)."""
    return _record(repo, patient, parts(text, room), None, now)


def kept_texts(kept: dict[str, Any] | None, now: datetime) -> list[str]:
    """The unsent texts kept, or none when there are none or they are past ``KEEP_FOR``."""
    if not kept:
        return []
    since = datetime.fromisoformat(str(kept.get("since")))
    return [str(t) for t in kept.get("texts", [])] if now - since <= KEEP_FOR else []


def _written(kept: dict[str, Any] | None, now: datetime) -> list[str]:
    """When each kept text was written (ISO; "" where an older version did not keep it)."""
    n = len(kept_texts(kept, now))
    return [*((kept or {}).get("written") or []), *[""] * n][:n]


def kept_record(repo: Repository, patient_id: str) -> dict[str, Any] | None:
    """The kept words: in their own slot, or (kept by an older version) in the pending input."""
    kept = repo.kept_unsent(patient_id)
    if kept is not None:
        return kept
    pending = repo.pending_input(patient_id)
    return pending if pending is not None and pending.get("kind") == UNSENT else None


def forget_kept(repo: Repository, patient_id: str) -> None:
    repo.set_kept_unsent(patient_id, None)
    pending = repo.pending_input(patient_id)
    if pending is not None and pending.get("kind") == UNSENT:  # kept by an older version
        repo.set_pending_input(patient_id, None)
    repo.clear_kept(patient_id)


def free_text(
    repo: Repository,
    patient: Patient,
    text: str,
    now: datetime,
    room: int,
    *,
    alerted: bool = False,
    question_open: bool = False,
    written: datetime | None = None,
) -> Passed | Followed | Kept | None:
    """Text outside any flow: a reply to the counselor when it answers them; None when the alert raised
    for these very words carries them (``alerted``); passed with the open crisis alert, or to the
    counselor while "Are you safe?" waits (``question_open``); else kept unsent (added to what is kept)."""
    pid = patient.patient_id
    reply_to = answered(repo.messages(pid), now)
    # While a crisis alert is open, words reach everyone it reached, even as a reply to one counselor
    # (newcomer finding 10-13: a reply went only to the counselor who had blocked the bot).
    # Under an open "Are you safe?" they answer the bot, not an older chat message (newcomer10 N3).
    if reply_to is not None and not question_open and (alerted or alert_followed(repo, pid, now) is None):
        return _record(repo, patient, parts(text, room), reply_to, now, written)
    if alerted:
        return None
    followed = follow(repo, patient, text, now, question_open=question_open, written=written)
    return followed if followed is not None else keep_unsent(repo, pid, [text], now, written)


def follow(
    repo: Repository,
    patient: Patient,
    text: str,
    now: datetime,
    *,
    question_open: bool = False,
    written: datetime | None = None,
) -> Followed | None:
    """Store words for the people a crisis alert about this patient reached (open, or raised within
    ``FOLLOW_FOR``), or for the counselor while "Are you safe?" waits; None when neither holds."""
    pid = patient.patient_id
    alert = alert_followed(repo, pid, now)
    if alert is None and not question_open:
        return None
    to = patient.counselor_id
    reply_to = answered(repo.messages(pid), now) if alert is not None else None
    answers = (
        reply_to if reply_to is not None and alert is not None and reply_to.at >= alert.created_at else None
    )
    message = repo.record_message(pid, "patient", to, patient.telegram_id, text, now, written=written)
    return Followed(message, alert, answers)


def routine_hold(repo: Repository, patient_id: str, now: datetime, hold: timedelta) -> datetime | None:
    """Until when this patient's routine pushes wait after a crisis alert about them (None: they do not)."""
    return routine_held_until((Alert.from_dict(r) for r in repo.patient_alerts(patient_id)), now, hold)


def alert_followed(repo: Repository, patient_id: str, now: datetime) -> Alert | None:
    """The crisis alert about this patient whose people get their next words (open, or raised within
    ``FOLLOW_FOR``), or None."""
    return followed_alert((Alert.from_dict(r) for r in repo.patient_alerts(patient_id)), now)


def keep_unsent(
    repo: Repository, patient_id: str, new: Sequence[str], now: datetime, written: datetime | None = None
) -> Kept:
    """Add texts to what is kept unsent until the patient chooses, with when each was written."""
    kept = kept_record(repo, patient_id)
    texts = [*kept_texts(kept, now), *new]
    when = [*_written(kept, now), *[(written or now).isoformat()] * len(new)]
    # The day is counted from the newest text: the offer that says "after 24 hours" is the newest one.
    repo.mark_kept(patient_id, now)  # first: a crash between leaves a row to sweep, never words without one
    # Words that needed a look still do with more beside them; asked again on the new day (kept_look.py).
    look = {"look": True} if (kept or {}).get("look") and kept_texts(kept, now) else {}
    repo.set_kept_unsent(patient_id, {"texts": texts, "since": now.isoformat(), "written": when, **look})
    pending = repo.pending_input(patient_id)
    if pending is not None and pending.get("kind") == UNSENT:  # now in their own slot
        repo.set_pending_input(patient_id, None)
    return Kept(len(texts))


def send_kept(
    repo: Repository, patient: Patient, count: int, now: datetime, room: int, standing: Sequence[int] = ()
) -> Passed | None:
    """ "Send": the kept texts go to the counselor as messages; None when this offer is no longer open."""
    kept = kept_texts(kept_record(repo, patient.patient_id), now)
    if not kept or len(kept) != count:
        return None
    times = [
        datetime.fromisoformat(w) if w else None for w in _written(kept_record(repo, patient.patient_id), now)
    ]
    forget_kept(repo, patient.patient_id)
    pieces = [(p, w) for t, w in zip(kept, times, strict=True) for p in parts(t, room)]
    return _record(repo, patient, [p for p, _ in pieces], None, now, [w for _, w in pieces], standing)


def kept_count(repo: Repository, patient_id: str, now: datetime) -> int:
    """How many texts are kept unsent now (0 once sent, dropped or past ``KEEP_FOR``)."""
    return len(kept_texts(kept_record(repo, patient_id), now))


# Words kept this recently go with an SOS "Tell my counselor" (newcomer finding 10-4): typed pleas a minute
# before the tap are what the person acting on it needs to read.
WITH_SOS = timedelta(hours=1)


def recent_kept(repo: Repository, patient_id: str, now: datetime, within: timedelta = WITH_SOS) -> list[str]:
    """The kept texts when the newest was written ``within`` (else none)."""
    kept = kept_record(repo, patient_id)
    texts = kept_texts(kept, now)
    if not texts or kept is None or now - datetime.fromisoformat(str(kept.get("since"))) > within:
        return []
    return texts


def forget_passed(repo: Repository, patient_id: str, passed: Sequence[str], now: datetime) -> None:
    """Forget the kept texts an alert now carries, unless more were kept meanwhile (then they wait for the
    patient's choice as before, and the alert's copy is the only extra one)."""
    if passed and kept_texts(kept_record(repo, patient_id), now) == list(passed):
        forget_kept(repo, patient_id)


def drop_kept(repo: Repository, patient: Patient, count: int, now: datetime) -> bool:
    """ "Don't send": forget the kept texts; False when this offer is no longer open."""
    kept = kept_texts(kept_record(repo, patient.patient_id), now)
    if not kept or len(kept) != count:
        return False
    forget_kept(repo, patient.patient_id)
    repo.inbox.scrub()  # the updates that carried them, as Telegram delivered them
    return True
