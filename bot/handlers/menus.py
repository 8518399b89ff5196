"""The command menus patients and counselors see next to the text field."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot import texts
from bot.telegram.services import App, Services

log = logging.getLogger(__name__)


PATIENT_COMMANDS = [
    BotCommand(command, says) for command, says in texts.PATIENT_MENU
]  # English only: _ES below
PATIENT_COMMANDS_ES = [BotCommand(command, says) for command, says in texts.PATIENT_MENU_ES]
SHARED_COMMANDS = frozenset({"help", "cancel", "sos"})  # everyone's; the rest of the patient menu is theirs
# The Spanish names a Spanish speaker tries, each working as the English command does (newcomer9 N44:
# /historial got the /help list). Not "/ayuda": "ayuda" alone is the cry for help, so it opens /sos in
# Spanish (bot/handlers/sos.py), as the crisis lines teach people to text AYUDA.
SPANISH_NAMES: dict[str, tuple[str, ...]] = {
    "help": ("comandos",),
    "cancel": ("cancelar",),
    "language": ("idioma",),
    "checkin": ("registro",),
    "message": ("mensaje",),
    "history": ("historial", "grafica"),
    "dayssince": ("dias", "diassin"),
    "measures": ("cuestionarios",),
    "cope": ("habilidades", "afrontar"),
    "practice": ("practicar",),
    "safetyplan": ("plan", "plandeseguridad"),
    "settings": ("ajustes", "configuracion"),
    "mydata": ("misdatos",),
    "delete": ("borrar",),
}


def names(command: str) -> list[str]:
    """A command's name and its Spanish names, for its CommandHandler."""
    return [command, *SPANISH_NAMES.get(command, ())]


COUNSELOR_COMMANDS = [BotCommand(command, says) for command, says in texts.COUNSELOR_MENU]


async def set_menus(app: App, services: Services) -> None:
    """The patient menu for everyone, the counselor menu for each counselor."""
    try:
        await app.bot.set_my_commands(PATIENT_COMMANDS)
        await app.bot.set_my_commands(PATIENT_COMMANDS_ES, language_code="es")
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
