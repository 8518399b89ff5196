"""A command typed as a word, without its slash (newcomer24 N264): "Check in", "checkin", "history", "help me check
in" got "I've kept that, but I haven't passed it to anyone. Send it to Dr. Rivera?", as did "?" and "hello??": a
patient not fluent with phones was offered to send noise to their counselor, three times. These read as the
command meant, or as a question about the bot."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

# Never suggested from a bare word: they end or erase something ("stop" typed is read elsewhere: rights.py).
NOT_SUGGESTED = frozenset({"stop", "delete", "borrar", "cancel", "cancelar", "help", "sos", "start"})
# Words around a command word that ask for it ("help me check in", "i want to checkin", "quiero registro").
_ASKING = frozenset(
    {"help", "me", "i", "want", "to", "can", "lets", "let", "s", "please", "pls", "plz", "how", "do", "a", "the",
     "my", "quiero", "hacer", "mi", "el", "la", "ver", "por", "favor", "porfa"}
)  # fmt: skip
_GREETING = re.compile(
    r"^\s*(hello|hi|hey|hola|buenas|oye|anyone|anybody)?\s*[?¿!.]*\?[?¿!.]*\s*$", re.IGNORECASE
)
_WORD = re.compile(r"[a-záéíóúñ]+")


def command_meant(text: str, names: Sequence[str]) -> str | None:
    """The command a short message names without its slash, or None."""
    if len(text) > 40:
        return None
    words = [w for w in _WORD.findall(text.casefold()) if w not in _ASKING]
    if not words or len(words) > 2:
        return None
    joined = "".join(words).translate(str.maketrans("áéíóú", "aeiou"))
    candidates = [n for n in names if n not in NOT_SUGGESTED]
    if joined in candidates:
        return joined
    found = difflib.get_close_matches(joined, candidates, n=1, cutoff=0.85)
    return found[0] if found else None


def asks_about_the_bot(text: str) -> bool:
    """ "?", "??", "hello??": a question to the bot with nothing else in it."""
    return bool(_GREETING.match(text))
