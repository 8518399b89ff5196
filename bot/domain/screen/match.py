"""The crisis screen's second half: which frames fire in a clause, at what level, with what framing.

Negation in the clause cancels a frame; a third-person subject or historical / hypothetical framing
lowers a crisis to "check" and drops a relapse or craving; a soften word turns a relapse into a
craving. Work is proportional to the words that can start a frame, so long messages stay linear.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set as AbstractSet
from itertools import compress, count
from operator import not_

from bot.domain.screen.frame_index import Slot
from bot.domain.screen.rules import RANK, SIGNAL, Composition, Frame, Rules
from bot.domain.screen.tag import Clause

_EMPTY: frozenset[str] = frozenset()


def fired(clauses: list[tuple[Clause, int]], lang: str, rules: Rules) -> dict[str, int]:
    """Every "<level>:<frame>" that fired in these clauses, with its level's rank."""
    framed: dict[int, str] = {}
    present: dict[int, set[str]] = {}
    seens = []
    for clause, sentence in clauses:
        seen = _EMPTY.union(*clause)
        seens.append(seen)
        if not framed.get(sentence):
            # (most clauses hold no framing concept: told in C, without the call)
            framed[sentence] = "" if seen.isdisjoint(_FRAMING) else _framing(seen)
        present.setdefault(sentence, set()).update(seen)
    found: dict[str, int] = {}
    best: dict[object, int] = {}  # frame name (a signal's: with its sentence) -> highest rank it fired at
    signals: dict[str, set[int]] = {}  # signal family -> the sentences it fired in
    alone: set[str] = set()  # signal families that are a check on their own
    as_signal, families = rules.composition.checks_count_as, rules.composition.families
    index = rules.for_language(lang)
    table, candidates = index.table, index.candidates
    nears: dict[tuple[int, int], set[str]] = {}
    for (clause, sentence), seen in zip(clauses, seens, strict=True):
        places: dict[int, list[int]] = {}
        # this clause's use or urge: (key, rank before, reason if new)
        uses: list[tuple[tuple[str, int] | str, int, str]] = []
        overdose = False
        here, framing = present[sentence], framed[sentence]
        # every slot there, no blocker and no `unless` in the clause; in the frames file's order
        for number in candidates(seen):
            frame, order, rank, _, signal = table[number]
            key = (frame.name, sentence) if signal else frame.name
            if best.get(key, -1) >= rank:
                continue  # it cannot fire any higher (a long message costs no more)
            # The sentence's tests first, here (most candidates that fail, fail on these): none of `unless`
            # in the sentence, each `also` group in it or within `reach` sentences of it
            if frame.unless and not frame.unless.isdisjoint(here):
                continue
            if frame.also:
                reach = frame.reach
                near = nears.get((sentence, reach)) if reach else here
                if near is None:  # neighbouring sentences' concepts, joined once per sentence
                    near = nears[(sentence, reach)] = _near(present, sentence, reach)
                if any(map(near.isdisjoint, frame.also)):
                    continue
            result = _fire(frame, order, clause, places, framing, lang)
            if result:
                level, reason = result
                if frame.planned and reason == f"{frame.name}_planned":
                    key = reason  # a plan told first does not keep the act told after it from firing
                if RANK[level] < RANK["check"]:
                    uses.append(
                        (key, best.get(key, -1), "" if f"{level}:{reason}" in found else f"{level}:{reason}")
                    )
                overdose = overdose or (level == "crisis" and reason.startswith("overdose"))
                best[key] = max(best.get(key, -1), RANK[level])
                if level == SIGNAL or (as_signal and level == "check" and reason == frame.name):
                    # a check frame is general distress, or its own family when a signal shares its name
                    family = reason if level == SIGNAL or reason in families else as_signal
                    signals.setdefault(family, set()).add(sentence)
                    if frame.alone:
                        alone.add(reason)
                if level != SIGNAL:
                    found.setdefault(f"{level}:{reason}", RANK[level])
        # N88: the pills of an overdose are not also a use told ("i took all my pills"); a use in another
        # clause still is ("relapsed last week. today i took all my pills"), so its frame may fire there
        if overdose:
            for key, before, reason in reversed(uses):
                best[key] = before
                found.pop(reason, None)
    if signals:
        found.update(_compose(signals, alone, rules.composition, len(present)))
    return found


