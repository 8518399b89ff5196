"""A command the bot does not know (newcomer20 N187): "/chekin", "/histroy" got the whole /help list with no
word of which command was meant, and "/sos2", someone reaching for help, got the list, not the SOS screen. A
near miss of /sos opens /sos; another near miss is named ("Did you mean /checkin?") above the list."""

from __future__ import annotations

import difflib

from telegram import Update

from bot import texts
from bot.domain.command_words import command_meant
from bot.handlers import sos
from bot.handlers.common import help_command
from bot.handlers.menus import COUNSELOR_COMMANDS, PATIENT_COMMANDS, SPANISH_NAMES
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick

# Close enough to be the same word typed with a slip: "chekin" (0.92), "histroy" (0.86), "sos2" (0.86).
CUTOFF = 0.75
PATIENT_NAMES = [c.command for c in PATIENT_COMMANDS] + [n for ns in SPANISH_NAMES.values() for n in ns]
COUNSELOR_NAMES = [c.command for c in COUNSELOR_COMMANDS]


def typed_command(text: str) -> str:
    """The command word as typed, without the slash, a "@botname" or its arguments, lower case."""
    return text.split(maxsplit=1)[0].lstrip("/").split("@", 1)[0].casefold() if text.strip() else ""


def nearest(typed: str, names: list[str]) -> str | None:
    """The known command the typed one is a slip of, or None."""
    if typed.startswith("sos") and typed != "sos":
        return "sos"  # "/sos2", "/sosss": never a list for someone reaching for help
    found = difflib.get_close_matches(typed, names, n=1, cutoff=CUTOFF)
    return found[0] if found else None


async def unknown_command(update: Update, context: Context) -> None:
    """The help list, with the command meant named first; a near miss of /sos is /sos."""
    svc, user, message = context.svc, update.effective_user, update.effective_message
    if user is None or message is None or message.text is None:
        return
    counselor = await svc.db(svc.repo.counselor, user.id) is not None
    names = COUNSELOR_NAMES if counselor else PATIENT_NAMES
    typed = typed_command(message.text)
    # "/ checkin", a space after the slash (newcomer24 N264): the word after it
    meant = nearest(typed, names) if typed else command_meant(message.text, names)
    if meant == "sos":
        await sos.sos_command(update, context)
        return
    patient = None if counselor else await svc.db(svc.repo.patient_by_telegram, user.id)
    if meant is None or (not counselor and patient is None):
        await help_command(update, context)
        return
    lang = "en" if patient is None else patient.language  # counselor texts are English
    said = texts.did_you_mean_es(meant) if lang == "es" else texts.did_you_mean(meant)
    listing = texts.HELP_COUNSELOR if counselor else pick(lang, texts.HELP_PATIENT, texts.HELP_PATIENT_ES)
    await reply(update, said + listing)
