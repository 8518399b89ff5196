"""The command menus patients and counselors see next to the text field."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.telegram.services import App, Services

log = logging.getLogger(__name__)


PATIENT_COMMANDS = [
    BotCommand("checkin", "Daily check-in"),
    BotCommand("history", "Your last 7 or 30 days as a chart"),
    BotCommand("dayssince", "Count days since a date you choose"),
    BotCommand("measures", "This week's short questionnaires"),
    BotCommand("message", "Write to your counselor"),
    BotCommand("cope", "A coping skill, step by step"),
    BotCommand("practice", "Skill of the day: time or off"),
    BotCommand("sos", "Help right now"),
    BotCommand("safetyplan", "Your safety plan"),
    BotCommand("settings", "Time zone and check-in time"),
    BotCommand("mydata", "A copy of your data"),
    BotCommand("delete", "Erase your data"),
    BotCommand("stop", "Stop using the bot"),
    BotCommand("help", "What I can do"),
    BotCommand("cancel", "Stop what we're doing"),
]
SHARED_COMMANDS = frozenset({"help", "cancel", "sos"})  # everyone's; the rest of the patient menu is theirs
COUNSELOR_COMMANDS = [
    BotCommand("caseload", "Who needs you first"),
    BotCommand("digest", "Digest before group; daily time or off"),
    BotCommand("export", "Export a patient's check-ins (CSV)"),
    BotCommand("broadcast", "Message a whole cohort"),
    BotCommand("help", "Counselor tools"),
    BotCommand("cancel", "Stop what we're doing"),
]


async def set_menus(app: App, services: Services) -> None:
    """The patient menu for everyone, the counselor menu for each counselor."""
    try:
        await app.bot.set_my_commands(PATIENT_COMMANDS)
    except TelegramError as exc:
        log.warning("could not set the command menu: %s", exc)
    for c in await services.db(services.repo.counselors):
        await set_counselor_menu(app, c.telegram_id)


async def set_counselor_menu(app: App, telegram_id: int) -> None:
    """Give one counselor their own command menu (fails quietly until they open the bot)."""
    try:
        await app.bot.set_my_commands(COUNSELOR_COMMANDS, scope=BotCommandScopeChat(telegram_id))
    except TelegramError as exc:
        log.info("no counselor menu for %s yet: %s", telegram_id, exc)
