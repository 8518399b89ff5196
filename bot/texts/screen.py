"""The safety buttons and their answers in the patient's language, and the gentle "check" question.

The crisis answer itself is in crisis_answer.py. English wording is the reviewed text in crisis.py;
Spanish follows it sentence by sentence, in
neutral Latin-American Spanish (tú), without gendered endings where a patient's gender is unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import bullet_lines, esc
from bot.texts.crisis import (
    BTN_MISREAD,
    BTN_NOT_SAFE,
    BTN_SAFE,
    CRISIS_MISREAD,
    CRISIS_SAFE,
)
from bot.texts.crisis_answer import other_overdose_head
from bot.texts.reach import crisis_told

__all__ = [
    "SAFETY_BUTTONS",
    "after_answer",
    "buttons_language",
    "check_for_stranger",
    "check_joined",
    "check_question",
    "checks_piling",
    "counselor_own_words",
    "crisis_told_in",
    "question_above",
    "unsure_head",
]

SAFETY_BUTTONS = {
    "en": (BTN_SAFE, BTN_NOT_SAFE, BTN_MISREAD),
    "es": ("Estoy a salvo ahora", "No estoy a salvo", "Me entendiste mal"),
}
_AFTER_ANSWER = {  # "I'm not safe" is texts.not_safe_answer: it carries the locale's lines
    "en": {"safe": CRISIS_SAFE, "misread": CRISIS_MISREAD},
    "es": {
        "safe": "Gracias por decírmelo. Me alegra que estés a salvo ahora. Si eso cambia, usa /sos o una "
        "de las líneas de arriba, en cualquier momento.",
        "misread": "Gracias por decírmelo, y perdón si te entendí mal. Por seguridad, ya le avisé a tu "
        "consejero o consejera; es posible que se comunique contigo.",
    },
}


def buttons_language(language: str) -> str:
    """The languages these texts exist in; anything else is answered in English."""
    return language if language in SAFETY_BUTTONS else "en"


def after_answer(answer: str, language: str) -> str:
    """The reply to "I'm safe" or "You misunderstood me", in the language of the question."""
    return _AFTER_ANSWER[buttons_language(language)][answer]


def check_question(
    language: str,
    lines: Sequence[str] = (),
    someone_else: bool = False,
    review: bool = True,
    overdose: bool = False,
) -> str:
    """For worrying but ambiguous words: one gentle question, the lines in case, and what happens next. About
    someone else at risk (newcomer9 N7), what a helper does first, then the same question about the writer.
    ``review``: False when the words go to an open alert's people now, not to the next review; ``overdose``:
    someone else's overdose (newcomer25 N286: "if they might act on it soon" of pills taken an hour ago)."""
    es = buttons_language(language) == "es"
    later = ("\n\nTu consejero o consejera lo verá en su próxima revisión." if es else
             "\n\nYour counselor will see this at their next review.") if review else ""  # fmt: skip
    if someone_else:
        return _about_someone_else(language, lines, overdose) + later
    if es:
        return (
            "Gracias por contármelo. Suena muy difícil. Quiero asegurarme de que estés bien: "
            "<b>¿estás a salvo en este momento?</b>"
            + (f"\n\nSi necesitas hablar con alguien ahora:\n{bullet_lines(lines)}" if lines else "")
            + later
        )
    return (
        "Thank you for telling me. That sounds really hard. I want to make sure you're okay: "
        "<b>are you safe right now?</b>"
        + (f"\n\nIf you need to talk to someone now:\n{bullet_lines(lines)}" if lines else "")
        + later
    )


def check_for_stranger(lines: Sequence[str], language: str) -> str:
    """Someone not enrolled: no counselor to tell, so the lines, gently."""
    head = (
        "Si estás pasando por un momento difícil, puedes hablar con alguien ahora:"
        if buttons_language(language) == "es"
        else "If things feel hard right now, you can talk to someone:"
    )
    return f"{head}\n{bullet_lines(lines)}"


def check_joined(language: str) -> str:
    """Worrying words again while "Are you safe right now?" waits: kept, and the question above still stands."""
    if buttons_language(language) == "es":
        return (
            "Lo guardé junto con lo que me escribiste antes, para que lo lea tu equipo. Cuando puedas, contesta "
            "la pregunta de arriba: ¿estás a salvo en este momento?"
        )
    return (
        "I've kept that with what you wrote before, for your care team to read. When you can, answer the "
        "question above: are you safe right now?"
    )


def question_above(language: str) -> str:
    """After "I've passed that to …": worrying words again while "Are you safe right now?" waits unanswered
    (newcomer18 N181: the same whole question three times in a row)."""
    if buttons_language(language) == "es":
        return "Cuando puedas, contesta la pregunta de arriba: ¿estás a salvo en este momento?"
    return "When you can, answer the question above: are you safe right now?"