def _compose(
    signals: dict[str, set[int]], alone: set[str], rules: Composition, length: int = 0
) -> dict[str, int]:
    """Two or more risk signals of different families about the speaker, within a few sentences of
    each other, make a crisis ("crisis:signals.farewell+means_at_hand"), and so do `plan_need` weak
    ones that together are a plan (a day, a lonely place, nobody around); a signal alone is at most a
    check, and only for families marked so. In a message of more than `long_sentences` sentences
    (`length`), a `close` family counts only near a family that is not."""
    events = sorted((s, family) for family, sentences in signals.items() for s in sentences)
    scoped = bool(rules.close) and bool(rules.long_sentences) and length > rules.long_sentences
    for i, (first, _) in enumerate(events):
        window = events[i : bisect_left(events, (first + rules.sentences, ""))]
        if scoped:
            window = _close(window, rules)
        families: set[str] = set()
        repeated = 0
        for _, family in window:
            repeated += family in families and family in rules.twice
            families.add(family)
        strength = len(families) + min(repeated, 1)
        planned = bool(rules.plan_need) and len(families & rules.plan_parts) >= rules.plan_need
        if strength >= rules.need and (planned or not families <= rules.weak):
            return {f"crisis:signals.{'+'.join(sorted(families))}": RANK["crisis"]}
    return {f"check:{family}": RANK["check"] for family in sorted(alone)}


def _close(window: list[tuple[int, str]], rules: Composition) -> list[tuple[int, str]]:
    """The window's signals without those of a `close` family further than `close_reach` sentences from
    every signal of a family that is not."""
    others = [s for s, family in window if family not in rules.close]
    return [
        (s, family)
        for s, family in window
        if family not in rules.close or any(abs(s - t) <= rules.close_reach for t in others)
    ]


def _near(present: dict[int, set[str]], sentence: int, reach: int) -> set[str]:
    """The concepts of a sentence and of `reach` sentences each side of it: a frame's `also` told in
    the next sentence ("did the whole bag at once. don't care if I wake up")."""
    return set().union(*(present.get(s, set()) for s in range(sentence - reach, sentence + reach + 1)))


_WEAK_PAST = "weak_past"
# every concept without which _framing gives "" (each of its framings needs one of these)
_FRAMING = frozenset({"HIST", "YEARS", "HIST_WEAK", "HYPO", "JOKE"})


def _framing(seen: AbstractSet[str]) -> str:
    """The framing a clause gives its sentence. A weak past marker ("when i was", "back in") is history only
    when nothing in its clause says it is happening now ("hit me again tonight and i'm scared to go back in
    the house"); "when i was 19, today i'm sober" stays history."""
    if "HIST" in seen or ("YEARS" in seen and ("AGO" in seen or "HACE" in seen)):
        return "historical"
    if "HIST_WEAK" in seen and "RECENT" not in seen:
        return _WEAK_PAST
    if "HYPO" in seen:
        return "hypothetical"
    if "JOKE" in seen and "LAUGH" in seen and "MEAN_IT" not in seen:
        return "joking"  # "me quiero tirar por la ventana jajaja es broma" ("no es broma" is meant)
    return ""


def _fire(
    frame: Frame,
    order: tuple[Slot, ...],
    clause: Clause,
    places: dict[int, list[int]],
    framing: str,
    lang: str,
) -> tuple[str, str] | None:
    """The level and reason when the frame fires in this clause (every slot is known to be there, and the
    sentence's `also` and `unless` were met: fired)."""
    if frame.max_tokens and len(clause) > frame.max_tokens:
        return None  # (a frame for the other language is never a candidate: Rules.for_language)
    first = order[0].number
    starts = places.get(first)
    if starts is None:
        starts = places[first] = _positions(order[0].concepts, clause)
    # Only where the first slot is: a long message costs its words, not words x frames.
    for start in starts:
        span = _match(order, clause, start, frame.window)
        if span is None or not _clean(frame, clause, start, span):
            continue
        level, name = frame.level, frame.name
        if frame.soften and not all(map(frame.soften.isdisjoint, clause[max(0, start - 6) : start])):
            level = "craving"
        if frame.planned and _planned(frame.planned, clause, start, span):
            name = f"{name}_planned"
        # An owner named before a use is not its subject ("my mom's vicodin ... took 3"), for a use only.
        owner = "OTHERS_MEDS" if lang == "en" and RANK[level] < RANK["check"] else ""
        third = frame.person == "first" and _third_person(clause, span, lang, owner)
        framed = "third_person" if third else (framing if frame.framing else "")
        if framed == _WEAK_PAST:  # history for risk; a use told "when i was over at my mom's" is news
            framed = "" if level in ("relapse", "craving") else "historical"
        if framed:
            if level != "crisis":
                return None  # a friend's relapse or an old craving is not this patient's news
            level, name = "check", f"{name}.{framed}"
        return level, name
    return None


