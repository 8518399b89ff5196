"""A plea for help in a person's own words ("please someone help me", "ayudame porfa"): the SOS screen.

A person in trouble does not type the README's phrase. A short message made only of the words people use to
ask for help or for a person, and the words they put around them (please, someone, now, I need, porfa, ya,
scared...), is the same plea as /sos. Three families (newcomer findings 9-4 and 10-4):
- a word for help: "plz help", "help me im scared", "ayudame porfa", "HELP", "help!!";
- a way to reach a person with a person to reach: "i need to talk to someone now", "call me please",
  "can anyone talk to me rn", "necesito hablar con alguien ya", "llamame porfa";
- asking whether anyone is there: "is anyone there? i really need someone", "hay alguien ahi".
"help" alone, quietly typed, stays a question about the bot (/help), and any other word ("help me with my
settings", "can someone call me about my ride") makes it an ordinary message: a wrong SOS screen costs a
reading, a missed one a person alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.domain.opt_out import learned_check_only


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_HELP_EN = _set("help halp helpme sos")
_HELP_ES = _set("ayuda ayudame ayudenme ayudeme ayudarme ayudeneme auxilio socorro")
# Reaching a person, and the person reached: a plea only together ("call me", "talk to someone").
_REACH_EN = _set("talk speak call text chat listen")
_REACH_ES = _set("hablar habla hablen platicar llamar marcar escuchar")
_REACH_PERSON_ES = _set(
    "llamame llamenme marcame marquenme escuchame escuchenme hablame hablenme"
)  # "call me"
_PERSON = _set("someone somebody anyone anybody some1 any1 me person human alguien alguno alguna")
_THERE = _set("there here ahi aqui aca")
_NEED_PERSON = _set("someone somebody anyone anybody alguien")
# The words around a plea, and only those: anything else makes it an ordinary message.
_AROUND_EN = _set("""please pls plz plzz plss pleas pleasee i im m i'm need needs me now right rn asap god omg oh can could
    would will you u ya yall guys really seriously just urgent urgently immediately quick quickly fast still hey
    send get is are there out here a some bad badly so to with scared afraid terrified frightened panicking
    want someone somebody anyone anybody some1 any1 please""")
_AROUND_ES = _set("""por favor porfa porfavor porfis xfa plis alguien necesito nesesito ocupo quiero ya ahora mismo yo me
    urgente rapido dios mio que hay aqui aca ahi pido les te se lo la de oigan oye puedes pueden puede alguno
    alguna con miedo tengo asustado asustada esta estan""")
_VOCABULARY = (
    _HELP_EN
    | _HELP_ES
    | _REACH_EN
    | _REACH_ES
    | _REACH_PERSON_ES
    | _PERSON
    | _THERE
    | _AROUND_EN
    | _AROUND_ES
)
_MOST_WORDS = 12


def _words(text: str) -> list[str]:
    """Lower case, no accents, letters repeated three times or more once ("pleaseee" -> "please")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"(\w)\1{2,}", r"\1", plain)
    return re.findall(r"[a-z0-9']+", plain)


def _shouted(text: str) -> bool:
    """ "HELP", "help!!": "help" shouted is a cry; "Help!" or "help?" stays a question about the bot."""
    bare = text.strip()
    return "!!" in bare or bare.strip("!?.¡¿ ").isupper()


def plea_language(text: str) -> str | None:
    """ "en" or "es" when the text is a plea for help and nothing else; None otherwise (and for "help" alone,
    said quietly)."""
    words = _words(text)
    if not words or len(words) > _MOST_WORDS or any(w not in _VOCABULARY for w in words):
        return None
    if words == ["help"] and not _shouted(text):
        return None
    present = set(words)
    helps = present & (_HELP_EN | _HELP_ES)
    reach = present & (_REACH_EN | _REACH_ES)
    asks_for_person = (
        bool(reach and present & _PERSON)
        or bool(present & _REACH_PERSON_ES)
        or bool(present & _NEED_PERSON and present & _THERE)
    )
    if not helps and not asks_for_person:
        return None
    spanish = present & (_HELP_ES | _REACH_ES | _REACH_PERSON_ES) or any(
        w in _AROUND_ES and w not in _AROUND_EN and w not in _PERSON for w in words
    )
    return "es" if spanish else "en"


def plea_read_as_check(reasons: Iterable[str], text: str) -> bool:
    """A plea that only the screen's learned layer read as worrying ("help me please im scared": newcomer N73, a
    gentle check where "help me im scared" opened SOS): the SOS screen answers it, as the plea it is."""
    return learned_check_only(reasons) and plea_language(text) is not None
