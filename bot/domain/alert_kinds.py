"""The kinds of urgent alert (what a patient said or did that pages a person), and groups of them that more
than one part of the bot reads. Split from escalation.py, which re-exports AlertKind."""

from __future__ import annotations

from typing import Literal

AlertKind = Literal[
    "crisis",  # crisis words about ending their life; the kinds below name other crisis words
    "crisis_unclear",  # crisis words only the learned layer read: what about is not known
    "strong_craving",  # the same, where the rules read an urge to use or a dealer's door (newcomer9 N10)
    "other_at_risk",  # the same, where the rules read only someone else at risk ("my friend wants to kill herself")
    "forwarded", "forwarded_overdose",  # crisis words about a life, or an overdose, in a forwarded message (N252)
    "overdose", "overdose_other",  # overdose_other: someone with the patient may have overdosed (newcomer7 N5)
    "self_harm", "abuse", "harm_others", "not_safe", "sos", "phq9",
    "child_abuse",  # a child at home hurt or sexually abused now (newcomer9 N45): the counselor, a mandated reporter
    "not_sure",  # "idk" to "Are you safe right now?": paged as "not safe" is, and said as it was (gaps11 #1)
    "phq9_words",  # the questionnaire's safety item answered in words it could not read (paged to be safe)
    "relapse",
    "checkin",
    "withdrawn_crisis",  # crisis words after /stop (no words kept); the four below keep the kind, never the words
    "withdrawn_overdose", "withdrawn_self_harm", "withdrawn_abuse", "withdrawn_harm_others",
    "invitee_crisis",  # crisis words from someone holding an invitation, before "I agree" (no words kept)
    "invitee_overdose", "invitee_self_harm", "invitee_abuse", "invitee_harm_others",  # the same, with its kind
]  # fmt: skip

# The kinds crisis words raise (the screen read the words; the kind decides the patient's answer), named once:
# written out in three places, a kind added in one was missed in another (newcomer10 N22: the invitation's kinds
# were outside the unanswered sweep's list, and a patient who reported an overdose never heard nobody answered).
CRISIS_WORD_KINDS: frozenset[str] = frozenset(
    {"crisis", "crisis_unclear", "strong_craving", "other_at_risk", "forwarded", "forwarded_overdose", "overdose", "overdose_other", "self_harm", "abuse",
     "child_abuse", "harm_others"}
)  # fmt: skip
