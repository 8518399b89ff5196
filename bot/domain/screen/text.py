"""Text preparation for the crisis screen: normalise, tokenise, split clauses, guess the language, lemmatise.

Everything here is linear in the length of the text (one pass of simple, anchored regular
expressions and dictionary lookups), so a 4,096-character message costs about as much as
4,096 characters of ordinary text: there is nothing to backtrack over.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, islice
from typing import Any, TypeVar

_T = TypeVar("_T")

_ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
# Characters that look like Latin letters (Cyrillic, Greek) and typographic quotes.
_LOOKALIKE = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ι": "i", "κ": "k", "ν": "v", "τ": "t",
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "´": "'",
    }
)  # fmt: skip
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# A word with a leet character inside it (k1ll, $uicide); pure numbers are left alone. Anchored at
# a word's start, so a 4,096-letter word is one scan, not a backtrack from every letter.
_LEET_WORD = re.compile(r"(?<![a-z0-9@$])[a-z]*[013457@$][a-z0-9@$]*")
_HAS_LEET = re.compile(r"[013457@$]")
_BANG_IN_WORD = re.compile(r"(?<=[a-z])!(?=[a-z])")  # d!e
# Emoji of a means or of death, read as words (session 18, en16): "💊💊💊 tonight", "🔫😵" were read as nothing
# (screen_lexicon.toml, EMOJI_MEANS / EMOJI_DEATH).
_EMOJI = {
    "\U0001f48a": " emojipill ", "\U0001f52b": " emojigun ", "\U0001f52a": " emojiknife ", "\U0001faa2": " emojirope ",
    "\U0001f635": " emojidead ", "\U0001f480": " emojiskull ", "\u2620": " emojiskull ", "\u26b0": " emojicoffin ",
    "\U0001faa6": " emojigrave ",
}  # fmt: skip
_MAP = {**{chr(c): "" for c in _ZERO_WIDTH}, **{chr(c): str(v) for c, v in _LOOKALIKE.items()}, **_EMOJI}
_MAPPED = re.compile("[" + re.escape("".join(_MAP)) + "]")
_TOKEN = re.compile(r"[a-zñáéíóúü0-9]+(?:'[a-z]+)?|[.!?;,\n¿¡]")
_STRETCH = re.compile(r"([a-zñ])\1{2,}")
_DOUBLED = re.compile(r"([a-zñ])\1")
_SPELLED = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
SENTENCE_END = frozenset(".!?\n")
CLAUSE_END = frozenset(".!?\n;,")

_ES_HINTS = frozenset(
    [
        "que", "de", "el", "la", "los", "las", "del", "al", "por", "para", "con", "un", "una", "muy",
        "pero", "yo", "mi", "mis", "tengo", "estoy", "quiero", "ya", "nada", "todo", "todos", "soy",
        "esta", "este", "eso", "esto", "se", "lo", "le", "les", "hoy", "anoche", "ayer", "voy", "va",
        "hace", "anos", "siento", "puedo", "mas", "otra", "vez", "veces", "cuando", "en", "es", "como",
        "si", "bien", "mucho", "neta", "solo", "tambien", "porque", "aqui", "ahora", "ahorita", "nadie",
        "nunca", "siempre", "mal", "dia", "noche", "casa", "pienso", "creo", "dice", "dijo", "fue", "sin",
        "hasta", "desde", "donde", "algo", "pues", "estado", "tuve", "tome", "volvi", "ganas", "y", "o",
    ]
)  # fmt: skip
_EN_HINTS = frozenset(
    [
        "the", "i", "i'm", "im", "to", "and", "my", "is", "it", "of", "you", "this", "that", "be", "was",
        "have", "been", "just", "want", "so", "like", "can't", "don't", "dont", "what", "get", "got",
        "feel", "really", "with", "at", "on", "an", "in", "for", "not", "but", "had", "do", "did", "he",
        "she", "they", "we", "your", "would", "will", "about", "all", "up", "out", "if", "when", "her",
        "him", "them", "who", "how", "why", "anymore", "tonight", "today", "right", "now", "lol", "myself",
        "wanna", "gonna",
    ]
)  # fmt: skip
_ES_VERB_END = ("arme", "erme", "irme", "arse", "erse", "irse", "ando", "iendo")


def _map_char(match: re.Match[str]) -> str:
    return _MAP[match.group(0)]


def deaccent(word: str) -> str:
    """'está' -> 'esta', 'daño' -> 'dano': people type Spanish with and without accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    if not any(c.isalpha() for c in word) or _ORDINAL.fullmatch(word):
        return word  # a number, or a date ("the 3rd", "friday the 13th"), not leetspeak
    return word.translate(_LEET)


