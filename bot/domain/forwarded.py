"""A crisis in a forwarded message (newcomer24 N252, N273): the bot knows the words came from another chat.

"i took all my pills an hour ago, tell my mom i love her", forwarded from a friend, got the own-overdose answer
("even if you feel okay") and the card "wrote about an overdose": advice addressed to the wrong person, and a
counselor phoning the patient from the wrong premise. A forward about the writer's own life is answered as a
helper is (the "other_at_risk" answer: the emergency number for them, stay with them, lines for people worried
about someone, then are YOU safe) and carded as forwarded, its overdose kept (N273: "hoy me tomo todas mis
pastillas", a plan, is still an overdose on the card). It may be the patient's own words from elsewhere: the page
stays, the card says both, and the "I'm not safe" button still answers for their own safety. Danger from someone
else (abuse, a threat) is left as read: its lines help whoever it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.domain.alert_kinds import AlertKind
from bot.domain.crisis_kind import CrisisKind

# The kinds about the writer's own life (or an overdose): in a forward, possibly someone else's.
OWN_LIFE = frozenset(
    {"crisis", "crisis_unclear", "overdose", "overdose_other", "self_harm", "not_safe", "other_at_risk"}
)


def forwarded_reading(
    kinds: Sequence[CrisisKind], reasons: Iterable[str]
) -> tuple[tuple[CrisisKind, ...], AlertKind] | None:
    """The answer's kinds and the alert's kind for crisis words that came forwarded; None when they name danger
    from someone else (left as read)."""
    if not set(kinds) <= OWN_LIFE:
        return None
    overdose = {"overdose", "overdose_other"} & set(kinds) or any(
        r.startswith("crisis:overdose") for r in reasons
    )
    if overdose:  # a helper's overdose answer: call now, do not wait (newcomer25 N286)
        return ("other_at_risk", "overdose_other"), "forwarded_overdose"
    return ("other_at_risk",), "forwarded"
