"""Words that ask the bot to stop writing, as people used to SMS opt-outs type them ("STOP", "please stop texting
me", "deja de escribirme"): answered with how to stop (/stop, which asks first), never acted on by themselves
(newcomer9 N35: they went to the "send to your counselor?" drawer, or to the people of an open alert, unexplained).

The whole message must be such a request: "i cant stop thinking about using" or "para mañana" is no opt-out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_PLEASE_EN = r"(?:please|pls|plz|plez)"
_ASK_EN = re.compile(
    rf"^(?:{_PLEASE_EN} )?(?:"
    r"stop(?: (?:texting|messaging|sending|writing|contacting|bothering|spamming|pinging)(?: me)?"
    r"(?: (?:messages|texts|reminders|notifications|stuff))?)?"
    r"|unsubscribe|opt out|optout"
    r"|(?:don ?t|dont|do not|no) (?:text|message|msg|write|contact)(?:ing)? me(?: any ?more)?"
    r"|no more (?:messages|texts|reminders|notifications)"
    rf")(?: {_PLEASE_EN}| now| any ?more| thanks| thank you| ty)*$"
)
_PLEASE_ES = r"(?:por favor|porfa|porfavor|xfa|plis)"
_ASK_ES = re.compile(
    rf"^(?:{_PLEASE_ES} )?(?:ya )?(?:"
    r"alto|basta|baja|darme de baja"
    r"|(?:deja|dejen|dejar) de (?:escribirme|mandarme mensajes|enviarme mensajes|mandarme cosas|molestarme)"
    r"|(?:no|ya no) me (?:escribas|escriban|mandes|manden|envies|envien)(?: mas)?(?: mensajes)?(?: mas)?"
    rf")(?: {_PLEASE_ES}| ya| gracias)*$"
)


def _plain(text: str) -> str:
    """Lower case, no accents, no punctuation (an apostrophe is dropped: "don't" -> "dont")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("'", "").replace("’", ""))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def only_learned_check(reasons: Iterable[str], text: str) -> bool:
    """Words asking the bot to stop writing that only the learned layer read as worrying ("please stop texting me":
    check:learned(...).short): the how-to-stop answer, not "are you safe?". A rule's reading, or a crisis, stands."""
    return learned_check_only(reasons) and opt_out_language(text) is not None


def learned_check_only(reasons: Iterable[str]) -> bool:
    """Whether only the learned layer read the words as worrying (check:learned(...)): no rule fired."""
    reasons = tuple(reasons)
    return bool(reasons) and all(r.startswith("check:learned(") for r in reasons)


# The SMS opt-out keyword, typed alone: Spanish speakers type it too ("STOP" from Rosa, whose every message was
# Spanish, was answered in English).
_KEYWORDS = frozenset({"stop", "stop stop", "stopp"})


def opt_out_language(text: str) -> str | None:
    """ "en" or "es" when the whole message asks the bot to stop writing, "" when it is the keyword alone (either
    language: the patient's), else None."""
    plain = _plain(text)
    if plain in _KEYWORDS:
        return ""  # a keyword, the same in both languages: answered in the patient's (newcomer N75)
    if _ASK_EN.match(plain):
        return "en"
    return "es" if _ASK_ES.match(plain) else None
