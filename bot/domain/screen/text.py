"""Text preparation for the crisis screen: normalise, tokenise, split clauses, guess the language, lemmatise.

Everything here is linear in the length of the text (one pass of simple, anchored regular
expressions and dictionary lookups), so a 4,096-character message costs about as much as
4,096 characters of ordinary text: there is nothing to backtrack over.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
_BANG_IN_WORD = re.compile(r"(?<=[a-z])!(?=[a-z])")  # d!e
_TOKEN = re.compile(r"[a-zñáéíóúü0-9]+(?:'[a-z]+)?|[.!?;,\n¿¡]")
_STRETCH = re.compile(r"([a-zñ])\1{2,}")
_SPELLED = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
SENTENCE_END = frozenset(".!?\n")
CLAUSE_END = frozenset(".!?\n;,")

_ES_HINTS = frozenset(
    [
        "que",
        "de",
        "el",
        "la",
        "los",
        "las",
        "del",
        "al",
        "por",
        "para",
        "con",
        "un",
        "una",
        "muy",
        "pero",
        "yo",
        "mi",
        "mis",
        "tengo",
        "estoy",
        "quiero",
        "ya",
        "nada",
        "todo",
        "todos",
        "soy",
        "esta",
        "este",
        "eso",
        "esto",
        "estoy",
        "se",
        "lo",
        "le",
        "les",
        "hoy",
        "anoche",
        "ayer",
        "voy",
        "va",
        "hace",
        "anos",
        "siento",
        "puedo",
        "mas",
        "otra",
        "vez",
        "veces",
        "cuando",
        "en",
        "es",
        "como",
        "si",
        "bien",
        "mucho",
        "neta",
        "solo",
        "tambien",
        "porque",
        "aqui",
        "ahora",
        "ahorita",
        "nadie",
        "nunca",
        "siempre",
        "mal",
        "dia",
        "noche",
        "casa",
        "pienso",
        "creo",
        "dice",
        "dijo",
        "fue",
        "sin",
        "hasta",
        "desde",
        "donde",
        "algo",
        "pues",
        "estado",
        "tuve",
        "tome",
        "volvi",
        "ganas",
        "y",
        "o",
    ]
)
_EN_HINTS = frozenset(
    [
        "the",
        "i",
        "i'm",
        "im",
        "to",
        "and",
        "my",
        "is",
        "it",
        "of",
        "you",
        "this",
        "that",
        "be",
        "was",
        "have",
        "been",
        "just",
        "want",
        "so",
        "like",
        "can't",
        "don't",
        "dont",
        "what",
        "get",
        "got",
        "feel",
        "really",
        "with",
        "at",
        "on",
        "an",
        "in",
        "for",
        "not",
        "but",
        "had",
        "do",
        "did",
        "he",
        "she",
        "they",
        "we",
        "your",
        "would",
        "will",
        "about",
        "all",
        "up",
        "out",
        "if",
        "when",
        "her",
        "him",
        "them",
        "who",
        "how",
        "why",
        "anymore",
        "tonight",
        "today",
        "right",
        "now",
        "lol",
        "myself",
        "wanna",
        "gonna",
    ]
)
_ES_VERB_END = ("arme", "erme", "irme", "arse", "erse", "irse", "ando", "iendo")


def deaccent(word: str) -> str:
    """'está' -> 'esta', 'daño' -> 'dano': people type Spanish with and without accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_LEET) if any(c.isalpha() for c in word) else word


def normalize(text: str) -> str:
    """Case, width, look-alikes, zero-width characters, leetspeak, stretched and spelled-out letters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # a per-character table lookup: only when there is something to map
        text = text.translate(_ZERO_WIDTH).translate(_LOOKALIKE)
    elif "`" in text:
        text = text.replace("`", "'")
    text = _LEET_WORD.sub(_unleet, _BANG_IN_WORD.sub("i", text))
    text = _STRETCH.sub(r"\1\1", text)
    return _SPELLED.sub(lambda m: m.group(0).replace(" ", ""), text)


def tokens(text: str) -> list[str]:
    """Words (with their apostrophe endings) and the punctuation that ends clauses."""
    return _TOKEN.findall(normalize(text))


def language(words: list[str]) -> str:
    """'es' or 'en' from function words and Spanish letters; English when it cannot tell."""
    score = sum(_hint(w) for w in words)
    return "es" if score > 0 else "en"


@lru_cache(maxsize=65536)
def _hint(w: str) -> int:
    """+1 for a Spanish-looking word, -1 for an English one, 0 for neither."""
    if deaccent(w) in _ES_HINTS or not w.isascii() or (len(w) > 5 and w.endswith(_ES_VERB_END)):
        return 1
    return -1 if w in _EN_HINTS else 0


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


def squeeze(word: str) -> str:
    """'diie' -> 'die': letters doubled by stretching ('diiiie') are folded once more for lookups."""
    return re.sub(r"([a-zñ])\1", r"\1", word)
