"""The answer to crisis words, fitted to what they are about, in English and Spanish.

Kinds (bot/domain/crisis_kind.py): "crisis" (ending one's life), "overdose", "self_harm", "not_safe",
"abuse" (someone is hurting them), "child_abuse", "harm_others", "crisis_unclear" (the learned layer
alone) and "strong_craving" (the same beside an urge to use: help with the urge first). Principles as in
crisis.py: direct and warm, resources first, one question, and the question only to someone whose answer reaches a person (a
stranger gets the lines and no question). Spanish: neutral Latin-American, tú.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import bullet_lines, esc

__all__ = ["crisis_answer", "crisis_resources", "not_safe_answer", "other_overdose_head"]

_T = {
    "en": {
        "open": "I'm really glad you told me. What you're going through matters, and you don't have to "
        "face it alone.",
        "open_abuse": "I'm so sorry this is happening to you. It is not your fault, and you deserve to be safe.",
        # newcomer9 N45: a child at home abused now. Childhelp counsels and is no emergency service: 911 for now.
        "open_child": "Thank you for telling me. What is happening to this child is not okay, and it is not your "
        "fault. There is help, for them and for you.\n\n<b>If the child is in danger right now, call the emergency "
        "number below.</b>",
        "open_others": "Thank you for telling me. It sounds like you're carrying a lot right now. Please "
        "step away: put some distance between you and the other person, and move away from anything "
        "that could hurt someone.",
        # Said plainly (newcomer9 N22: "i took too many pills and i cant breathe right" was told "If you've taken
        # something…", with 911 third); a dose planned, not taken, is a plan and gets the suicide answer.
        "overdose": "<b>Call the emergency number below now</b>, even if you feel okay: an overdose can get "
        "worse after it seems to pass.",
        # Someone with them may have overdosed (newcomer7 N5): what a helper does, in the order to do it.
        "overdose_other": "<b>Call the emergency number below now</b> and stay with them. If you have naloxone "
        "(Narcan), give it now: it can't hurt them. If they are breathing, roll them onto their side so they "
        "can't choke; if they aren't, tell the person on the phone, who will tell you what to do.",
        "overdose_other_too": "If you've taken something too, tell them on the call.",
        # Session 22: someone else may end their life (the rules read only them at risk; the layer, a crisis).
        "open_other": "Thank you for telling me. Worrying about someone like this is a lot to carry. If they "
        "might act on it soon, <b>call the emergency number below</b>. If you can, stay with them, and call or "
        "text one of these lines together: they help people who are worried about someone else too.",
        # An overdose someone else took (newcomer25 N286; a forward, newcomer24 N252): never "if they might act".
        "open_other_overdose": "Thank you for telling me. If they have taken something, <b>call the emergency "
        "number below now</b>, for them: don't wait to see if it passes, an overdose can get worse after it seems "
        "to. If you can, go to them or send someone, and stay with them; if you have naloxone (Narcan), give it. "
        "These lines help people who are worried about someone else too.",
        "ask_other": "And you: <b>are you safe right now?</b>",
        "reach": "<b>Please reach out to someone now:</b>",
        "reach_others": "<b>Talk to someone now:</b>",
        "after_hours": "Our after-hours line: ",
        "plan": "<b>Your safety plan</b>",
        "ask": "<b>Are you safe right now?</b>",
        "ask_others": "<b>Are you and the people around you safe right now?</b>",
        "close": "If you can, stay with someone you trust while you reach out.",
        "close_abuse": "If you can, go somewhere safer, or to someone you trust, while you reach out.",
        "close_others": "Give yourself some space, and reach out now.",
        "ns": "Please reach out now, or go to the nearest emergency room:",
        "ns_self": "If you can, stay with someone you trust and move away from anything you could use to "
        "hurt yourself.",
        "ns_abuse": "If you can, go somewhere safer: a room you can lock, someone you trust, a public place.",
        # newcomer15 N123: after an overdose, "go to the emergency room" (driving, sleepy) and 988 first were wrong.
        "ns_overdose": "<b>Please call the emergency number below now</b> (don't drive yourself to the hospital):",
        "ns_self_overdose": "If you can, unlock your door and tell someone near you what you took.",
        "ns_others": "Please step away now and put distance between you and the other person.",
        # Sent as the alert is raised: who it can reach, as the first crisis answer says (texts review).
        "ns_told": "I'm sending {name} an urgent alert now.",
        "ns_told_counselor": "your counselor",
        "ns_told_team": "Your counselor can't be reached through this app right now, so I'm sending the urgent "
        "alert to your care team now.",
        "ns_told_nobody": "I couldn't reach anyone on your care team through this app just now, so please use "
        "the lines above. I'll keep trying to let them know.",
        "ns_not_oncall": "They may not see it right away, so please use the lines above now.",
        "ns_unclear": "If you can, go somewhere safer, or stay with someone you trust.",
        # newcomer9 N10: a strong urge at a dealer's door, paged by the learned layer: help with the urge first
        # (leave, call someone, ride it out), the crisis lines kept after it.
        "craving_open": "Thank you for telling me now, before acting on it: that takes strength. This urge is "
        "strong, and it will pass. Cravings rise and fall like a wave.",
        "craving_steps": "<b>Right now:</b>\n1. Leave the place: walk or drive away, toward somewhere safe "
        "(home, a meeting, a friend's, somewhere public).\n2. Call your sponsor or someone you trust now, and "
        "stay on the phone while you get away.\n3. Ride the urge out: ",
        "craving_surf": "tap <b>Try urge surfing</b> below.",
        # No button where the bot cannot take the tap (someone not enrolled, or after /stop).
        "craving_surf_alone": "breathe slowly and watch it rise, peak and pass, like a wave, for a few minutes.",
        "reach_craving": "<b>If it gets to be too much, or you feel unsafe, these answer any time:</b>",
    },
    "es": {
        "open": "Me alegra mucho que me lo hayas contado. Lo que estás viviendo importa, y no tienes que "
        "enfrentarlo a solas.",
        "open_abuse": "Siento mucho que te esté pasando esto. No es tu culpa, y mereces estar a salvo.",
        "open_child": "Gracias por contármelo. Lo que le está pasando a ese niño o niña no está bien, y no es tu "
        "culpa. Hay ayuda, para ese niño o niña y para ti.\n\n<b>Si está en peligro ahora mismo, llama al número "
        "de emergencias de abajo.</b>",
        "open_others": "Gracias por contármelo. Parece que estás cargando con mucho ahora mismo. Por favor, "
        "aléjate: pon distancia entre tú y la otra persona, y de cualquier cosa que pueda hacerle daño "
        "a alguien.",
        "overdose": "<b>Llama ahora al número de emergencias de abajo</b>, aunque te sientas bien: una sobredosis "
        "puede empeorar después de parecer que pasó.",
        "overdose_other": "<b>Llama ahora al número de emergencias de abajo</b> y quédate con la persona. Si "
        "tienes naloxona (Narcan), pónsela ya: no le hace daño. Si respira, acuéstala de lado para que no se "
        "ahogue; si no respira, díselo a quien te conteste, que te dirá qué hacer.",
        "overdose_other_too": "Si tú también tomaste algo, dilo en la llamada.",
        "open_other": "Gracias por contármelo. Preocuparte así por alguien pesa mucho. Si esa persona podría "
        "hacerse daño pronto, <b>llama al número de emergencias de abajo</b>. Si puedes, quédate con ella y "
        "llamen o escriban juntos a una de estas líneas: también ayudan a quien se preocupa por otra persona.",
        "open_other_overdose": "Gracias por contármelo. Si esa persona ya tomó algo, <b>llama ahora al número de "
        "emergencias de abajo</b>, por ella: no esperes a ver si se le pasa, una sobredosis puede empeorar después "
        "de parecer que pasó. Si puedes, ve con ella o manda a alguien, y quédate con ella; si tienes naloxona "
        "(Narcan), pónsela. Estas líneas también ayudan a quien se preocupa por otra persona.",
        "ask_other": "Y tú: <b>¿estás a salvo en este momento?</b>",
        "reach": "<b>Por favor, busca ayuda ahora:</b>",
        "reach_others": "<b>Habla con alguien ahora:</b>",
        "after_hours": "Nuestra línea fuera de horario: ",
        "plan": "<b>Tu plan de seguridad</b>",
        "ask": "<b>¿Estás a salvo en este momento?</b>",
        "ask_others": "<b>¿Están a salvo tú y las personas a tu alrededor en este momento?</b>",
        "close": "Si puedes, quédate con alguien de confianza mientras pides ayuda.",
        "close_abuse": "Si puedes, ve a un lugar más seguro, o con alguien de confianza, mientras pides ayuda.",
        "close_others": "Date un poco de espacio y busca ayuda ahora.",
        "ns": "Por favor, busca ayuda ahora, o ve a la sala de emergencias más cercana:",
        "ns_self": "Si puedes, quédate con alguien de confianza y aléjate de cualquier cosa con la que "
        "podrías hacerte daño.",
        "ns_abuse": "Si puedes, ve a un lugar más seguro: una habitación que puedas cerrar con llave, "
        "alguien de confianza, un lugar público.",
        "ns_overdose": "<b>Por favor, llama ahora al número de emergencias de abajo</b> (no manejes tú al hospital):",
        "ns_self_overdose": "Si puedes, abre la puerta y dile a alguien cerca de ti qué tomaste.",
        "ns_others": "Por favor, aléjate ahora y pon distancia entre tú y la otra persona.",
        "ns_told": "Ahora mismo le envío una alerta urgente a {name}.",
        "ns_told_counselor": "tu consejero o consejera",
        "ns_told_team": "No puedo comunicarme con tu consejero o consejera por esta app en este momento, así "
        "que ahora mismo le envío la alerta urgente a tu equipo de atención.",
        "ns_told_nobody": "No pude comunicarme con nadie de tu equipo de atención por esta app en este momento, "
        "así que por favor usa las líneas de arriba. Seguiré intentando avisarles.",
        "ns_not_oncall": "Puede que no lo vean de inmediato, así que por favor usa las líneas de arriba ahora.",
        "ns_unclear": "Si puedes, ve a un lugar más seguro, o quédate con alguien de confianza.",
        "craving_open": "Gracias por decírmelo ahora, antes de actuar: eso requiere fuerza. Estas ansias son "
        "fuertes, y van a pasar. Suben y bajan como una ola.",
        "craving_steps": "<b>Ahora mismo:</b>\n1. Vete de ese lugar: aléjate caminando o manejando, hacia un "
        "lugar seguro (tu casa, una reunión, la casa de un amigo, un lugar público).\n2. Llama ahora a tu "
        "padrino o madrina, o a alguien de confianza, y sigue en la llamada mientras te alejas.\n3. Deja pasar "
        "las ansias: ",
        "craving_surf": "toca <b>Probar surfear la ola</b> abajo.",
        "craving_surf_alone": "respira despacio y mira cómo suben, llegan a su punto más alto y pasan, como una "
        "ola, durante unos minutos.",
        "reach_craving": "<b>Si se vuelve demasiado, o no te sientes a salvo, estas líneas responden a "
        "cualquier hora:</b>",
    },
}
_SELF = ("crisis", "overdose", "overdose_other", "self_harm", "not_safe", "strong_craving", "other_at_risk")
_OTHER = "other_at_risk"  # the learned layer's crisis where the rules read only someone else at risk
_UNCLEAR = "crisis_unclear"  # the learned layer alone: a crisis, but not which kind
_UNCLEAR_OTHERS = (
    "crisis_unclear_others"  # the same, with danger from someone else read (bot/domain/crisis_kind.py)
)
_CRAVING = "strong_craving"  # the learned layer's crisis where the rules read an urge or a dealer's door


def _lang(language: str) -> dict[str, str]:
    return _T.get(language, _T["en"])


def _flavour(kinds: Sequence[str]) -> str:
    """Which wording leads: a child hurt, someone hurting them, their own safety, or someone they may hurt."""
    if "child_abuse" in kinds:
        return "_child"
    if "abuse" in kinds:
        return "_abuse"
    named = [k for k in kinds if k != _UNCLEAR]  # not known what about: the general wording
    return "_others" if named and not any(k in _SELF for k in named) else ""


# How every locale's emergency line reads (bot/data/crisis_lines.toml): first for an overdose (newcomer9 N22).
_EMERGENCY = ("immediate danger", "peligro inmediato")


def crisis_resources(
    kinds: Sequence[str],
    lines: Sequence[str],
    abuse_lines: Sequence[str],
    child_lines: Sequence[str] = (),
    *,
    now: bool = False,
) -> list[str]:
    """The lines to show: a domestic-violence line first when someone is hurting them; the locale's lines,
    then the domestic-violence line when given (the caller gives it only when danger from someone else was
    read: bot/domain/crisis_kind.danger_from_others), when only the learned layer read a crisis (newcomer6
    finding 38: not always suicide); the emergency number first for an overdose, where minutes count. A child
    abused now: the child-abuse line, the emergency number, then the domestic-violence line and the rest. ``now``:
    someone hurting them is there now (bot/domain/crisis_kind.danger_now): the emergency number first."""
    if {"overdose", "overdose_other", "child_abuse", _OTHER} & set(kinds) or now:
        lines = sorted(lines, key=lambda line: not any(e in line for e in _EMERGENCY))
    if "child_abuse" in kinds:
        return [*child_lines, *lines[:1], *abuse_lines, *lines[1:]]
    if "abuse" in kinds:
        return [*lines[:1], *abuse_lines, *lines[1:]] if now else [*abuse_lines, *lines]
    return [*lines, *abuse_lines] if _UNCLEAR in kinds else list(lines)


def other_overdose_head(language: str) -> str:
    """What a helper does for someone else's overdose, first (newcomer25 N286): call now, do not wait."""
    return _lang(language)["open_other_overdose"]


