"""The answer to crisis words written again while their alert is open (newcomer9 N40).

The first crisis words got the whole answer (what to do, the lines, who was told, the plan, "Are you safe?");
the same kind again, minutes later, gets a shorter one: that the bot is still here, who has these words now
(truthfully: those Telegram took them to), and the lines the kind calls for, in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import bullet_lines, esc
from bot.texts.crisis_answer import crisis_resources

__all__ = ["crisis_again"]

_T = {
    "en": {
        "one": "I'm still here. {names} has your messages.",
        "many": "I'm still here. {names} have your messages.",
        "and": "and",
        "danger": "If you're in danger, please reach someone now:",
        "overdose": "<b>Call the emergency number below now</b>, even if you feel okay:",
        # Someone with them (newcomer15 N124: "hes not breathing right" was told "even if you feel okay").
        "overdose_other": "<b>Call the emergency number below now</b> and stay with them. If you have naloxone "
        "(Narcan), give it now. If they aren't breathing, tell the person on the phone:",
        "after_hours": "Our after-hours line: ",
    },
    "es": {
        "one": "Sigo aquí. {names} tiene tus mensajes.",
        "many": "Sigo aquí. {names} tienen tus mensajes.",
        "and": "y",
        "danger": "Si estás en peligro, por favor busca ayuda ahora:",
        "overdose": "<b>Llama ahora al número de emergencias de abajo</b>, aunque te sientas bien:",
        "overdose_other": "<b>Llama ahora al número de emergencias de abajo</b> y quédate con la persona. Si "
        "tienes naloxona (Narcan), pónsela ya. Si no respira, díselo a quien te conteste:",
        "after_hours": "Nuestra línea fuera de horario: ",
    },
}


def crisis_again(
    kinds: Sequence[str],
    language: str,
    names: Sequence[str],
    lines: Sequence[str],
    *,
    abuse_lines: Sequence[str] = (),
    after_hours: str = "",
    now: bool = False,
) -> str:
    """Crisis words of the kind already answered, while its alert is open: still here, who has them (``names``,
    never empty), and the kind's lines (the emergency number first for an overdose, or someone hurting them there
    ``now``)."""
    t = _T.get(language, _T["en"])
    escaped = [esc(n) for n in names]
    joined = escaped[0] if len(escaped) == 1 else f"{', '.join(escaped[:-1])} {t['and']} {escaped[-1]}"
    head = t["one" if len(escaped) == 1 else "many"].format(names=joined)
    # The writer's own overdose first when both (they took something too); a helper's steps when only someone else.
    step = "overdose" if "overdose" in kinds else "overdose_other" if "overdose_other" in kinds else "danger"
    extra = f"\n• {t['after_hours']}{esc(after_hours)}" if after_hours else ""
    resources = bullet_lines(crisis_resources(kinds, lines, abuse_lines, now=now))
    return f"{head} {t[step]}\n{resources}{extra}"
