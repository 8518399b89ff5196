"""Lemmas for the crisis screen (simplemma), loaded on a thread from start-up so start-up never waits.

simplemma's dictionaries take a second or two to load (Spanish most). The bot starts loading them when
the screen's rules are first read at start-up; a text screened before they are ready waits for them
(up to ``WAIT_SECONDS``), because without lemmas the screen misses inflected crisis language (Spanish
crisis recall fell to 68-86 % on the evaluation sets) and a restarted bot screens its backlog first.
If they still are not ready, the text is screened on surface forms and an ERROR says so.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.domain.screen.sieve import SievedFactory
from bot.domain.screen.text import deaccent

if TYPE_CHECKING:
    from simplemma import Lemmatizer
    from simplemma.strategies import DictionaryLookupStrategy

WAIT_SECONDS = 15.0
# Between two slices of the filters' build, the loading thread sleeps this long: a sleep(0) gives the
# interpreter up but may take it straight back, and a message answered at start-up waited for it.
_PAUSE = 0.0002
START_DELAY = 0.0
LANGUAGES = ("en", "es")
log = logging.getLogger(__name__)
_loaded = threading.Event()
# The filters in front of the dictionaries built and the screen's first-use structures too (speed only).
_prepared = threading.Event()
_lock = threading.Lock()
_started: list[threading.Thread] = []
_timers: list[threading.Timer] = []
# simplemma.lemmatize and simplemma.is_known as they are with low_memory=True (the dictionaries read as a
# compressed stream with a sparse index: as Python dicts they took ~130 MB at their peak, two thirds of the
# bot's memory budget), built from simplemma's own classes so that each dictionary can sit behind a filter
# of its keys (sieve.py): a word never seen costs the lemmatiser dozens of look-ups, nearly all misses.
_tools: list[tuple[Lemmatizer, DictionaryLookupStrategy]] = []
_factories: list[SievedFactory] = []


def _load() -> None:
    # imported here: simplemma's import alone costs a restarted bot a third of a second
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    factory = SievedFactory(LOW_MEMORY_DICTIONARY_FACTORY)
    tools = (
        Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
        DictionaryLookupStrategy(factory),
    )
    for lang, word in zip(LANGUAGES, ("taking", "matarme"), strict=True):
        tools[0].lemmatize(word, lang)
        tools[1].get_lemma(word, lang)
    _tools.append(tools)
    _factories.append(factory)
    from bot.domain.screen.ngrams import shipped

    shipped()  # the learned layer's model, read here too so no patient's message waits for it
    _loaded.set()
    _speed_up(factory)


def _speed_up(factory: SievedFactory) -> None:
    """After the screen is ready, what only makes it faster: the dictionaries' filters (until each is built,
    look-ups go to the dictionary), sleeping a moment every 1,024 keys (`_PAUSE`) so that a bot
    answers the messages that come at start-up meanwhile; then what the screen builds on first use."""
    try:
        for lang in LANGUAGES:
            factory.sieve(lang, pause=pause)
        from bot.domain.screen.assess import prepare

        prepare()
    except Exception:  # speed only: the screen works without them, and this says why it is slower
        log.exception("crisis screen: preparing for speed failed; screening goes on, slower on new words")
    finally:
        _prepared.set()


def records(lang: str) -> Iterator[tuple[bytes, bytes]] | None:
    """The language's dictionary as stored, (form, lemma) in UTF-8, read in one pass of simplemma's compact
    stream (its own record reader: the Mapping gives forms only, and a look-up per form would take minutes);
    None before the dictionaries load, or when they are not such a stream (another simplemma)."""
    if not _factories:
        return None
    try:
        from simplemma.strategies.dictionaries import frontcode

        inner = _factories[0].inner(lang)
        data, start, backwards = inner._data, inner._pos, inner._rev  # type: ignore[attr-defined]
        found = frontcode._iter_records(data, start)
    except (AttributeError, ImportError):
        return None
    if backwards:  # stored reversed (keys sort better so); un-reversed as simplemma's look-up does
        return ((form[::-1], value[::-1]) for _, form, value in found)
    return ((form, value) for _, form, value in found)


def pause() -> None:
    """The loading thread's short sleep. Under a faked clock (libfaketime, as an admin trying a clock jump runs
    the bot) the sleep can fail with EINVAL: that lost the filters for good (ops newcomer19 O92); a pause
    skipped only makes start-up a little busier."""
    with contextlib.suppress(OSError):
        time.sleep(_PAUSE)


def start_loading(delay: float = 0.0) -> None:
    """Begin loading the dictionaries (once per process) now, or after `delay` seconds; never waits."""
    if delay > 0:
        with _lock:
            if _started or _timers:
                return
            timer = threading.Timer(delay, start_loading)
            timer.daemon = True
            _timers.append(timer)
        timer.start()
        return
    with _lock:
        if not _started:
            thread = threading.Thread(target=_load, name="screen-lemmas", daemon=True)
            _started.append(thread)
            thread.start()


def wait_loaded(timeout: float | None = WAIT_SECONDS) -> bool:
    """Start loading if needed and wait up to `timeout` seconds (None: until done); True when ready."""
    start_loading()
    if _loaded.wait(timeout):
        return True
    if timeout is not None and timeout > 0:
        log.error(
            "crisis screen: word dictionaries not loaded after %.0f s; screening on surface forms", timeout
        )
    return False


def wait_prepared(timeout: float | None = None) -> bool:
    """Wait until the dictionaries' filters and what the screen builds on first use are ready too, as in a
    bot a few seconds after start-up (benchmarks: first sight of a word at full speed)."""
    return wait_loaded(timeout) and _prepared.wait(timeout)


def prepared() -> bool:
    """Whether the filters and the first-use structures are built too (or failed, which is logged)."""
    return _prepared.is_set()


def ready() -> bool:
    """Whether lemmas are available now."""
    return _loaded.is_set()


def lemma(word: str, lang: str) -> str:
    """The dictionary form of a word, without accents; the word itself when unknown or not loaded yet."""
    if not word.isalpha() or not _loaded.is_set():
        return deaccent(word)
    return _lemma(word, lang)


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    return deaccent(_tools[0][0].lemmatize(word, lang).casefold())


def known(word: str, lang: str) -> bool:
    """Whether simplemma has the word (a real word is not treated as a typo of another); False until loaded."""
    return _loaded.is_set() and _known(word, lang)


@lru_cache(maxsize=65536)
def _known(word: str, lang: str) -> bool:
    from simplemma.utils import normalize_token  # simplemma.is_known's own steps, on the sieved dictionary

    return _tools[0][1].get_lemma(normalize_token(word), lang) is not None
