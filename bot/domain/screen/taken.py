"""Words that report having taken something, read after a crisis (newcomer8's N15).

"i took all 30 of them", "ok i took them", "ya me las tomé" say nothing alarming alone: the screen reads a
message by itself, so minutes after "i cant stop thinking about killing myself" they were a "check" and the
patient was told "your counselor will see this at their next review". Under an open crisis alert they are
an overdose. A taking verb whose object is a pronoun ("them", "las") or everything ("all", "the whole
bottle"), said by the patient and not denied or asked, is such a report; "i took my meds" is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.screen.assess import default_rules
from bot.domain.screen.tag import Clause, tag

TAKING = frozenset({"INGEST", "SWALLOW_ALL"})
# "them", "las": not "the kids" (THEM_TAKEN: "them" as pills taken, screen_lexicon.toml)
PRONOUN = frozenset({"OTHER_OBJ", "THIRD", "ARTICLE", "HIS_HER", "THEM_TAKEN"})
# "all" said of pills or a drug ("todas las pastillas", "the whole bottle")
DOSE = frozenset({"PILL", "DRUG"})
SOMEONE_ELSE = "THIRD"  # "she took them": a subject that is not the patient
# N117: the means taken AWAY, or from me ("he took the bottle away", "my roommate took them from me"): removed by
# someone else, not a dose taken
REMOVED = frozenset({"AWAY", "MEANS_REMOVED"})
REACH = 3  # tokens between the verb and what was taken ("took them all", "me las tomé")


def _taken(c: frozenset[str]) -> bool:
    """What was taken, as a report of too much: them / las (a bare pronoun), all of them, all of it, all the
    pills; not "it" alone ("took it easy") nor a person ("took the kids")."""
    if "ALL_OF_THEM" in c or "SWALLOW_ALL" in c or ("MANY" in c and ("IT_ALL" in c or c & DOSE)):
        return True
    return "OTHER_OBJ" in c and c <= PRONOUN


def reports_taking(text: str) -> bool:
    """Whether the text says the patient took something that, after a crisis, is an overdose."""
    return taking_in(text, tag(text, default_rules())[1])


def taking_in(text: str, clauses: Sequence[tuple[Clause, int]]) -> bool:
    """``reports_taking`` on clauses already tagged (an Assessment's): the text is not tagged twice."""
    if "?" in text:
        return False  # "did you take them?", "¿me las tomo?"
    for clause, _ in clauses:
        for i, concepts in enumerate(clause):
            if not concepts & TAKING:
                continue
            before, around = clause[:i], clause[max(0, i - REACH) : i + REACH + 1]
            if any("NEG" in c for c in before):
                continue
            if any(SOMEONE_ELSE in c and "OTHER_OBJ" not in c for c in before):
                continue
            if _someone_else(before) or any(c & REMOVED for c in clause[i + 1 : i + REACH + 2]):
                continue
            near = [c for c in around if c is not concepts]
            if "SWALLOW_ALL" in concepts or any(_taken(c) for c in near):
                return True
    return False


def _someone_else(before: Sequence[frozenset[str]]) -> bool:
    """N117: a person named before the verb, and the patient nowhere before it ("my roommate took them"): someone
    else's act. "them" before the verb is what was taken, not who took it; "i gave my roommate the keys and took
    them all" is the patient's."""
    if any("FIRST" in c for c in before):
        return False
    return any(SOMEONE_ELSE in c and not c <= PRONOUN for c in before)
