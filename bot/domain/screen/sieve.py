"""A quick "not in the dictionary" in front of simplemma's compact dictionaries: the same answers, a miss
told in about a microsecond instead of tens.

The compact dictionaries (lemmas.py) decode up to 32 records per look-up in Python, 20-40 µs each. A word
never seen before costs dozens of look-ups, nearly all of them misses: the lemmatiser tries the word, its
other casing, then pieces of it as prefixes, affixes and suffixes (a page of random letters: about 5,000
look-ups, about 100 ms). A Bloom filter of each dictionary's keys (8-16 bits a key, a power of two, and two
bits from Python's string hash: 1.3 MB for English and Spanish together, about 3 % of misses let through)
answers most misses alone; a key it may hold is looked up as before, so every answer is the dictionary's own. It is built
on the loading thread after the dictionaries are ready (about 2 s, off every patient's path); until then
look-ups go straight to the dictionary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Protocol

# at least this many, to the next power of two (the start-up memory budget is nearly spent)
_BITS_PER_KEY = 8
_SECOND = 32  # the second bit position is taken from the hash's upper half
_CHUNK = 1024  # keys between two pauses (a fraction of a millisecond of work)


class _Factory(Protocol):
    def get_dictionary(self, lang: str) -> Mapping[str, str]: ...


def _bloom(keys: Iterable[str], count: int, pause: Callable[[], object]) -> tuple[bytearray, int]:
    """The filter's bits and its mask (a power of two, minus one) for `count` keys; `pause()` is called
    every `_CHUNK` keys."""
    mask = (1 << max(16, (_BITS_PER_KEY * count - 1).bit_length())) - 1
    bits = bytearray((mask + 1) >> 3)
    hashes = map(hash, keys)
    while chunk := list(islice(hashes, _CHUNK)):
        for h in chunk:
            a, b = h & mask, (h >> _SECOND) & mask
            bits[a >> 3] |= 1 << (a & 7)
            bits[b >> 3] |= 1 << (b & 7)
        pause()
    return bits, mask


def _go_on() -> None:
    pass


class SievedDictionary(Mapping[str, str]):
    """A dictionary behind a Bloom filter of its keys: a key the filter has not seen is absent."""

    __slots__ = ("_bits", "_inner", "_mask")

    def __init__(self, inner: Mapping[str, str], pause: Callable[[], object] = _go_on) -> None:
        self._inner = inner
        self._bits, self._mask = _bloom(inner, len(inner), pause)

    def may_hold(self, key: str) -> bool:
        """False when `key` is certainly absent; True when it may be there (then ask the dictionary)."""
        h, mask, bits = hash(key), self._mask, self._bits
        a, b = h & mask, (h >> _SECOND) & mask
        return bool(bits[a >> 3] >> (a & 7) & 1 and bits[b >> 3] >> (b & 7) & 1)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        # may_hold's test written out: the lemmatiser asks a dozen times per new word, nearly all misses
        h, mask, bits = hash(key), self._mask, self._bits
        a, b = h & mask, (h >> _SECOND) & mask
        if bits[a >> 3] >> (a & 7) & 1 and bits[b >> 3] >> (b & 7) & 1:
            return self._inner.get(key, default)
        return default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._inner)

    def __len__(self) -> int:
        return len(self._inner)


class SievedFactory:
    """simplemma's DictionaryFactory: another factory's dictionaries, each behind its filter once built."""

    def __init__(self, inner: _Factory) -> None:
        self._inner = inner
        self._sieved: dict[str, SievedDictionary] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        """The sieved dictionary when built, else the inner factory's own."""
        sieved = self._sieved.get(lang)
        return self._inner.get_dictionary(lang) if sieved is None else sieved

    def inner(self, lang: str) -> Mapping[str, str]:
        """The inner factory's dictionary itself, without the filter."""
        return self._inner.get_dictionary(lang)

    def sieve(self, lang: str, pause: Callable[[], object] = _go_on) -> None:
        """Build the language's filter (a second or two for Spanish), calling `pause()` now and then;
        look-ups use it from then on."""
        if lang not in self._sieved:
            self._sieved[lang] = SievedDictionary(self._inner.get_dictionary(lang), pause)
