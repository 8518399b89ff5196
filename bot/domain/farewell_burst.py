"""A goodbye told in pieces after hopelessness (newcomer18 N178).

"ya no puedo" / "estoy harta de todo" / "perdónenme" / "los quiero mucho", seconds apart: the second got the
safety question ("Are you safe right now?"), the others were kept or passed on as words, and nobody was paged,
though the four as one message read as a crisis (distress beside farewell words). The burst rule
(bot/domain/burst.py) asks rather than pages on distress read across messages, since distress is a weak sign
that joins unrelated lines. A farewell said after it is not unrelated: when the words of the open safety
question (the hopelessness it asked about) are followed, within ``BURST``, by two short parting messages
(an apology, "I love you all", "thank you for everything", a goodbye), the burst is a crisis.

Not a farewell: an everyday "sorry, love you all, see you at group" with no hopelessness asked about before it;
any piece that says they will be seen or heard from again ("see you at group", "talk tomorrow"); an apology for
something small ("sorry for venting", "perdón por el rollo"), which is not said to everyone.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.burst import PIECE, READ_TOGETHER, families, read_together
from bot.domain.screen.assess import Assessment, Level, assess, default_rules

# Concepts the screen tags in a parting word: an apology, love or thanks to all, a goodbye, last words.
PARTING = frozenset(
    {"PARTING", "GOODBYE", "FAREWELL", "LAST_WORDS", "THANKS_ALL", "LOVE_SORRY", "SORRY", "FORGIVE_ASK"}
)
# Said of the days ahead: they will be seen or heard from again, or it is about the program or an outing.
AHEAD = frozenset({"SEE_YOU_SOON", "SEE_TALK", "TEMPORARY", "PROGRAM", "OUTING"})
FOR = "FOR"  # "sorry for ...": an apology for something said, not to everyone
NEED = 2  # parting messages after the hopelessness (an apology and "I love you all")
FAREWELL_TOGETHER = (
    "crisis:signals.distress+farewell"  # the reading the joined words get: a goodbye after distress
)


def _words(piece: Assessment) -> list[list[frozenset[str]]]:
    """Each clause of a reading as the concepts of its words, in order."""
    return [list(clause) for clause, _ in piece.clauses]


def parting(text: str, year: int) -> bool:
    """Whether a short message is a parting word: an apology, love or thanks said bare, a goodbye."""
    if len(text) > PIECE:
        return False
    alone = assess(text, year=year)
    clauses = _words(alone)
    said = [word for clause in clauses for word in clause]
    if not any(word & PARTING for word in said) or any(word & AHEAD for word in said):
        return False
    # "sorry for venting", "perdón por el rollo": an apology for something, unless that something worries the
    # screen itself ("perdón por ser una carga").
    for clause in clauses:
        for n, word in enumerate(clause):
            small = "SORRY" in word and "PARTING" not in word and any(FOR in w for w in clause[n + 1 :])
            if small and alone.level.rank < Level.CHECK.rank:
                return False
    return True


def _ahead(text: str, year: int) -> bool:
    return any(word & AHEAD for clause in _words(assess(text, year=year)) for word in clause)


def despairing(words: Sequence[str], year: int) -> bool:
    """Whether these words read as hopelessness by the screen's rules (a check or more, not the learned layer's
    alone): "i cant anymore. im so tired of everything"."""
    reading = assess(". ".join(words), year=year)
    return any(r.partition(":")[0] in ("check", "crisis") and "learned(" not in r for r in reading.reasons)


def farewell_after_despair(earlier: Sequence[str], text: str, year: int) -> Assessment | None:
    """The crisis reading of ``text`` when it is the second parting message after hopelessness: ``earlier`` are
    the words of an open safety question and every message since, oldest first, all within minutes; None
    otherwise."""
    if len(text) > PIECE or not parting(text, year):
        return None
    # The hopelessness: the fewest first messages that read as it ("ya no puedo" alone does not).
    start = next((n for n in range(1, len(earlier) + 1) if despairing(earlier[:n], year)), None)
    if start is None:
        return None
    after = earlier[start:]
    if any(_ahead(piece, year) for piece in after):
        return None  # "see you at group" said in the burst: an everyday sign-off
    if sum(parting(piece, year) for piece in after) + 1 < NEED:
        return None
    joint = assess(". ".join([*earlier, text]), year=year)
    ruled = tuple(r for r in joint.reasons if "learned(" not in r and r != FAREWELL_TOGETHER)
    return Assessment(Level.CRISIS, (READ_TOGETHER, FAREWELL_TOGETHER, *ruled), joint.language, joint.clauses)


def signs_after_question(earlier: Sequence[str], text: str, year: int) -> Assessment | None:
    """The crisis reading of ``text`` read with the words of an open safety question and those since, when it adds
    a warning sign beside the farewell (newcomer21 N186: "thanks for everything. really." / "this is the last time
    you'll hear from me" / "bye": farewell and finality); None otherwise. Distress beside a farewell alone is the
    rule above's (``farewell_after_despair``): "sorry for venting, love you guys" after a hard day is no goodbye."""
    found = read_together(earlier, text, year)
    if found is None:
        return None
    signs = families([r for r in found.reasons if r != READ_TOGETHER]) - {"farewell"}
    signs -= default_rules().composition.weak
    return found if signs else None
