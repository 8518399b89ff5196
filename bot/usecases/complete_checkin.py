"""Completing a check-in: the entry, its risk flags, an urgent page and the closed draft, in one store call.

Runs on the store thread (takes the repository). The entry, its flags and the closed draft are one
write to the patient's file; the page (in the index) is written just before it. A failure leaves the
draft in place, and replaying it changes nothing twice: the entry id is the draft id, a flag is keyed
by kind and day, and the page by the entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.checkins import (
    DRAFT_MAX_AGE,
    RISK_ITEMS,
    Answer,
    CheckinConfig,
    Draft,
    Entry,
    complete,
    current_item,
    is_expired,
    local_date,
)
from bot.domain.escalation import Alert
from bot.domain.flag_rules import FlagRules, Rule, checkin_flags
from bot.domain.models import Patient
from bot.domain.progress import streak
from bot.store.repository import Repository
from bot.usecases.patient_text import keep_unsent


@dataclass(frozen=True)
class Finished:
    """What the patient and their counselor are told after a check-in."""

    entry: Entry
    tripped: tuple[Rule, ...]
    page: Alert | None  # a new urgent alert to deliver now; None when nothing is urgent (or already paged)
    streak: int
    # What was answered now (a skipped item: the day's earlier answer): what the patient is told about. The
    # stored day keeps its harder answers (``entry``); ``kept_earlier`` names the items where it did.
    answered: Mapping[str, Answer]
    kept_earlier: tuple[str, ...] = ()

    @property
    def now(self) -> Entry:
        """This check-in as answered, for the patient's summary (newcomer9 N9: a second check-in's "7, 2,
        No" was summed up with the morning's 6 and 3 and thanked for disclosing use)."""
        return replace(self.entry, answers=dict(self.answered))


def alert_id(patient: Patient, entry: Entry) -> str:
    """The same id for a replayed entry, so a retry never pages twice."""
    return f"c{patient.patient_id}{entry.entry_id}"


def close_checkin(repo: Repository, patient_id: str, now: datetime) -> bool:
    """Drop the open check-in (True if there was one); words typed between its questions are kept unsent
    for the patient to send or not, never dropped with it."""
    stored = repo.draft(patient_id)
    repo.save_draft(patient_id, None)
    repo.set_pending_input(patient_id, None)
    if stored is not None and (asides := Draft.from_dict(stored).asides):
        keep_unsent(repo, patient_id, asides, now)
    return stored is not None


def finish_checkin(
    repo: Repository,
    patient: Patient,
    draft: Draft,
    *,
    now: datetime,
    tz: ZoneInfo,
    config: CheckinConfig,
    rules: FlagRules,
    page: bool = True,
) -> Finished:
    """Store the entry, raise its flags and (when a rule is urgent and ``page``) its alert, then drop the draft.

    ``page`` is False when the same message already paged the counselor (crisis words in the note):
    the flags are still raised, but the counselor gets one alert, not two.
    """
    pid = patient.patient_id
    alert = None
    with repo.patient_write(pid):  # the entry, its flags and the closed draft: all on disk, or none
        fresh = complete(draft, now=now, tz=tz)
        entry = repo.record_checkin(pid, fresh, config)
        # The day keeps its worse answers (bot/domain/checkins.py), but flags and the page read what was
        # answered now (a skipped item: the day's earlier answer): the morning's answers raised their own.
        answered = {**entry.answers, **{k: v for k, v in fresh.answers.items() if v is not None}}
        tripped = tuple(checkin_flags(answered, rules))
        for rule in tripped:
            details = {"entry": entry.entry_id, "urgency": rule.urgency}
            repo.raise_flag(pid, rule.kind, f"{rule.kind}:{entry.local_date}", now, details)
        repo.save_draft(pid, None)
        repo.set_pending_input(pid, None)
        # The page is another file, so it is written first: if the patient's file then fails, the
        # counselor is paged for an answer the patient is asked to send again, never left unpaged.
        if page and any(r.urgent for r in tripped) and repo.alert(alert_id(patient, entry)) is None:
            alert = Alert(alert_id(patient, entry), "checkin", pid, patient.counselor_id, now, "", True)
            repo.add_alert(alert)
    days = streak({e.local_date for e in repo.checkins(pid)}, local_date(now, tz))
    kept = tuple(k for k in RISK_ITEMS if k in answered and entry.answers.get(k) != answered[k])
    return Finished(entry, tripped, alert, days, answered, kept)


def note_ends_urgent(
    repo: Repository, patient_id: str, config: CheckinConfig, rules: FlagRules, now: datetime
) -> bool:
    """Whether typed words are the note that ends an open check-in whose answers page the counselor at once.
    The screen answers the note first; it must not promise "your counselor will see this at their next
    review" seconds before the check-in says they were told now, as urgent (newcomer16 N120). Skipped
    items count as not answered here, so this may say False where the day's earlier answers page: then
    the check-in's own last message still says the counselor was told now."""
    stored = repo.draft(patient_id)
    draft = Draft.from_dict(stored) if stored else None
    item = current_item(config, draft) if draft is not None else None
    if draft is None or item is None or item.kind != "text" or is_expired(draft, now, DRAFT_MAX_AGE):
        return False
    if any(i.key not in draft.answers for i in config.items if i.key != item.key):
        return False  # another question follows the note: the check-in does not end with these words
    answered = {k: v for k, v in draft.answers.items() if v is not None}
    return any(rule.urgent for rule in checkin_flags(answered, rules))