def _unspell(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def _fold(text: str) -> str:
    """Case, width, look-alikes and zero-width characters: the whole text's character-level pass."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # one scan for the few characters to map, not a table lookup per character
        text = _MAPPED.sub(_map_char, text)
    elif "`" in text:
        text = text.replace("`", "'")
    return text


@lru_cache(maxsize=65536)
def _chunk(chunk: str) -> str:
    """The word-level normalisations of one space-free piece: none of them reads or writes a space,
    so the text's pieces are normalised (and remembered) one by one."""
    if "!" in chunk:
        chunk = _BANG_IN_WORD.sub("i", chunk)
    if _HAS_LEET.search(chunk):
        chunk = _LEET_WORD.sub(_unleet, chunk)
    return _STRETCH.sub(r"\1\1", chunk)


_EVICTED = 64  # entries a full memo drops at a time


def make_room(memo: dict[Any, Any], size: int, order: deque[Any] | None = None) -> None:
    """Room for one entry more in a memo bounded to `size` entries: the oldest go, a few at a time. Cleared
    all at once, a full memo freed tens of thousands of entries while a patient's message waited (10-30 ms).

    `order`, the memo's keys as they were put in, finds the oldest at once. Without it they are the dict's
    first entries, and a dict keeps the slots of entries deleted until it next grows: a full memo's oldest
    live entry lay past every one dropped since, up to half the memo (the frame index's 20,000 clause kinds:
    a quarter of a millisecond a time on average, every 64 new clause kinds, on the benchmark's long messages;
    the words' full memo of 100,000, 216 µs on average, 6 µs with its order)."""
    if len(memo) >= size:
        if order is None:
            for key in list(islice(memo, _EVICTED)):
                del memo[key]
            return
        for _ in range(min(_EVICTED, len(order))):
            memo.pop(order.popleft(), None)


class _Memo(dict[str, _T]):
    """A function's answers by argument, remembered (bounded) and looked up in C: a text's words go
    through `map(memo.__getitem__, words)`, a dict look-up each, where an lru_cache costs about four times
    as much per call (and the tokens and the language are worked out for every message)."""

    def __init__(self, compute: Callable[[str], _T], size: int = 65536) -> None:
        super().__init__()
        self._compute, self._size = compute, size
        self._order: deque[str] = deque()  # its keys as they were put in (make_room)

    def __missing__(self, key: str) -> _T:
        make_room(self, self._size, self._order)
        value = self[key] = self._compute(key)
        self._order.append(key)
        return value


def _tokens_of(chunk: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_chunk(chunk)))


_chunk_tokens = _Memo(_tokens_of).__getitem__


_CACHED_CHUNK = 40  # longer pieces are rare, so not worth remembering (a flood of them must not grow memory)


def normalize(text: str) -> str:
    """Case, width, look-alikes, zero-width characters, leetspeak, stretched and spelled-out letters."""
    pieces = _fold(text).split(" ")
    text = " ".join(_chunk(p) if len(p) <= _CACHED_CHUNK else _chunk.__wrapped__(p) for p in pieces)
    return _SPELLED.sub(_unspell, text)


def tokens(text: str) -> list[str]:
    """Words (with their apostrophe endings) and the punctuation that ends clauses.

    No token holds a space, so a text's tokens are its space-separated pieces' tokens, each piece
    tokenised once per process; only letters spelled out across pieces ("k i l l") need the whole text.
    """
    pieces = _fold(text).split(" ")
    if _may_spell(pieces):
        return _TOKEN.findall(normalize(text))
    if max(map(len, pieces)) <= _CACHED_CHUNK:  # the usual case: every piece remembered, joined in C
        return list(chain.from_iterable(map(_chunk_tokens, pieces)))
    out: list[str] = []
    for p in pieces:
        out.extend(_chunk_tokens(p) if len(p) <= _CACHED_CHUNK else _TOKEN.findall(_chunk.__wrapped__(p)))
    return out


def _may_spell(pieces: list[str]) -> bool:
    """Whether letters may be spelled out across pieces ("k i l l"): a one-letter piece between a piece
    ending in a lone letter and one starting with one. A superset of what _SPELLED matches (the
    word-level normalisations never make a lone letter), which then decides on the whole text."""
    lengths, k, last = list(map(len, pieces)), 0, len(pieces) - 1
    while True:
        try:
            k = lengths.index(1, k + 1, last)  # a scan in C, not a Python loop over every piece
        except ValueError:
            return False
        if _ends_lone(pieces[k - 1]) and _ends_lone(pieces[k + 1][::-1]):
            return True


def _ends_lone(piece: str) -> bool:
    """Ends in a letter with no word character (regex \\w) before it."""
    if not piece[-1:].isalpha():
        return False
    return len(piece) == 1 or not (piece[-2].isalnum() or piece[-2] == "_")


def language(words: list[str]) -> str:
    """'es' or 'en' from function words and Spanish letters; "" when they cannot tell."""
    score = sum(map(_hint, words))
    return "es" if score > 0 else "en" if score < 0 else ""


def mixed(words: list[str]) -> bool:
    """Whether the words show both languages ("bro ya no puedo, i just wanna die fr")."""
    hints = set(map(_hint, words))
    return 1 in hints and -1 in hints


def _hint_of(w: str) -> int:
    """+1 for a Spanish-looking word, -1 for an English one, 0 for neither."""
    if deaccent(w) in _ES_HINTS or not w.isascii() or (len(w) > 5 and w.endswith(_ES_VERB_END)):
        return 1
    return -1 if w in _EN_HINTS else 0


_hint = _Memo(_hint_of).__getitem__


def deletions(word: str) -> set[str]:
    """The word with each one letter left out: typo lookups by symmetric deletion."""
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def distance(a: str, b: str) -> int:
    """Edit distance with swaps of neighbours counted once (optimal string alignment); short words only."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        prev2, prev = prev, row
    return prev[-1]


def one_edit(a: str, b: str) -> bool:
    """Whether `distance(a, b)` is 1: one letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) < len(b):
        a, b = b, a
    # the first difference (short words: a few steps); none when b is a less its last letter
    k = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(b))
    if len(a) != len(b):
        return a[k + 1 :] == b[k:]
    return a[k + 1 :] == b[k + 1 :] or (a[k + 2 :] == b[k + 2 :] and a[k] == b[k + 1] and a[k + 1] == b[k])


def squeeze(word: str) -> str:
    """'diie' -> 'die': letters doubled by stretching ('diiiie') are folded once more for lookups."""
    return _DOUBLED.sub(r"\1", word)
