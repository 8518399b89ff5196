"""When a patient's records cannot be opened: kind to the patient, plain and actionable for counselors."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import esc


def records_unavailable(crisis_lines: Sequence[str], language: str) -> str:
    """To the patient: nothing is their fault, someone knows, and help is there now."""
    lines = "\n".join(f"• {esc(line)}" for line in crisis_lines)
    if language == "es":
        return (
            "Perdón: ahora no puedo abrir tus registros, así que no puedo hacer eso en este momento. "
            "Nada de lo que hiciste causó esto, y tu consejero o consejera ya lo sabe.\n\n"
            f"Si necesitas ayuda ahora:\n{lines}"
        )
    return (
        "I'm sorry: I can't open your records right now, so I can't do that at the moment. "
        "Nothing you did caused this, and your counselor has been told.\n\n"
        f"If you need help now:\n{lines}"
    )


def records_unavailable_told(crisis_lines: Sequence[str], language: str) -> str:
    """To a patient lately in crisis whose words could not be kept (their file cannot be opened): their care
    team was told they wrote (ops O43: "your counselor has been told" read as if the words had gone)."""
    lines = "\n".join(f"• {esc(line)}" for line in crisis_lines)
    if language == "es":
        return (
            "Perdón: ahora no puedo abrir tus registros, así que no pude guardar este mensaje. Le avisé a tu "
            "equipo de atención que escribiste, para que alguien se comunique contigo directamente. Nada de lo "
            f"que hiciste causó esto.\n\nSi necesitas ayuda ahora:\n{lines}"
        )
    return (
        "I'm sorry: I can't open your records right now, so I couldn't keep this message. I've let your care "
        "team know you wrote, so someone can reach you directly. Nothing you did caused this.\n\n"
        f"If you need help now:\n{lines}"
    )


def records_unavailable_after_help(language: str) -> str:
    """To the patient, after the help they asked for went through (a crisis answer, "I'm not safe", SOS):
    what failed was saving it, not the help (newcomer5 finding 37: "I can't do that" read as if it had)."""
    if language == "es":
        return (
            "No pude guardar esto en tus registros ahora mismo (nada de lo que hiciste lo causó, y tu "
            "consejero o consejera ya lo sabe). Lo que te dije arriba sigue en pie."
        )
    return (
        "I couldn't save this to your records just now (nothing you did caused this, and your counselor has "
        "been told). What I said above still holds."
    )


def records_unavailable_alert(alias: str) -> str:
    """To the patient's counselor and the admins: which patient, what it means, what to do."""
    return (
        f"⚠️ The records of <b>{esc(alias)}</b> can't be opened (the file is damaged or under another "
        "key). The bot has not changed or emptied it. An administrator should run "
        "<code>iop-bot doctor</code> on the server: it names the file and how to restore it."
    )


def records_unavailable_at_start(aliases: Sequence[str]) -> str:
    """To the admins when the bot starts with patient files it cannot open."""
    names = ", ".join(f"<b>{esc(a)}</b>" for a in aliases)
    return (
        f"⚠️ The bot started, but the records of {len(aliases)} patient(s) can't be opened: {names}. "
        "They are told so when they write. Run <code>iop-bot doctor</code> on the server: it names each "
        "file and how to restore it."
    )


def consent_revoked(alias: str, at: str) -> str:
    """On stderr for `patient record` and `export --patient` (plain text; ops O138): the patient revoked consent."""
    return (
        f"{alias} revoked their consent{' on ' + at if at else ''} (/stop): a disclosure outside the program now needs "
        "the patient's new written consent or a 42 CFR Part 2 exception (a court order, a medical emergency)"
    )


def consent_state(patient_withdrew: bool, at: str) -> str:
    """The record's "consent" field."""
    return f"revoked by the patient (/stop) {at}".rstrip() if patient_withdrew else "given"