def crisis_answer(
    kinds: Sequence[str],
    language: str,
    lines: Sequence[str],
    *,
    abuse_lines: Sequence[str] = (),
    child_lines: Sequence[str] = (),
    after_hours: str = "",
    plan: str | None = None,
    told: str | None = None,
    ask: bool = True,
    urge_button: bool = False,
    now: bool = False,
) -> str:
    """The first answer: what fits the kind, the lines (a domestic-violence line first when someone is
    hurting them, after the emergency number when they are there ``now``), who was told, the plan, then the question, or for a stranger a closing line instead."""
    t, flavour = _lang(language), _flavour(kinds)
    head = t.get(f"open{flavour}", t["open"])
    if _OTHER in kinds and "overdose_other" in kinds:  # someone else's overdose, not beside them (a forward)
        head = t["open_other_overdose"]
    elif (
        "overdose_other" in kinds
    ):  # the helper's steps first; the writer's own overdose after, or a reminder
        head = f"{t['overdose_other']}\n\n{t['overdose'] if 'overdose' in kinds else t['overdose_other_too']}"
    elif "overdose" in kinds:
        head += f"\n\n{t['overdose']}"
    elif _OTHER in kinds:  # what a helper does for them first; then the writer's own safety, asked
        head = t["open_other"]
    elif _CRAVING in kinds:  # help with the urge first; the crisis lines after it, never left out
        head = f"{t['craving_open']}\n\n{t['craving_steps']}{t['craving_surf' if urge_button else 'craving_surf_alone']}"
    resources = crisis_resources(kinds, lines, abuse_lines, child_lines, now=now)
    extra = f"\n• {t['after_hours']}{esc(after_hours)}" if after_hours else ""
    reach = (
        t["reach_others"] if flavour == "_others" else t["reach_craving"] if _CRAVING in kinds else t["reach"]
    )
    told_block = f"\n\n{told}" if told else ""
    plan_block = f"\n\n{t['plan']}\n{plan}" if plan else ""
    others = flavour in ("_others", "_child")  # a child's safety: theirs and the people around them
    end = (
        t["ask_other" if _OTHER in kinds else f"ask{'_others' if others else ''}"]
        if ask
        else t[f"close{'_abuse' if flavour == '_child' else flavour}"]
    )
    return f"{head}\n\n{reach}\n{bullet_lines(resources)}{extra}{told_block}{plan_block}\n\n{end}"


