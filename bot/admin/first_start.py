"""`iop-bot run` on an empty data dir: a deliberate first start, or a server lost and its program not restored yet.

A first start (an absolute IOP_DATA_DIR: a container's volume, systemd's StateDirectory) makes a new, empty program.
After a server was lost, the unit's install steps end by starting it (ops O116): on the real token, an empty
program took a patient's "I took all my pills, I want to die" with no counselor to tell, and confirmed it to
Telegram; `restore` then refused the dir it had written. A bot that has run a program has its command menu set
(every start sets it), a new bot from @BotFather has none: an empty data dir on such a bot is refused until its
backup is restored, or the admin says it is a new program (``IOP_NEW_PROGRAM=1``).
"""

from __future__ import annotations

import os
import sys

from bot.config.settings import Settings, SettingsError

NEW_PROGRAM = "IOP_NEW_PROGRAM"


def new_program_blocked(settings: Settings) -> int | None:
    """Before a first start makes the data dir: the exit code when the Bot API refuses or is away; a
    SettingsError (exit 2, not restarted) when the bot has run a program before and nobody said it is new."""
    from bot.admin.invitations import TOKEN_REFUSED, bot_identity

    username, why = bot_identity(settings)
    if username is None:
        if why == TOKEN_REFUSED:
            raise SettingsError(f"{why}; nothing was created in {settings.data_dir}")
        print(f"iop-bot: {why}; is it up? Nothing was created in {settings.data_dir}", file=sys.stderr)
        return 1
    if os.environ.get(NEW_PROGRAM) != "1" and _has_menu(settings):
        raise SettingsError(
            f"@{username} has run a program before (its command menu is set) and {settings.data_dir} is empty: "
            "started now, it would take that program's patients' messages, crisis words too, into an empty program "
            "that can tell no counselor. After losing a server, restore first (`iop-bot restore FILE` into "
            f"{settings.data_dir}), then start. If this really is a new program on this bot, start it once with "
            f"{NEW_PROGRAM}=1. Nothing was created"
        )
    return None


def _has_menu(settings: Settings) -> bool:
    """Whether the bot's default command menu is set (False when it cannot be asked: the start goes on)."""
    import httpx

    try:
        reply = httpx.get(f"{settings.bot_api_url}{settings.bot_token}/getMyCommands", timeout=10).json()
    except (httpx.HTTPError, ValueError) as exc:
        reply = {"error": type(exc).__name__}
    if not isinstance(reply, dict) or not reply.get("ok"):
        # Not quiet: the check that keeps a replacement server from starting empty did not run (ops O116).
        print(
            f"iop-bot: could not ask whether this bot ran a program before ({reply}); if this server replaces a "
            "lost one, stop and restore the backup first",
            file=sys.stderr,
        )
        return False
    return bool(reply.get("result"))
