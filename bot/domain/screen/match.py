"""The crisis screen's second half: which frames fire in a clause, at what level, with what framing.

Negation in the clause cancels a frame; a third-person subject or historical / hypothetical framing
lowers a crisis to "check" and drops a relapse or craving; a soften word turns a relapse into a
craving. Work is proportional to the words that can start a frame, so long messages stay linear.
"""

from __future__ import annotations

from bot.domain.screen.rules import RANK, Frame, Rules
from bot.domain.screen.tag import Clause


def fired(clauses: list[tuple[Clause, int]], lang: str, rules: Rules) -> dict[str, int]:
    """Every "<level>:<frame>" that fired in these clauses, with its level's rank."""
    framed: dict[int, str] = {}
    present: dict[int, frozenset[str]] = {}
    for clause, sentence in clauses:
        framed[sentence] = framed.get(sentence, "") or _framing(clause)
        present[sentence] = present.get(sentence, frozenset()).union(*clause)
    found: dict[str, int] = {}
    best: dict[str, int] = {}  # frame name -> highest rank it already fired at
    for clause, sentence in clauses:
        where: dict[str, list[int]] = {}
        for k, concepts in enumerate(clause):
            for concept in concepts:
                where.setdefault(concept, []).append(k)
        for frame, order in _candidates(where, rules):
            if best.get(frame.name, -1) >= RANK[frame.level]:
                continue  # it cannot fire any higher: a long message costs no more than a short one
            result = _fire(frame, order, clause, where, framed[sentence], present[sentence], lang)
            if result:
                level, reason = result
                found.setdefault(f"{level}:{reason}", RANK[level])
                best[frame.name] = max(best.get(frame.name, -1), RANK[level])
    return found


def _framing(clause: Clause) -> str:
    seen = set().union(*clause) if clause else set()
    if "HIST" in seen or ("YEARS" in seen and ("AGO" in seen or "HACE" in seen)):
        return "historical"
    if "HYPO" in seen:
        return "hypothetical"
    return ""


def _candidates(where: dict[str, list[int]], rules: Rules) -> list[tuple[Frame, tuple[frozenset[str], ...]]]:
    """The frames (in each slot order) whose first slot is somewhere in the clause."""
    out: list[tuple[Frame, tuple[frozenset[str], ...]]] = []
    seen: set[int] = set()
    for concept in where:
        for pair in rules.by_concept.get(concept, ()):
            if id(pair) not in seen:
                seen.add(id(pair))
                out.append(pair)
    return out


def _fire(
    frame: Frame,
    order: tuple[frozenset[str], ...],
    clause: Clause,
    where: dict[str, list[int]],
    framing: str,
    sentence: frozenset[str],
    lang: str,
) -> tuple[str, str] | None:
    if (frame.max_tokens and len(clause) > frame.max_tokens) or (frame.language and frame.language != lang):
        return None
    if frame.blockers & where.keys() or not all(g & sentence for g in frame.also):
        return None
    if not all(slot & where.keys() for slot in order):
        return None  # a slot found nowhere in the clause: no need to try each start
    # Only where the first slot is: a long message costs its words, not words x frames.
    for start in sorted({k for concept in order[0] & where.keys() for k in where[concept]}):
        span = _match(order, clause, start, frame.window)
        if span is None or not _clean(frame, clause, start, span):
            continue
        level, name = frame.level, frame.name
        if frame.soften and any(frame.soften & c for c in clause[max(0, start - 6) : start]):
            level = "craving"
        third = frame.person == "first" and _third_person(clause, span, lang)
        framed = "third_person" if third else (framing if frame.framing else "")
        if framed:
            if level != "crisis":
                return None  # a friend's relapse or an old craving is not this patient's news
            level, name = "check", f"{name}.{framed}"
        return level, name
    return None


def _match(order: tuple[frozenset[str], ...], clause: Clause, start: int, window: int) -> list[int] | None:
    if not order[0] & clause[start]:
        return None
    span = [start]
    for n, slot in enumerate(order[1:]):
        prev = span[-1]
        # One word may fill two slots only when it carries both (Spanish "matarme": KILL and ME).
        first = prev if order[n] & clause[prev] and slot & clause[prev] else prev + 1
        for j in range(first, min(len(clause), start + window + 1)):
            if slot & clause[j]:
                span.append(j)
                break
        else:
            return None
    return span


def _clean(frame: Frame, clause: Clause, start: int, span: list[int]) -> bool:
    end = span[-1]
    if frame.after and any(frame.after & c for c in clause[end + 1 : end + 4]):
        return False
    if frame.bare and end + 1 < len(clause) and not _bare_tail(clause, end + 1):
        return False
    if frame.negatable:
        used = set(span)
        inside = (clause[k] for k in range(start, end) if k not in used)
        if any("NEG" in c for c in clause[max(0, start - 4) : start]) or any("NEG" in c for c in inside):
            return False
    return True


def _bare_tail(clause: Clause, k: int) -> bool:
    """'used again', 'tomé el sábado': a time or 'again' next, perhaps after an article."""
    if {"AGAIN", "TIME"} & clause[k]:
        return True
    return "ARTICLE" in clause[k] and k + 1 < len(clause) and bool({"AGAIN", "TIME"} & clause[k + 1])


def _third_person(clause: Clause, span: list[int], lang: str) -> bool:
    """Whether the subject is someone else: the nearest marker before the match (in Spanish, first
    a verb between the matched words: "me va a matar")."""
    start, end = span[0], span[-1]
    inside = [k for k in range(start + 1, end) if k not in span] if lang == "es" else []
    for k in [*inside, *range(start - 1, max(-1, start - 9), -1)]:
        if "FIRST" in clause[k]:
            return False
        if "THIRD" in clause[k]:
            return True
    return False
