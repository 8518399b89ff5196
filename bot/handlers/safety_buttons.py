"""The "Are you safe right now?" buttons, shared by the crisis answer, the check question and the check-in's
urgent answers (bot/handlers/crisis_answers.py handles the taps)."""

from __future__ import annotations

from bot import texts


def safety_buttons(
    language: str = "en", *, misread: bool = True, kind: str = "", urge: bool = False
) -> list[list[tuple[str, str]]]:
    """'Are you safe right now?' buttons (bot/handlers/crisis_answers.py handles them). The language rides
    in the callback ("cr:safe:es") so the reply to the tap is in the language of the question, and the
    kind ("cr:notsafe:en:abuse") so "I'm not safe" is answered for what it is about. ``urge``: urge surfing
    first, which the answer to a strong craving points to (newcomer9 N10)."""
    lang = texts.buttons_language(language)
    safe, not_safe, misread_label = texts.SAFETY_BUTTONS[lang]
    tail = f":{lang}:{kind}" if kind else "" if lang == "en" else f":{lang}"
    rows = [[(safe, f"cr:safe{tail}")], [(not_safe, f"cr:notsafe{tail}")]]
    rows = [texts.urge_buttons(lang)[0][:1], *rows] if urge else rows
    return [*rows, [(misread_label, f"cr:misread{tail}")]] if misread else rows


CHECK = "check"  # the kind in the buttons under the "check" question (worrying words, nobody paged)
