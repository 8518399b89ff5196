"""Counselor invitations and reachability for the CLI (they run in the bot process when it is up)."""

from __future__ import annotations

import shlex
from datetime import datetime
from typing import Any, Literal

from bot.config.settings import Settings
from bot.domain.away import Away, away_now
from bot.domain.checkins import local_date
from bot.domain.enrollment import hash_code
from bot.domain.reach import NOT_STARTED, PENDING, CounselorInvite, Reach, invite_expiry, new_invite_code
from bot.store.repository import Repository
from bot.texts.base import zoned


def invite_counselor(
    repo: Repository, now: datetime, name: str, role: Literal["counselor", "admin"]
) -> dict[str, Any]:
    """A one-time invitation: whoever opens it becomes this counselor (only its hash is stored)."""
    code = new_invite_code()
    invite = CounselorInvite(hash_code(code), name, role, now, invite_expiry(now))
    repo.add_counselor_invite(invite)
    return {"name": name, "role": role, "code": code, "expires_at": invite.expires_at.isoformat()}


def revoke_counselor_invites(repo: Repository, now: datetime, name: str, by: str) -> dict[str, Any] | None:
    """Revoke every unopened counselor invitation in this name, each audit-logged: the link then opens nothing
    (newcomer9 N53: an admin link sent to the wrong address could not be cancelled, and whoever opened it saw
    every open alert). None when no unopened invitation has this name."""
    found = [i for i in repo.open_counselor_invites() if i.name.casefold() == name.strip().casefold()]
    revoked = [i for i in found if repo.revoke_counselor_invite(i.code_hash)]
    for invite in revoked:
        repo.audit(now, 0, "counselor_invitation_revoked", "-", by=by, name=invite.name, role=invite.role)
    if not revoked:
        return None
    return {"alias": revoked[0].name, "role": revoked[0].role, "counselor_invitations": len(revoked)}


def counselor_rows(repo: Repository, settings: Settings, now: datetime) -> list[dict[str, Any]]:
    """Every counselor with caseload and reachability, then invitations nobody has opened yet."""
    reach = repo.reaches()
    away = away_now(repo.aways(), local_date(now, settings.tz))  # newcomer16 N141
    rows: list[dict[str, Any]] = []
    for c in repo.counselors():
        rows.append(
            {
                **c.to_dict(),
                # newcomer22 N225: who is on call was said nowhere but the settings file.
                "on_call": "yes" if c.telegram_id in settings.oncall else "",
                "patients": len(repo.patients(counselor_id=c.telegram_id)),
                "reach": _describe(reach.get(c.telegram_id, PENDING), settings.tz)
                + _away(repo, away.get(c.telegram_id)),
                "state": reach.get(c.telegram_id, PENDING).state,
            }
        )
    for invite in repo.open_counselor_invites():
        expired = "expired" if not invite.usable(now) else "until " + invite.expires_at.strftime("%Y-%m-%d")
        rows.append(
            {
                "telegram_id": "-",
                "name": invite.name,
                "role": invite.role,
                "patients": 0,
                # What cancels it, beside it (a link sent to the wrong address stays valid a week otherwise).
                "reach": f"invited, link not opened ({expired}; to cancel: "
                f"iop-bot invite revoke {shlex.quote(invite.name)})",
                "state": "invited",
            }
        )
    return rows


def _away(repo: Repository, away: Away | None) -> str:
    """ "; away until 2026-12-07 (cover: Pat Kim)" beside a counselor marked away."""
    if away is None:
        return ""
    cover = repo.counselor_name(away.cover) if away.cover is not None else None
    return f"; away until {away.until.isoformat()} (cover: {cover or 'on-call'})"


def pending_warning(repo: Repository, counselor_id: int) -> str | None:
    """Why an enrollment to this counselor may go unheard, or None when they are reachable."""
    state = repo.reach(counselor_id)
    if state.state == "reachable":
        return None
    counselor = repo.counselor(counselor_id)
    name = counselor.name if counselor else str(counselor_id)
    return (
        f"warning: {name} {'has not started the bot yet' if state.state == 'pending' else 'is unreachable'}; "
        "until they do, their patients' alerts go to on-call and admin counselors, and on-call and admins are "
        "told when a patient's message waits for them"
    )


def bot_username(settings: Settings) -> str | None:
    """The bot's @username from getMe, for invitation links; None without a token or network."""
    return bot_identity(settings)[0]


def bot_identity(settings: Settings) -> tuple[str | None, str]:
    """The bot's @username from getMe, or None and why not, in an operator's words.

    Asked at run time rather than configured, so a renamed bot never gets stale links; the CLI
    needs IOP_BOT_TOKEN in its environment for it, whether or not the bot is running.
    """
    if not settings.bot_token:
        return None, "IOP_BOT_TOKEN is not set"
    import httpx

    url = settings.bot_api_url
    try:
        reply = httpx.get(f"{url}{settings.bot_token}/getMe", timeout=10).json()
    except httpx.HTTPError as exc:
        return None, f"cannot reach the Bot API at {url} ({type(exc).__name__})"
    except ValueError:
        return None, f"the Bot API at {url} did not answer in JSON"
    if not isinstance(reply, dict):
        return None, f"the Bot API at {url} gave an answer that is not the Bot API's"
    if reply.get("error_code") in (401, 404):  # what Telegram answers a revoked or mistyped token
        return None, TOKEN_REFUSED
    name = reply.get("result", {}).get("username") if reply.get("ok") else None
    if not name:
        return None, f"the Bot API at {url} answered {reply.get('error_code')} {reply.get('description')}"
    return str(name), ""


TOKEN_REFUSED = "the Bot API refused IOP_BOT_TOKEN (revoked or mistyped? copy it again from @BotFather)"


def _describe(reach: Reach, tz: Any) -> str:
    """How ``counselor list`` shows it: pending / reachable / unreachable since <time> (why)."""
    if reach.state == "pending":
        return "pending (has not started the bot)"
    when = zoned(reach.since.astimezone(tz)) if reach.since else "?"
    if reach.state == "reachable":
        return "reachable"
    return f"unreachable since {when} ({reach.reason or NOT_STARTED})"
