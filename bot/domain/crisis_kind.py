"""What a crisis is about, from the frames the screen fired: the answer and the alert fit the kind.

Someone being hurt needs a domestic-violence line, someone about to hurt another person needs to step
away, and the counselor paged at 3 AM needs to know which it is. The screen's crisis frames are
grounded in the Columbia Protocol's suicide items; the few that are not are named here. A frame added
later and not named here counts as "crisis" (the suicide answer with every line), the safe default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from bot.domain.bystander import whose_overdose
from bot.domain.escalation import AlertKind

# "crisis_unclear": the learned layer alone read a crisis; it says nothing of what about (newcomer6 finding 38:
# fear of an abuser, an overdose bystander and running out of pills were all answered and carded as suicide).
# "overdose_other": someone with them may have overdosed (newcomer7 N5; read from the words: bot/domain/bystander.py).
# "strong_craving": the learned layer alone read a crisis where the rules read an urge to use or a dealer's door
# (newcomer9 N10): still paged, answered with help for the urge, the crisis lines kept after it.
# "other_at_risk": the learned layer alone read a crisis where the rules read only someone else at risk ("my friend
# says she wants to kill herself tonight"): still paged, answered as a helper is (what to do for them, and are YOU
# safe), carded as someone else's danger, with no domestic-violence line for the "she" named (session 22, found
# trying the emulator's /forward).
# "child_abuse": a child at home hurt or sexually abused now (newcomer9 N45): a child-abuse line, and the counselor,
# a mandated reporter, reads that it is a child.
CrisisKind = Literal[
    "crisis", "overdose", "overdose_other", "self_harm", "abuse", "child_abuse", "harm_others", "not_safe",
    "crisis_unclear", "strong_craving", "other_at_risk",
]  # fmt: skip

# Screen frame name -> kind (bot/data/screen_frames.toml); every other crisis frame is "crisis".
FRAMES: dict[str, CrisisKind] = {
    "overdose": "overdose",
    "self_harm": "self_harm",
    "abuse": "abuse",
    "harm_to_others": "harm_others",
    "not_safe": "not_safe",
}
# Which kind names the alert when several fired ("he hits me and I want to die"): what a counselor
# must act on first. The patient's answer still carries the lines of every kind that fired.
# Abuse before self-harm (newcomer7 finding N20: "my boyfriend hits me and threatened me with a knife today",
# carded "talked about hurting themselves", may be phoned at home, where he is).
ORDER: tuple[CrisisKind, ...] = (
    "overdose", "overdose_other", "crisis", "child_abuse", "abuse", "self_harm", "harm_others", "not_safe",
    "crisis_unclear", "strong_craving", "other_at_risk",
)  # fmt: skip
# The rules' readings that make a crisis only the learned layer read a strong craving: an urge, or a dealer or a bar
# (a place of use). Use already told is not among them: after it the layer's crisis may be an overdose or despair.
URGE_REASONS = ("craving:", "relapse:dealer", "relapse:at_the_bar")
# Concepts in the words that name someone else (a he, a partner) or fear of going home: with these, a crisis whose
# kind is not known may be danger from someone else, and the domestic-violence line is listed.
OTHERS_NAMED = frozenset({"THIRD", "AFRAID_HOME"})
# The concepts of the screen's child-abuse frame (bot/data/screen_frames.toml, "sexual abuse of a child in the
# writer's home, now"): someone, a sexual act, a child named as the one it is done to, in one clause. The frame is
# named "abuse" like the rest, so the abuse it fired in is told a child's by its concepts. Session 18 (newcomer N110):
# also a child hit or beaten at home by a parent or a parent's partner ("my dad hits my little sister at night").
CHILD_ABUSED = (
    frozenset({"THIRD", "MOLEST", "KID_TARGET"}),
    frozenset({"PARENT_FIG", "CHILD_BEAT", "KID_TARGET"}),
)
Clauses = Sequence[tuple[Sequence[frozenset[str]], int]]


# Two-signal crises ("crisis:signals.afraid+armed_other") are named by their signal families. Danger from
# someone else (fear for my life, abuse) and harm I mean to do are told by these; a family not listed here
# (a farewell, means at hand, a dose) is about the person's own life: the suicide answer, the safe default.
DANGER_FROM_OTHERS = frozenset(
    {"afraid", "armed_other", "threatened", "watched", "controlled", "injured", "intrusion", "afraid_home",
     "violence_at_home"}
)  # fmt: skip
HARM_SIGNALS = frozenset({"armed", "will_use_weapon", "vengeance"})
SELF_DIRECTED: frozenset[CrisisKind] = frozenset({"crisis", "overdose", "self_harm"})
# Signs that say nothing of whose danger it is (a time, a place, distress, nowhere to go).
NEUTRAL_SIGNALS = frozenset({"when", "place", "distress", "helpless", "others_away"})


def _signals_kind(families: set[str]) -> CrisisKind:
    """newcomer5 finding 27: "my brother says he'll smash my face and has a gun, I'm hiding in the bathroom"
    (afraid + armed_other) got the suicide answer and a "talked about ending their life" card."""
    if not families <= DANGER_FROM_OTHERS | HARM_SIGNALS | NEUTRAL_SIGNALS:
        return "crisis"
    if families & DANGER_FROM_OTHERS:
        return "abuse"
    return "harm_others" if families & HARM_SIGNALS else "crisis"


def crisis_kinds(reasons: Iterable[str], clauses: Clauses = ()) -> tuple[CrisisKind, ...]:
    """The kinds among an assessment's crisis reasons ("crisis:abuse"), most urgent first; ``clauses`` (the
    screen's tagged clauses) tell a child's abuse from the writer's own."""
    reasons = tuple(reasons)
    found: set[CrisisKind] = set()
    signals: list[set[str]] = []
    for reason in reasons:
        level, _, frame = reason.partition(":")
        if level != "crisis":
            continue
        head, _, rest = frame.partition(".")
        if frame.startswith("learned("):  # words a model weighed: a crisis, but not which kind
            found.add("crisis_unclear")
        elif head == "signals":
            signals.append(set(rest.split("(", 1)[0].split("+")))
        else:
            found.add(FRAMES.get(head, "crisis"))
    for families in signals:
        # Fear with nobody else named, beside a frame about their own life, is fear of themselves
        # (newcomer7 finding N25: "tengo miedo de hacerme daño esta noche" got the domestic-violence line first).
        if found & SELF_DIRECTED and families & DANGER_FROM_OTHERS <= {"afraid"}:
            continue
        # Someone threatening them, read beside its own signs ("va a venir a matarme, ya está afuera de mi casa":
        # abuse, and farewell+watched): the same danger, never also "ending their life" (newcomer18 N167).
        if "abuse" in found and families & DANGER_FROM_OTHERS:
            continue
        found.add(_signals_kind(families))
    if found == {"crisis_unclear"} and any(r.startswith(URGE_REASONS) for r in reasons):
        # The page stays (a level is never lowered); the answer and the card fit the urge.
        found = {"strong_craving"}
    elif found == {"crisis_unclear"} and about_someone_else(reasons):
        found = {"other_at_risk"}  # the page stays; the answer and the card say whose danger the rules read
    if "abuse" in found and any(
        child <= frozenset().union(*clause) for clause, _ in clauses for child in CHILD_ABUSED
    ):
        found = (found - {"abuse"}) | {"child_abuse"}
    return tuple(k for k in ORDER if k in found) or ("crisis",)


