"""The consent screen, in the language the person reads (newcomer finding 10b-5).

A Spanish speaker whose Telegram is in English got the consent in English only, and what they typed under
it ('no entiendo ingles, en español por favor', /idioma) was answered "you need an enrollment code". The
screen now offers the other language as a button; Spanish typed under it (or /idioma, /language) shows it
in Spanish; anything else points to its buttons. Consent a person cannot read is not informed consent.

Nothing is stored before "I agree": the code rides in the buttons, and memory holds which code and language
the screen was shown with (forgotten on restart: then they send their code again).
"""

from __future__ import annotations

import re

from telegram import Update

from bot import texts
from bot.domain.crisis_lines import lines_for
from bot.domain.enrollment import hash_code, normalize_code
from bot.domain.screen.text import language, tokens
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick

_ASKS_SPANISH = re.compile(r"\b(?:espa[nñ]ol|spanish|castellano)\b", re.IGNORECASE)
_ASKS_ENGLISH = re.compile(r"\b(?:english|ingl[eé]s)\b", re.IGNORECASE)


async def show(update: Update, context: Context, code: str, lang: str) -> None:
    """The consent in ``lang``: I agree / Not now, and the other language."""
    svc, user = context.svc, update.effective_user
    assert user is not None
    # Nothing is known of them yet: the lines a stranger in crisis would get (the program's zone), in the
    # language they read; the code rides in the buttons, and memory holds whose invitation they were shown
    # (so crisis words now still reach that counselor) and in which language.
    crisis = lines_for(svc.settings, None, lang).lines
    program = svc.settings.program_name
    svc.state.consent_shown[user.id] = hash_code(code)
    svc.state.consent_code[user.id] = (code, lang)
    other = "en" if lang == "es" else "es"
    invitation = await svc.db(svc.repo.code, hash_code(code))  # whose: named in the consent (newcomer18 N165)
    name = await svc.db(svc.repo.counselor_name, invitation.counselor_id) if invitation else None
    await reply(
        update,
        texts.consent_es(program, crisis, name or "")
        if lang == "es"
        else texts.consent(program, crisis, name or ""),
        [
            _answers(code, lang),
            [(pick(other, texts.BTN_ENGLISH, texts.BTN_SPANISH), f"enr:l:{code}:{other}")],
        ],
    )


def _answers(code: str, lang: str) -> list[tuple[str, str]]:
    """The consent's two answers: the code rides in "I agree"."""
    return [
        (pick(lang, texts.BTN_AGREE, texts.BTN_AGREE_ES), f"enr:y:{code}:{lang}"),
        (pick(lang, texts.BTN_NOT_NOW, texts.BTN_NOT_NOW_ES), f"enr:n:{lang}"),
    ]


def typed_language(text: str) -> str:
    """ "es" or "en" when the words show (or ask for) a language, else ""."""
    if _ASKS_SPANISH.search(text):
        return "es"
    if _ASKS_ENGLISH.search(text) and language(tokens(text)) != "es":
        return "en"
    return language(tokens(text))


def code_in(text: str) -> str | None:
    """An invitation code inside a sentence ("me dieron este codigo R5PJBG73"): a word with a digit, or in
    capitals, that is one; ordinary words never count as a try."""
    for word in re.findall(r"[A-Za-z0-9-]{8,11}", text):
        if (any(c.isdigit() for c in word) or word.isupper()) and (code := normalize_code(word)):
            return code
    return None


async def under_consent(update: Update, context: Context, text: str) -> bool:
    """Text (or /idioma, /language) from someone the consent is shown to: the consent in the language
    they write or ask for, else where to tap. False when no consent is waiting for them."""
    user = update.effective_user
    shown = context.svc.state.consent_code.get(user.id) if user else None
    if shown is None:
        return False
    code, lang = shown
    if text.startswith("/"):  # /idioma, /language: the other language
        await show(update, context, code, "en" if lang == "es" else "es")
        return True
    wanted = typed_language(text)
    if wanted and wanted != lang:
        await show(update, context, code, wanted)
        return True
    # With the buttons themselves: after "Not now" (or on a phone that lost them) the consent's are gone, and
    # a pointer to a button no longer there is a dead end (gaps11 #5: "i changed my mind").
    await reply(
        update, pick(lang, texts.CONSENT_TAP_BELOW, texts.CONSENT_TAP_BELOW_ES), [_answers(code, lang)]
    )
    return True