def checks_piling(alias: str, count: int) -> str:
    """To the counselor: several worrying messages in a short time, the safety question unanswered."""
    return (
        f"⚠️ <b>{esc(alias)}</b> wrote worrying words {count} times since I asked “Are you safe right now?” "
        "and has not answered it. Not an urgent alert (no crisis words), but you may want to reach out now "
        "rather than at your next review: their words are on their page in /caseload."
    )


def counselor_own_words(lines: Sequence[str], language: str) -> str:
    """A counselor's own words that read as a crisis and went to nobody: the lines, in case they are theirs."""
    head = (
        "Si esas palabras son sobre ti y no sobre un paciente: tú también importas, y puedes hablar con "
        "alguien ahora mismo:"
        if buttons_language(language) == "es"
        else "If those words are about you and not a patient: you matter too, and you can talk to someone "
        "right now:"
    )
    return f"{head}\n{bullet_lines(lines)}"


# newcomer22 N213: seconds after "your care team hasn't answered ... please don't wait for them", new crisis words
# were told "I've let your counselor know, so they can reach out". While an earlier alert the patient was told
# nobody answered is still unacknowledged, the new alert goes out and the answer stays truthful.
_TOLD_AGAIN = {
    "en": "I've sent this to your care team too. They haven't answered my earlier urgent message yet, and I don't "
    "know when they will, so please don't wait for them: use the lines above now. I'll keep trying to reach them.",
    "es": "También le envié esto a tu equipo de atención. Todavía no responden a mi mensaje urgente anterior y no sé "
    "cuándo lo harán, así que por favor no los esperes: usa las líneas de arriba ahora. Seguiré intentando "
    "comunicarme con ellos.",
}


def crisis_told_in(language: str, who: str, oncall: bool, *, unanswered: bool = False) -> str:
    """crisis_told (who the alert can reach, promising no more) in the patient's language; ``unanswered``: an
    earlier alert about them is unacknowledged and they were told nobody answered it."""
    if unanswered and who != "nobody":
        return _TOLD_AGAIN["es" if buttons_language(language) == "es" else "en"]
    if buttons_language(language) == "en":
        return crisis_told(who, oncall)
    if who == "nobody":
        return (
            "No pude comunicarme con nadie de tu equipo de atención por esta app en este momento, así que "
            "por favor usa las líneas de arriba. Seguiré intentando avisarles."
        )
    told = (
        "Le avisé a tu consejero o consejera para que se comunique contigo."
        if who == "counselor"
        else "Le avisé a tu equipo de atención para que alguien se comunique contigo."
    )
    return (
        told
        if oncall
        else f"{told} Puede que no lo vean de inmediato, así que por favor usa las líneas de arriba ahora."
    )


def _about_someone_else(language: str, lines: Sequence[str], overdose: bool = False) -> str:
    if buttons_language(language) == "es":
        return (
            (
                other_overdose_head(language)
                if overdose
                else "Gracias por contármelo. Preocuparte así por alguien pesa mucho. Si esa persona podría hacerse daño "
                "pronto, <b>llama al número de emergencias de abajo</b>. Si puedes, quédate con ella y llamen o "
                "escriban juntos a una de estas líneas: también ayudan a quien se preocupa por otra persona."
            )
            + (f"\n{bullet_lines(lines)}" if lines else "")
            + "\n\nY tú: <b>¿estás a salvo en este momento?</b>"
        )
    return (
        (
            other_overdose_head(language)
            if overdose
            else "Thank you for telling me. Worrying about someone like this is a lot to carry. If they might act on it "
            "soon, <b>call the emergency number below</b>. If you can, stay with them, and call or text one of these "
            "lines together: they help people who are worried about someone else too."
        )
        + (f"\n{bullet_lines(lines)}" if lines else "")
        + "\n\nAnd you: <b>are you safe right now?</b>"
    )


# "idk" / "no sé" to "Are you safe right now?" (gaps11 #1): not knowing is not "safe", so it is taken as "not
# safe" (every line, the counselor paged); this comes first so the patient hears why, without blame.
_UNSURE_HEAD = {
    "en": (
        "Thank you for answering honestly. It's okay not to be sure, and it matters: when you can't say "
        "you're safe, I treat it as not safe, to be careful."
    ),
    "es": (
        "Gracias por contestarme con sinceridad. Está bien no saberlo, y es importante: si no puedes decir "
        "que estás a salvo, lo tomo como que no lo estás, por precaución."
    ),
}


def unsure_head(language: str) -> str:
    """The gentle line before the "not safe" answer when the patient is not sure they are safe."""
    return _UNSURE_HEAD[buttons_language(language)]
