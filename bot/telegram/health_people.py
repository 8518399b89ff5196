"""Who the running bot can reach, for `iop-bot doctor --live` (ops O131).

A container started on an empty volume, before any `counselor add`, was "healthy" by every line of `doctor
--live`, as was a program whose only admin never opened the bot: a bot that runs but can tell nobody of a crisis.
The report carries it in counts and roles, never a person: no counselor, no admin reachable, nobody on call, and
urgent alerts past their last reminder (the bot sends nothing more for those; plain `doctor` names them).
"""

from __future__ import annotations

from bot.domain.escalation import on_call, past_last_round
from bot.domain.reach import PENDING
from bot.jobs.alerts import policy
from bot.telegram.services import Services


async def people(services: Services) -> str:
    """ "ok", or what keeps alerts from reaching a person, in counts and roles."""
    settings, now = services.settings, services.now()

    def probe() -> str:
        repo = services.repo
        counselors, reaches = repo.counselors(), repo.reaches()
        if not counselors:
            return "no counselor is registered: an alert reaches nobody (iop-bot counselor add --admin)"
        reachable = {
            c.telegram_id for c in counselors if reaches.get(c.telegram_id, PENDING).state == "reachable"
        }
        admins = [c.telegram_id for c in counselors if c.role == "admin"]
        gone = frozenset(repo.removed_counselors()) | {
            i for i in settings.oncall if i not in {c.telegram_id for c in counselors}
        }
        wrong = []
        if not reachable & set(admins):
            wrong.append("no admin counselor can be reached (none, or none has opened the bot)")
        if not on_call(settings.oncall, gone, admins):
            wrong.append("nobody is on call ([alerts] oncall)")
        rules = policy(settings)
        overdue = sum(past_last_round(a, now, rules) for a in repo.open_alerts() if a.urgent)
        if overdue:
            wrong.append(
                f"{overdue} urgent alert(s) past their last reminder: the bot sends nothing more (iop-bot doctor names them)"
            )
        return "; ".join(wrong) or "ok"

    try:
        return await services.db(probe)
    except Exception as exc:  # the store line says what is wrong with the store
        return f"not checked: the store failed ({exc.__class__.__name__})"