def not_safe_answer(
    language: str,
    lines: Sequence[str],
    kind: str = "",
    abuse_lines: Sequence[str] = (),
    *,
    child_lines: Sequence[str] = (),
    after_hours: str = "",
    who: str = "team",
    counselor: str = "",
    oncall: bool = True,
) -> str:
    """After "I'm not safe": every line of the locale (not only the emergency number) and the program's
    after-hours line (newcomer7 N7), what to do now, and truthfully whom the urgent alert can reach (``who``:
    "counselor", named when known, "team" or "nobody", as bot/jobs/reach.who_can_be_told says)."""
    unclear = kind in (_UNCLEAR, _UNCLEAR_OTHERS)
    # The domestic-violence line as the first answer listed it: after an unclear crisis only with someone else read.
    abuse_lines = () if kind == _UNCLEAR else abuse_lines
    kind = _UNCLEAR if unclear else kind
    t, flavour = _lang(language), _flavour([kind] if kind else [])
    # "Not safe right now" after someone hurting them is danger now by its own words: the emergency number first.
    resources = crisis_resources([kind] if kind else [], lines, abuse_lines, child_lines, now=kind == "abuse")
    extra = f"\n• {t['after_hours']}{esc(after_hours)}" if after_hours else ""
    what = (
        t["ns_abuse"]
        if flavour in ("_abuse", "_child")
        else t["ns_others"]
        if flavour == "_others"
        else t["ns_self"]
    )
    what = t["ns_unclear"] if unclear else what
    overdose = kind == "overdose"
    what = t["ns_self_overdose"] if overdose else what
    if who == "nobody":
        told = t["ns_told_nobody"]
    else:
        name = esc(counselor) if counselor else t["ns_told_counselor"]
        told = t["ns_told"].format(name=name) if who == "counselor" else t["ns_told_team"]
        told = told if oncall else f"{told} {t['ns_not_oncall']}"
    head = t["ns_overdose"] if overdose else t["ns"]
    return f"{head}\n{bullet_lines(resources)}{extra}\n\n{what} {told}"
