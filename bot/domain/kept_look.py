"""Whether words kept unsent may need a counselor's look (newcomer24 N261, P1 silent).

Text typed outside any question is kept until the patient taps "Send" and deleted after a day: a privacy
promise. The screen reads it first; a crisis pages and a worrying one asks "Are you safe?" with a flag. What
the screen reads as nothing stays private. But the screen misses phrasings ("tried to od last nite but i threw
up", "i was gonna do it last nite, had everything ready" read as none), and then an attempt told the next
morning was deleted unseen. The net, from what the screen already exposes (no new screen rule):

- a level above none the screen did not answer itself;
- a word of an attempt, an overdose or a farewell among the concepts it tagged ("od", "do it", "goodbye",
  "sorry for everything", "last text");
- its learned layer scoring the words near its threshold without crossing it, in a text of some length (in a
  short one the model's evidence is thinnest, it asks already when over, and "im outside" scores near).

What the net does with it keeps the balance: the counselor learns that a kept message may need a look (never
the words), the patient is told so with the offer and asked again before the deletion.
On the development corpora (tests/data/screen, benchmarks' sets), 4 % of the benign texts the screen reads as
none would leave such a flag (most of them written to look like one), and 20 of its 28 misses would.
"""

from __future__ import annotations

import re

from bot.domain.screen.assess import Assessment, Level
from bot.domain.screen.ngrams import SHORT_WORDS, WINDOW, read, shipped

# Concepts the screen tags that name an attempt, an overdose or a farewell (bot/data/screen_lexicon.toml).
WORDS = frozenset(
    ("OVERDOSE", "SUICIDE", "TRIED_IT", "DO_IT", "END_IT", "FAREWELL", "GOODBYE", "PARTING", "THANKS_ALL",
     "LAST_WORDS", "GONE_FUTURE", "SLEEP_FOREVER", "GO_FOREVER")
)  # fmt: skip
# "Near" its threshold: this share of it (out of fold, the misses it caught scored 0.8 to 1).
NEAR = 0.8
_WORD = re.compile(r"\w+")


def needs_a_look(assessment: Assessment, text: str) -> bool:
    """Whether words kept unsent should leave the counselor a "may need a look" flag."""
    if assessment.level > Level.NONE:
        return True
    if any(WORDS & concepts for clause, _ in assessment.clauses for concepts in clause):
        return True
    model = shipped()
    if model is None or len(_WORD.findall(text)) < SHORT_WORDS:
        return False
    verdict = read(model, text, assessment.language)
    return verdict.probability >= model.threshold(assessment.language, len(text) > WINDOW) * NEAR
