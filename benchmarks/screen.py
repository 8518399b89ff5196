"""The crisis screen's speed: messages per second and p99 per message, on patient messages, on
4,096-character messages, and on adversarial input (goal p99 <= 2 ms, no catastrophic backtracking).

Each is read once (first reading: its rarer words new to the process) and then twice more (read again:
every word remembered), printed apart. The caches are warmed only on other texts than those measured.

It measures what a bot pays, garbage collector included: a bot holds no corpus, so the benchmark keeps
the texts as plain strings (no Example objects) while it measures, and prints beside each line the full
(generation-2) collections that ran in it and the longest of them, and at the end how many objects the
collector tracks. The bot's collector policy is applied as the bot applies it once started (bot/collector.py:
what start-up built frozen, and a young collection between messages every TEND_EVERY messages, as the
bot's every 30 s: a bot reading 3 messages a second); --no-settle measures without it.

Run: .venv/bin/python -m benchmarks.screen
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

from bot import collector
from bot.domain.screen import ngrams
from bot.domain.screen.assess import assess, default_rules
from bot.domain.screen.lemmas import wait_prepared
from tests.domain.screen import screen_corpus

LONG = 4096
FRESH = 500  # writers' messages read right after start-up, before any other


def _adversarial(rng: random.Random) -> list[str]:
    """Inputs that make naive regular expressions backtrack, and ones that maximise frame candidates."""
    return [
        "a" * LONG,
        "k" + "i" * (LONG - 3) + "ll",
        ("kill " * 820)[:LONG],
        ("not " * 1024)[:LONG],
        ("i want to " * 410)[:LONG],
        ("me quiero " * 410)[:LONG],
        ("1" * LONG),
        ("\u200b" * 2048 + "die" * 682)[:LONG],
        " ".join(
            rng.choice(["kill", "myself", "want", "die", "pills", "all", "took", "me", "not", "he", "hit"])
            for _ in range(800)
        )[:LONG],
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz !?.,'") for _ in range(LONG)),
        ("k i l l " * 512)[:LONG],
        ("😭" * LONG),
        ("ok. " * 1024)[:LONG],  # a sentence every four characters: the n-gram layer reads it piece by piece
        ("no!\n" * 1024)[:LONG],
    ]


def _long_messages(texts: list[str], rng: random.Random, n: int, used: set[str] | None = None) -> list[str]:
    out = []
    for _ in range(n):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < LONG:
            words.append(rng.choice(texts))
        out.append(" ".join(words)[:LONG])
        if used is not None:
            used.update(words)
    return out


def _benign_long(pool: dict[str, list[str]], rng: random.Random, n: int) -> list[str]:
    """Long check-ins with nothing alarming: benign messages of one language (as a patient writes), each
    ended by its own stop or a full stop or a line break, as benchmarks/screen_long.py stitches them."""
    out = []
    for k in range(n):
        texts, lines = pool[("en", "es")[k % 2]], list[str]()
        while sum(map(len, lines)) < LONG:
            line = rng.choice(texts).rstrip()
            lines.append(line + " " if line[-1:] in ".!?" else line + rng.choice((". ", "\n")))
        out.append("".join(lines)[:LONG])
    return out


class _Pauses:
    """The full (generation-2) collections that run while it watches (gc.callbacks), and how long each took
    (wall clock and this thread's CPU): such a pass walks every object the collector tracks, and lands on
    whichever message is being read."""

    def __init__(self) -> None:
        self.full: list[tuple[float, float]] = []
        self._start = (0.0, 0.0)
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = (time.perf_counter(), time.thread_time())
        elif info["generation"] == 2:
            self.full.append((time.perf_counter() - self._start[0], time.thread_time() - self._start[1]))

    def take(self) -> str:
        """The full passes since the last call, as a column of the benchmark's lines."""
        full, self.full = self.full, []
        wall, cpu = max(full, default=(0.0, 0.0))
        return f" | full GC {len(full)}, longest {wall * 1000:.1f} ms (CPU {cpu * 1000:.1f})"


_PAUSES = _Pauses()


TEND_EVERY = 100
_policy = [True]


def _timed(
    messages: list[str], rounds: int = 3, screen: Callable[[str], object] = assess
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per message. On a shared machine the wall clock also counts the time
    other processes held the core; this thread's CPU time is the screen's own cost."""
    wall, cpu = [], []
    for _ in range(rounds):
        for k, m in enumerate(messages):
            if _policy[0] and k % TEND_EVERY == TEND_EVERY - 1:
                collector.tend()  # between messages, as the bot's task does
            start, start_cpu = time.perf_counter(), time.thread_time()
            screen(m)
            cpu.append(time.thread_time() - start_cpu)
            wall.append(time.perf_counter() - start)
    return wall, cpu


def _p99(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.99) - 1] * 1000


def _line(name: str, timed: tuple[list[float], list[float]]) -> str:
    times, cpu = timed
    rate = len(times) / sum(times)
    return (
        f"{name:<34} {len(times):>6} runs  {rate:>9,.0f} msg/s  wall p50 {statistics.median(times) * 1000:.3f} ms"
        f"  p99 {_p99(times):.3f} ms  max {max(times) * 1000:.3f} ms | CPU p50"
        f" {statistics.median(cpu) * 1000:.3f} ms  p99 {_p99(cpu):.3f} ms{_PAUSES.take()}"
    )


def _machine() -> str:
    """How loaded this machine is: the same pure-Python loop takes about 1.5 ms on an idle laptop core."""
    start = time.perf_counter()
    sum(range(100_000))
    return f"reference loop sum(range(100000)): {(time.perf_counter() - start) * 1000:.1f} ms"


def _random_pages(rng: random.Random, n: int) -> list[str]:
    """Pages of random letters, spaces and stops, each new: nearly every word never seen before."""
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz !?.,'") for _ in range(LONG)) for _ in range(n)]


def _first_and_again(name: str, messages: list[str]) -> None:
    """The first reading of each message (its rarer words new to the process, as a patient's are) and two
    readings more (every word remembered), printed apart: caches make the second figure, not the first."""
    print(_line(f"{name}, first reading", _timed(messages, 1)))
    print(_line(f"{name}, read again", _timed(messages, 2)))


def main(argv: list[str] | None = None) -> None:
    rng = random.Random(7)
    print(_machine())
    default_rules()  # loaded once at start-up in the bot, so not counted here
    wait_prepared(None)  # and the dictionaries, their filters and the first-use indexes: 2-3 s after start-up
    # (text, level, language) as plain strings: a bot holds no corpus, and 20,000 Example objects would be
    # walked by every full collection measured here
    examples = [(e.text, e.level, e.language) for e in screen_corpus.independent_development()]
    writers = [text for text, _, _ in examples]
    _policy[0] = "--no-settle" not in (sys.argv[1:] if argv is None else argv)
    if _policy[0]:
        collector.settle()  # as the bot does once started and its screen prepared (bot/runtime.py)
    print(
        f"objects the garbage collector tracks: {len(gc.get_objects()):,} (frozen: {gc.get_freeze_count():,})"
    )
    rng.shuffle(writers)
    fresh, writers = writers[:FRESH], writers[FRESH:]
    held, patient = writers[: len(writers) // 5], writers[len(writers) // 5 :]
    _PAUSES.take()  # (start-up's own)
    # Soon after start-up little is remembered: the first messages a restarted bot reads pay for nearly
    # every word and clause kind.
    print(_line(f"first {FRESH} messages after start-up", _timed(fresh, 1)))
    # A running bot has read other patients' messages: warmed on the team's own texts (the development
    # files, the locked part, the paraphrases), never on the writers' messages measured below.
    team = [e.text for e in screen_corpus.locked() + screen_corpus.development()]
    measured = {*held, *patient}
    _timed([t for t in team if t not in measured], 1)
    del team
    _PAUSES.take()
    _first_and_again("patient messages (writers' sets)", patient)
    used: set[str] = set()
    long = _long_messages(held, rng, 50, used)  # from messages not read yet
    _first_and_again(f"{LONG}-character messages", long)
    # Nearly all of those hold a crisis the rules find, and then the learned layer does not run; a long
    # check-in with none is read by it too. From benign messages not read yet, one language each.
    unread = set(held) - used
    pool = {lang: [text for text, level, language in examples if text in unread and level == "none" and language == lang]
            for lang in ("en", "es")}  # fmt: skip
    _first_and_again(f"{LONG}-character benign check-ins", _benign_long(pool, random.Random(13), 50))
    adversarial = _adversarial(rng)
    _first_and_again("adversarial input (4,096 chars)", adversarial)
    _first_and_again("pages of random letters (4,096)", _random_pages(rng, 20))
    # Most long messages hold a crisis the rules find, and then the n-gram layer has nothing to add; where
    # the rules find none it reads every sentence and pair of the text: its own cost, on the same input.
    model = ngrams.shipped()
    if model is not None:
        layer = partial(ngrams.read, model, lang="en")
        print(_line(f"n-gram layer alone, {LONG} characters", _timed(long, 3, layer)))
        print(_line("n-gram layer alone, adversarial", _timed(adversarial, 3, layer)))
    print(
        f"objects the garbage collector tracks: {len(gc.get_objects()):,} (frozen: {gc.get_freeze_count():,})"
    )
    print(_machine())


if __name__ == "__main__":
    main()
