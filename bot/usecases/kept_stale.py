"""Kept unsent words past ``KEEP_FOR`` erased, as the patient was promised: one patient's (its timer) or every
patient's (the sweep that keeps the promise across restarts). Runs on the store thread."""

from __future__ import annotations

from datetime import datetime

from bot.store.repository import Repository
from bot.usecases.patient_text import KEEP_FOR, forget_kept, kept_record, kept_texts


def forget_stale(repo: Repository, patient_id: str, now: datetime) -> bool:
    """Erase kept texts past ``KEEP_FOR`` (the bounded lifetime the patient was promised)."""
    if _forget_stale(repo, patient_id, now):
        repo.inbox.scrub()
        return True
    return False


def _forget_stale(repo: Repository, patient_id: str, now: datetime) -> bool:
    kept = kept_record(repo, patient_id)
    if kept is None:
        repo.clear_kept(patient_id)  # sent or dropped meanwhile
        return False
    if kept_texts(kept, now):
        return False
    forget_kept(repo, patient_id)
    return True


def forget_all_stale(repo: Repository, now: datetime) -> list[str]:
    """Erase every patient's kept text past ``KEEP_FOR`` (the sweep that keeps the promise across restarts)."""
    forgotten = []
    for pid, since in repo.kept_since().items():
        if now - since <= KEEP_FOR:
            continue
        if repo.patient(pid) is None:  # gone from the roster: nothing of theirs to open
            repo.clear_kept(pid)
        elif _forget_stale(repo, pid, now):
            forgotten.append(pid)
    if forgotten:
        repo.inbox.scrub()  # one rewrite for all of them
    return forgotten
