"""The filter in front of simplemma's dictionaries (bot/domain/screen/sieve.py): the same answers as the
dictionary, for keys it holds and keys it lacks, and most misses told without asking it; and what the loading
thread builds after it (assess.prepare)."""

from __future__ import annotations

import logging
import random
import string
import threading
import time
from collections.abc import Iterator, Mapping

import pytest

from bot.domain.screen import assess as assess_module
from bot.domain.screen import lemmas
from bot.domain.screen.readings import without_idioms
from bot.domain.screen.rules import Rules, load
from bot.domain.screen.sieve import SievedDictionary, SievedFactory
from bot.domain.screen.text import deaccent


class _Counted(Mapping[str, str]):
    """A dictionary that counts the look-ups it is asked."""

    def __init__(self, data: dict[str, str]) -> None:
        self.data, self.asked = data, 0

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked += 1
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> str:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choices(string.ascii_lowercase + "ñá", k=rng.randint(1, 14))) for _ in range(n)]


def test_a_sieved_dictionary_answers_as_the_dictionary_and_asks_it_for_few_misses() -> None:
    rng = random.Random(3)
    data = {w: w[::-1] for w in _words(rng, 5000)}
    inner, pauses = _Counted(data), []
    sieved = SievedDictionary(inner, pause=lambda: pauses.append(1))
    assert len(pauses) == -(-len(data) // 1024)  # the builder hands the interpreter over every 1,024 keys
    assert all(sieved.get(k) == v and sieved[k] == v for k, v in data.items())
    assert inner.asked == 2 * len(data)  # every key it holds is looked up in the dictionary
    inner.asked = 0
    misses = [w for w in _words(rng, 5000) if w not in data]
    assert all(sieved.get(w) is None and sieved.get(w, "x") == "x" for w in misses)
    assert inner.asked < 0.1 * 2 * len(misses)  # 8-16 bits a key: about 3 % let through
    assert len(sieved) == len(data) and set(sieved) == set(data)


def test_a_factory_gives_the_dictionary_itself_until_its_filter_is_built() -> None:
    data = {"taking": "take"}

    class Factory:
        def get_dictionary(self, lang: str) -> Mapping[str, str]:
            return data

    factory = SievedFactory(Factory())
    assert factory.get_dictionary("en") is data
    factory.sieve("en")
    sieved = factory.get_dictionary("en")
    assert isinstance(sieved, SievedDictionary)
    assert sieved.get("taking") == "take" and sieved.get("took") is None
    factory.sieve("en")
    assert factory.get_dictionary("en") is sieved  # built once


def test_lemmas_through_the_filters_are_simplemmas_own() -> None:
    import simplemma

    assert lemmas.wait_prepared(None)
    rng = random.Random(5)
    words = [
        "taking",
        "matarme",
        "tomé",
        "pastillas",
        "bridge",
        "drinking",
        "quisiera",
        "xqzzy",
        *_words(rng, 300),
    ]
    for lang in ("en", "es"):
        for word in words:
            expected = simplemma.lemmatize(word, lang=lang, low_memory=True).casefold()
            assert lemmas._lemma.__wrapped__(word, lang) == deaccent(expected), (word, lang)
            known = simplemma.is_known(word, lang=lang, low_memory=True)
            assert lemmas._known.__wrapped__(word, lang) == known, (word, lang)


def test_preparing_builds_what_the_screen_builds_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load()
    monkeypatch.setattr(assess_module, "default_rules", lambda: fresh)
    assert not fresh.typos and not fresh._by_language
    assess_module.prepare()
    assert set(fresh.typos) == {"en", "es"} and set(fresh._by_language) == {"en", "es"}
    for relax in ("after", "negation"):  # what the learned layer's first crisis reads the frames without
        assert set(without_idioms(fresh, relax)._by_language) == {"en", "es"}


def test_preparing_with_rules_that_do_not_read_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Rules:
        raise ValueError("frame 3: needs a name")

    monkeypatch.setattr(assess_module, "default_rules", broken)
    assess_module.prepare()  # start-up reports a broken rules file on its own


def test_a_failure_to_prepare_is_logged_and_waits_end(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def get_dictionary(self, lang: str) -> Mapping[str, str]:
            raise MemoryError

    monkeypatch.setattr(lemmas, "_prepared", threading.Event())
    with caplog.at_level(logging.ERROR, logger=lemmas.__name__):
        lemmas._speed_up(SievedFactory(Broken()))
    assert "preparing for speed failed" in caplog.text
    assert lemmas._prepared.is_set()  # nobody waits for it forever


def test_a_sleep_refused_by_a_faked_clock_does_not_stop_the_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """ops O92: under libfaketime time.sleep(0.0002) raised OSError (EINVAL) in the loading thread, and the
    screen ran without its filters ("preparing for speed failed"), 5 % CPU at idle."""

    def refused(seconds: float) -> None:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(time, "sleep", refused)
    lemmas.pause()  # no error: the filters go on being built
