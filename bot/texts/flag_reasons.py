"""Why the screen flagged a message, in a counselor's words (newcomer finding 13).

The screen names what fired as "<level>:<frame>" ("crisis:means_at_hand"), a few warning signs
together ("crisis:signals.fixation+means_at_hand") or the learned layer's words. Shown with the
message behind "Show message", never in the alert itself (a phone's lock screen shows that).
"""

from __future__ import annotations

from bot.texts.base import esc

# Frames by what a clinician would call them; a frame not listed reads as its name in words.
_PLAIN = {
    "emoji_means": "only emoji, of a means of harm (a gun, a knife, pills, a rope)",
    "passive_wish": "passive death wish (wishing to be dead or not to wake up)",
    "death_appeals": "passive death wish (wishing to be dead or not to wake up)",
    "accident_wish": "passive death wish (wishing for a fatal accident)",
    "tired_of_living": "tired of living",
    "suicidal_thoughts": "suicidal thoughts",
    "active_thoughts": "suicidal thoughts",
    "thoughts_of_dying": "thoughts of dying",
    "kill_self": "stated intent to end their life",
    "end_life": "stated intent to end their life",
    "end_it": "stated intent to end it all",
    "intent_to_die": "stated intent to die",
    "resolve_to_do_it": "resolve to act",
    "method": "a suicide method named",
    "method_thought": "thinking about a method",
    "plan": "a plan (how, when or where)",
    "when": "a time set",
    "means_at_hand": "means at hand (pills, a weapon, a rope within reach)",
    "acquiring_means": "getting the means",
    "stockpiling": "saving up pills or other means",
    "at_place_of_means": "at a dangerous place now (a bridge, tracks, a height)",
    "at_a_high_place": "at a height now",
    "overdose": "an overdose, taken or about to be",
    "self_harm": "self-harm",
    "injured": "injured",
    "farewell": "saying goodbye",
    "goodbye_note": "a goodbye note",
    "giving_things_away": "giving belongings away",
    "rehoming": "giving belongings or a pet away",
    "rehoming_a_pet": "giving a pet away",
    "finality": "final-sounding words",
    "last_time": "a 'last time'",
    "burden": "feeling a burden to others",
    "nobody_would_miss_me": "believing nobody would miss them",
    "hopeless": "hopelessness",
    "no_way_out": "feeling trapped, no way out",
    "no_reason_to_live": "no reason to live",
    "life_not_worth_living": "life not worth living",
    "cant_go_on": "cannot go on",
    "cant_take_it": "cannot take it anymore",
    "giving_up": "giving up",
    "pointless": "nothing has a point",
    "nothing_matters": "nothing matters",
    "sudden_calm": "sudden calm after distress",
    "fixation": "preoccupied with it",
    "not_safe": "said they are not safe",
    "abuse": "being hurt by someone",
    "violence_at_home": "violence at home",
    "afraid_home": "afraid at home",
    "threatened": "being threatened",
    "controlled": "being controlled by someone",
    "harm_to_others": "thoughts of hurting someone else",
    "will_use_weapon": "intent to use a weapon",
    "armed": "has a weapon",
    "use": "substance use (a lapse or relapse)",
    "slip": "a slip",
    "sobriety_lost": "sobriety lost",
    "misuse": "misusing medication",
    "urge": "craving",
    "read_with_earlier": "read with the words just before it",  # newcomer15 N125
    # Signal families (newcomer15 N118: "armed other, means at hand" for the patient's own access to their
    # dad's pistol read as someone else armed). The screen's frame fires on a weapon beside another person named:
    # the words say whose, so the card says no more than that; beside means at hand, see _TOGETHER.
    "armed_other": "a weapon and another person named (a weapon at home, or someone armed)",
    "others_away": "others away or asleep (a time alone)",
    "afraid": "afraid for their life (hiding, shut in)",
    "watched": "someone waiting outside or following them",
    "resolved": "a decision made, a time or place set",
    "ready": "saying everything is ready",
    "secret": "a goodbye kept secret",
    "reassure": "telling others not to worry about them",
    "place": "a lonely or high place named",
    "no_rescue": "asking that nobody come or stop it",
    "veiled_farewell": "a farewell told as an absence to come",
    "pretense": "the real reason hidden",
    "looking_down": "looking over a drop",
    "cancelled": "calling off their sessions or plans",
    "vengeance": "someone will get what's coming",
    "distress": "distress",
}
# Two signals that together say one thing plainly.
_TOGETHER = {
    frozenset({"armed_other", "means_at_hand"}): "access to a weapon (within reach, theirs or at home)"
}
_LEVEL = {"crisis": "crisis", "check": "safety check", "relapse": "relapse", "craving": "craving"}
LANGUAGES = {"es": "Spanish"}


# A frame and framing read as one (the bot's own readings in context: bot/handlers/crisis_context.py).
_FRAMED = {"overdose.getting_worse": "signs of the overdose getting worse (after it was reported)"}


def _frame(name: str) -> str:
    if name in _FRAMED:
        return _FRAMED[name]
    frame, _, framing = name.partition(".")
    words = _PLAIN.get(frame, frame.replace("_", " "))
    return f"{words} ({framing.replace('_', ' ')})" if framing else words


def reason_words(reason: str) -> str:
    """One screen reason in words: "crisis: means at hand (pills, …)"."""
    level, _, rest = reason.partition(":")
    if rest.startswith("signals."):
        signals = rest[8:].split("+")
        said = [words for pair, words in _TOGETHER.items() if pair <= set(signals)]
        signals = [f for f in signals if not any(f in pair for pair in _TOGETHER if pair <= set(signals))]
        what = "warning signs together: " + ", ".join([*said, *(_frame(f) for f in signals)])
    elif rest.startswith("learned("):
        what = "the learned screen, from the words " + rest[8:].rstrip(")")
    else:
        what = _frame(rest)
    return f"{_LEVEL.get(level, level)}: {what}"


def flag_explained(reasons: list[str], language: str) -> str:
    """The lines under a flagged message: its language when not English, and why it was flagged."""
    lines = []
    if language in LANGUAGES:
        lines.append(f"Written in {LANGUAGES[language]}.")
    seen: list[str] = []
    for words in (reason_words(r) for r in reasons):
        if words not in seen:
            seen.append(words)
    if seen:
        lines.append("Why the screen flagged it (as it reads the message now): " + "; ".join(seen) + ".")
    return esc("\n".join(lines))
