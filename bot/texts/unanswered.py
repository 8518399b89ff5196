"""An urgent alert nobody acknowledged by its last reminder: what the patient is told (newcomer6 finding 32), and
what the staff read about it.

"I've told your counselor this is urgent" must not stay the last word when nobody picked it up. The patient
hears, in their language, only what is true: the care team has not answered yet, the bot does not know when
they will, the lines again; and later, if someone acknowledges, that a person has now seen it. The first words
show on a lock screen: nothing in them names a condition, a treatment or a substance. What the staff read
about it is in alert_groups.py.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.texts.base import bullet_lines, esc

__all__ = ["patient_not_answered_yet", "patient_seen_now"]

_T = {
    "en": {
        "head": "I'm still here with you. Your care team hasn't answered my urgent message about you yet, and "
        "I don't know when they will.",
        "now": "<b>Please don't wait for them: reach out now</b>, or go to the nearest emergency room:",
        # Someone wrote to them since (newcomer7 finding N28: "hasn't answered" right under Ana's "calling you").
        "head_written": "I'm still here with you. Someone from your care team wrote to you here, but I can't tell "
        "whether they have reached you.",
        "now_written": "If they haven't, <b>please don't wait: reach out now</b>, or go to the nearest emergency "
        "room:",
        "head_misread": "Thanks again for telling me I misread your message. My alert about it is still open "
        "with your care team, so someone may still check in with you.",
        "now_misread": "If you do need someone at any point, these lines are there:",
        "close_misread": "You can use /sos at any time.",
        # They answered "I'm safe right now" (newcomer14 N115: then read "go to the nearest emergency room").
        "head_safe": "I'm still here with you. You told me you were safe, and I'm glad. My urgent message about "
        "you is still open with your care team, and they haven't answered it yet.",
        "now_safe": "If that changes, please don't wait for them: reach out now:",
        # What the first answer asked them to do, for the kinds that asked one (newcomer12 N82).
        "step_harm_others": "Please step away now: put some distance between you and the other person, and move "
        "away from anything that could hurt someone.",
        "step_abuse": "If you can, go somewhere safer: a room you can lock, someone you trust, a public place.",
        "after_hours": "Our after-hours line: ",
        "close": "If you can, stay with someone you trust. I'll tell you here when someone from your care team "
        "has seen it. You can use /sos at any time.",
        "seen": "Someone from your care team has now seen my message about you. If you need help before they "
        "reach you, use /sos or the lines I sent.",
    },
    "es": {
        "head": "Sigo aquí contigo. Tu equipo de atención todavía no ha respondido a mi mensaje urgente sobre ti, y "
        "no sé cuándo lo hará.",
        "now": "<b>Por favor, no los esperes: busca ayuda ahora</b>, o ve a la sala de emergencias más cercana:",
        "head_written": "Sigo aquí contigo. Alguien de tu equipo de atención te escribió aquí, pero no sé si ya se "
        "comunicó contigo.",
        "now_written": "Si no, <b>por favor, no esperes: busca ayuda ahora</b>, o ve a la sala de emergencias más "
        "cercana:",
        "head_misread": "Gracias otra vez por decirme que entendí mal tu mensaje. Mi aviso sigue abierto con tu "
        "equipo de atención, así que puede que alguien se comunique contigo para ver cómo estás.",
        "now_misread": "Si en algún momento necesitas a alguien, estas líneas están ahí:",
        "close_misread": "Puedes usar /sos en cualquier momento.",
        "head_safe": "Sigo aquí contigo. Me dijiste que estabas a salvo, y me alegra. Mi mensaje urgente sobre ti "
        "sigue abierto con tu equipo de atención, y todavía no lo han respondido.",
        "now_safe": "Si eso cambia, por favor, no los esperes: busca ayuda ahora:",
        "step_harm_others": "Por favor, aléjate ahora: pon distancia entre tú y la otra persona, y de cualquier "
        "cosa que pueda hacerle daño a alguien.",
        "step_abuse": "Si puedes, ve a un lugar más seguro: una habitación que puedas cerrar con llave, alguien de "
        "confianza, un lugar público.",
        "after_hours": "Nuestra línea fuera de horario: ",
        "close": "Si puedes, quédate con alguien de confianza. Te avisaré aquí cuando alguien de tu equipo de "
        "atención lo haya visto. Puedes usar /sos en cualquier momento.",
        "seen": "Alguien de tu equipo de atención ya vio mi mensaje sobre ti. Si necesitas ayuda antes de que se "
        "comuniquen contigo, usa /sos o las líneas que te envié.",
    },
}


def _t(language: str) -> dict[str, str]:
    return _T.get(language, _T["en"])


def patient_not_answered_yet(
    language: str,
    lines: Sequence[str],
    after_hours: str = "",
    *,
    written: bool = False,
    misread: bool = False,
    kinds: Collection[str] = (),
    safe: bool = False,
) -> str:
    """To the patient once the alert's last reminder went unacknowledged: the truth, then the lines again
    (``written``: someone from the care team has written to them since, so not "hasn't answered";
    ``misread``: they answered "You misunderstood me", so not "go to the emergency room": newcomer12 N65;
    ``kinds``: the alerts' kinds, whose first answer's step, such as "step away", is said again: N82;
    ``safe``: they answered "I'm safe right now" since: not "go to the emergency room", newcomer14 N115)."""
    t = _t(language)
    extra = f"\n• {t['after_hours']}{esc(after_hours)}" if after_hours else ""
    if misread:
        return (
            f"{t['head_misread']}\n\n{t['now_misread']}\n{bullet_lines(lines)}{extra}\n\n{t['close_misread']}"
        )
    if safe and not written:
        return f"{t['head_safe']}\n\n{t['now_safe']}\n{bullet_lines(lines)}{extra}\n\n{t['close_misread']}"
    head, now = (t["head_written"], t["now_written"]) if written else (t["head"], t["now"])
    steps = [t[f"step_{kind}"] for kind in ("harm_others", "abuse") if kind in kinds]
    step = "".join(f"{line}\n\n" for line in steps)
    return f"{head}\n\n{step}{now}\n{bullet_lines(lines)}{extra}\n\n{t['close']}"


def patient_seen_now(language: str) -> str:
    """To a patient who was told nobody had answered, once someone acknowledged the alert."""
    return _t(language)["seen"]