def danger_from_others(kinds: Iterable[str], reasons: Iterable[str], clauses: Clauses = ()) -> bool:
    """Whether the answer lists a domestic-violence line: someone hurting them was read, a sign of danger from
    someone else fired at any level, or the words name someone else (a crisis whose kind is not known may be
    about them). ``clauses``: the screen's tagged clauses (Assessment.clauses)."""
    if {"abuse", "child_abuse"} & set(kinds):
        return True
    for reason in reasons:
        head, _, rest = reason.partition(":")[2].partition(".")
        names = set(rest.split("(", 1)[0].split("+")) if head == "signals" else {head}
        if names & (DANGER_FROM_OTHERS | {"abuse", "afraid_home"}):
            return True
    if "other_at_risk" in kinds:
        return False  # the he or she named is the one at risk, not someone hurting the writer
    return any(concepts & OTHERS_NAMED for clause, _ in clauses for concepts in clause)


# Concepts that put someone's danger here and now (bot/data/screen_lexicon.toml): "right now", "ahorita", "tonight";
# someone waiting outside; someone coming for me; and "here" said of a he or she in the same clause ("he is here").
NOW_CONCEPTS = frozenset({"NOW", "LURKING", "COMING_FOR_ME"})


def danger_now(kinds: Iterable[str], clauses: Clauses = ()) -> bool:
    """Whether someone hurting them is there now (newcomer10 N35: "my ex is outside my apartment banging on the door
    right now" listed 911 fourth): the emergency number then comes before the domestic-violence line."""
    if "abuse" not in kinds:
        return False
    for clause, _ in clauses:
        concepts = frozenset().union(*clause)
        if concepts & NOW_CONCEPTS or {"HERE", "THIRD"} <= concepts:
            return True
    return False


