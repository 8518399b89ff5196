"""Choosing the language the bot writes in (English / Español), from set-up, /language or /idioma."""

from __future__ import annotations

from bot.texts.base import pick

# Each language's button is named in that language, so a patient finds theirs whatever they read now.
BTN_ENGLISH = "English"
BTN_SPANISH = "Español"

LANGUAGE_OFFER = "Language: English. ¿Prefieres español? Toca <b>Español</b>."
LANGUAGE_OFFER_ES = "Idioma: español. Prefer English? Tap <b>English</b>."


def language_offer(language: str) -> str:
    """At the start of set-up: which language is in use, and the other one offered in its own words."""
    return pick(language, LANGUAGE_OFFER, LANGUAGE_OFFER_ES)


def language_menu(language: str) -> str:
    """/language or /idioma: the choice, asked in both languages."""
    now = pick(language, "I write to you in English.", "Te escribo en español.")
    return f"{now}\n\n<b>Which language would you like? / ¿Qué idioma prefieres?</b>"


def language_set(language: str) -> str:
    """After a choice: said in the language just chosen."""
    return pick(
        language,
        "Done: I'll write to you in English from now on. /idioma switches back.",
        "Listo: desde ahora te escribo en español. /language cambia de nuevo a inglés.",
    )


def language_noticed(language: str) -> str:
    """After free text in the other language, more than once: switched, with the way back offered."""
    return pick(
        language,
        "I noticed you're writing in English, so I'll write in English too. ¿Prefieres español? Toca abajo.",
        "Noté que escribes en español, así que te escribiré en español. Prefer English? Tap below.",
    )
