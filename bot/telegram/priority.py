"""Priority replies that did not go (a crisis answer through an outage) released once Telegram answers (ops O73).

A crisis answer Telegram did not take is tried again with growing waits (bot/handlers/safety_retry.py). After a
12-minute outage the answer waited out its 5-minute back-off while every routine push went at once: the patient
read "Your weekly questions are ready" before the crisis lines, 19 minutes after their words. So any Bot API success
(a routine push, the minute's health probe) runs every waiting priority reply at once, and a routine push to a
person whose crisis answer has not gone sends that answer first, or is held back with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram.error import NetworkError

if (
    TYPE_CHECKING
):  # bot/jobs/sending.py imports this, and the services import it: a runtime import is circular
    from bot.telegram.services import App

JOB = "safety-reply"  # the job name of a priority reply's next try


class HeldForPriority(NetworkError):
    """A routine push held back: this person's crisis answer has not gone yet (tried again later, like an outage)."""


def _waiting(app: App, chat_id: int | None = None) -> list[Any]:
    if app.job_queue is None:
        return []
    jobs = [j for j in app.job_queue.get_jobs_by_name(JOB) if not j.removed]
    return [j for j in jobs if chat_id is None or getattr(j.data, "chat_id", None) == chat_id]


def waiting(app: App, chat_id: int | None = None) -> bool:
    """Whether a priority reply (to ``chat_id``, or to anyone) waits for its next try."""
    return bool(_waiting(app, chat_id))


async def release(app: App, chat_id: int | None = None) -> None:
    """Try now every waiting priority reply (or ``chat_id``'s): the wait was for Telegram, which answers again.
    One that fails again schedules its next try as before."""
    for job in _waiting(app, chat_id):
        if job.removed:  # released meanwhile by another caller
            continue
        job.schedule_removal()
        await job.run(app)


async def before_push(app: App, chat_id: int) -> None:
    """Before a routine push to ``chat_id``: their waiting crisis answer goes first; raises HeldForPriority when
    it still cannot."""
    if not waiting(app, chat_id):
        return
    await release(app, chat_id)
    if waiting(app, chat_id):
        raise HeldForPriority("held back: this person's crisis answer has not reached them yet")