def with_whose(kinds: tuple[CrisisKind, ...], text: str) -> tuple[CrisisKind, ...]:
    """An overdose someone else is in ("my friend used with me and now he wont wake up") is "overdose_other",
    beside "overdose" when the writer took something too: the answer tells a helper what to do, and the card
    says whose it is (newcomer7 N5)."""
    if "overdose" not in kinds:
        return kinds
    whose = whose_overdose(text)
    if whose == "own":
        return kinds
    found = {*kinds, "overdose_other"} - ({"overdose"} if whose == "other" else set())
    return tuple(k for k in ORDER if k in found)


def self_directed(kinds: Iterable[str]) -> bool:
    """Whether the person themselves is at risk from their own hand (not only someone else)."""
    return any(k in ("crisis", "overdose", "self_harm", "not_safe") for k in kinds)


def answer_kind(kinds: Iterable[str], *, others: bool = False) -> str:
    """The wording the "I'm not safe" answer needs: "abuse" ("child_abuse": with its line), "overdose",
    "harm_others",
    "crisis_unclear" (the learned
    layer alone: not known what about; "crisis_unclear_others" when ``others``, danger from someone else read,
    so the domestic-violence line is listed as in the first answer), or "" (their own safety; also beside
    someone else's overdose, and after a strong craving)."""
    kinds = tuple(kinds)
    if "child_abuse" in kinds:
        return "child_abuse"  # the abuse wording, with the child-abuse line (newcomer9 N45)
    if "abuse" in kinds:
        return "abuse"
    if "overdose" in kinds:  # newcomer15 N123: the emergency number first, not "go to the emergency room"
        return "overdose"
    if (
        self_directed(kinds)
        or {"overdose_other", "strong_craving", "other_at_risk"} & set(kinds)
        or not kinds
    ):
        return ""
    if "harm_others" in kinds:
        return "harm_others"
    return "crisis_unclear_others" if others else "crisis_unclear"


# newcomer6 finding 25: a withdrawn patient's "i took all my pills about 20 min ago" was paged as plain "crisis
# language". Their words are not kept after /stop, but what the words were about decides the counselor's call
# ("ring them" or "send help to their address"), so the kind is kept on the alert.
_WITHDRAWN: dict[str, AlertKind] = {
    "overdose": "withdrawn_overdose",
    "overdose_other": "withdrawn_overdose",
    "self_harm": "withdrawn_self_harm",
    "abuse": "withdrawn_abuse",
    "child_abuse": "withdrawn_abuse",
    "harm_others": "withdrawn_harm_others",
}


def withdrawn_alert_kind(kinds: Iterable[str]) -> AlertKind:
    """The alert kind for crisis words from a patient who withdrew: the most urgent kind, never the words."""
    first = next(iter(kinds), "crisis")
    return _WITHDRAWN.get(first, "withdrawn_crisis")


def invitee_alert_kind(kinds: Iterable[str]) -> AlertKind:
    """The alert kind for crisis words written before "I agree": the most urgent kind, as after /stop (newcomer
    N22: "i took 30 of my moms oxys an hour ago" was carded as plain crisis words, "call 911" read as "call today")."""
    first = next(iter(kinds), "crisis")
    withdrawn = _WITHDRAWN.get(first)
    return "invitee_crisis" if withdrawn is None else _INVITEE[withdrawn]


_INVITEE: dict[str, AlertKind] = {
    "withdrawn_overdose": "invitee_overdose",
    "withdrawn_self_harm": "invitee_self_harm",
    "withdrawn_abuse": "invitee_abuse",
    "withdrawn_harm_others": "invitee_harm_others",
}


def about_someone_else(reasons: Iterable[str]) -> bool:
    """Whether worrying words are only about another person at risk ("my brother said he is going to kill
    himself": newcomer9 N7), so the answer is a helper's, not a question about the writer's own safety first."""
    checks = [r.partition(":")[2] for r in reasons if r.startswith("check:")]
    return bool(checks) and all(c == "someone_else_at_risk" or c.endswith(".third_person") for c in checks)
