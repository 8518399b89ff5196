"""Groups of alert kinds (bot/domain/escalation.py's AlertKind) that more than one part of the bot reads."""

from __future__ import annotations

# The kinds crisis words raise (the screen read the words; the kind decides the patient's answer), named once:
# written out in three places, a kind added in one was missed in another (newcomer10 N22: the invitation's kinds
# were outside the unanswered sweep's list, and a patient who reported an overdose never heard nobody answered).
CRISIS_WORD_KINDS: frozenset[str] = frozenset(
    {"crisis", "crisis_unclear", "strong_craving", "overdose", "overdose_other", "self_harm", "abuse",
     "child_abuse", "harm_others"}
)  # fmt: skip