# a past form of taking ("took", "swallowed", "overdosed"): "i want you to know i took them all"
_TAKEN = "TAKEN"


def _planned(planned: frozenset[str], clause: Clause, start: int, span: list[int]) -> bool:
    """A will, a wish or a plan shortly before the match, and no word from there to the match's end says it is
    done already ("i want you to know i took enough to not wake up")."""
    first = max(0, start - 6)
    if any(_TAKEN in concepts for concepts in clause[first : span[-1] + 1]):
        return False
    return not all(map(planned.isdisjoint, clause[first:start]))


def _positions(slot: frozenset[str], clause: Clause) -> list[int]:
    """Where in the clause any of the slot's concepts is, in order (found in C: no loop per word here)."""
    return list(compress(count(), map(not_, map(slot.isdisjoint, clause))))


def _match(order: tuple[Slot, ...], clause: Clause, start: int, window: int) -> list[int] | None:
    """The words filling each slot in turn from `start`, within the window: for each slot the nearest
    word at or after the previous slot's word (one word may fill two slots only when it carries both,
    as Spanish "matarme" carries KILL and ME). Only the window's words are read, not the clause's."""
    span = [start]
    prev, last = start, min(start + window, len(clause) - 1)
    for slot in order[1:]:
        apart = slot.concepts.isdisjoint
        while prev <= last and apart(clause[prev]):
            prev += 1
        if prev > last:
            return None
        span.append(prev)
    return span


def _clean(frame: Frame, clause: Clause, start: int, span: list[int]) -> bool:
    end = span[-1]
    if frame.after and not all(map(frame.after.isdisjoint, clause[end + 1 : end + 4])):
        return False
    if frame.sense and not all(map(frame.sense.isdisjoint, clause[end + 1 : end + 4])):
        return False
    if frame.bare and end + 1 < len(clause) and not _bare_tail(clause, end + 1):
        return False
    if frame.negatable:
        for concepts in clause[max(0, start - 4) : start]:
            if "NEG" in concepts:
                return False
        for k in range(start + 1, end):  # the words between the matched ones (the first is `start`)
            if "NEG" in clause[k] and k not in span:
                return False
    return True


_NEXT = frozenset({"AGAIN", "TIME"})
_LATER = _NEXT | {"DATE_WORD", "TEMPORARY"}
_LITTLE = frozenset({"ARTICLE", "TAIL", "FEW"})


def _bare_tail(clause: Clause, k: int) -> bool:
    """'used again', 'tomé el sábado', 'went back out over the holiday', 'a setback on tuesday': a time or
    'again' next, or after up to three little words (an article, a preposition, a count) a time or a
    stretch of days ('for about four days'; right after the verb, 'took a few days off' is no time)."""
    if _NEXT & clause[k]:
        return True
    for j in range(k, min(len(clause), k + 4)):
        if j > k and _LATER & clause[j]:
            return True
        if not _LITTLE & clause[j]:
            return False
    return False


def _third_person(clause: Clause, span: list[int], lang: str, owner: str = "") -> bool:
    """Whether the subject is someone else. Not when a matched word or one between them is the speaker
    as subject ("when I'm gone", "his gun and I've been thinking about it"); otherwise the nearest
    marker before the match, passing over `owner` words ("my mom's"). In Spanish, where verbs carry
    their person, first a verb between the matched words ("me va a matar"), then the first matched
    word itself ("se quiere morir")."""
    start, end = span[0], span[-1]
    # "me" is the object ("me va a matar"), though its dictionary form "yo" is the speaker.
    if any("FIRST" in clause[k] and "ME" not in clause[k] for k in range(start, end + 1)):
        return False
    inside = [k for k in range(start + 1, end) if k not in span] if lang == "es" else []
    if lang == "es" and "THIRD" in clause[start] and "FIRST" not in clause[start]:
        inside.append(start)
    for k in [*inside, *range(start - 1, max(-1, start - 9), -1)]:
        if "FIRST" in clause[k]:
            return False
        if "THIRD" in clause[k] and owner not in clause[k]:
            return True
    return False
