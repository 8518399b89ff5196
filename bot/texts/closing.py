"""An enrollment closed, or a patient's data erased, by the program (`iop-bot patient close|erase`).

To the patient: once, in their language, discreet (a lock screen shows it: no condition, treatment or clinic).
To the counselor: what happened, who is told, and what happens to what was open (ops O14).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.texts.base import esc


def enrollment_closed(retention_days: int, language: str) -> str:
    """To the patient, the last message the bot sends them unasked: their enrollment was closed."""
    if language == "es":
        kept = (
            f"Lo que guardé sobre ti se borra dentro de {retention_days} días"
            if retention_days > 0
            else "Lo que guardé sobre ti queda en los registros del programa"
        )
        return (
            "Tu programa cerró tu inscripción aquí: ya no te enviaré mensajes. "
            f"{kept}; /mydata te lo muestra y /delete lo borra ahora. Si estás en peligro, /sos sigue "
            "funcionando y muestra las líneas de ayuda. Para volver, pide un código nuevo a tu consejero o "
            "consejera."
        )
    kept = (
        f"What I stored about you is erased in {retention_days} days"
        if retention_days > 0
        else "What I stored about you stays in the program's records"
    )
    return (
        "Your program has closed your enrollment here: I won't send you any more messages. "
        f"{kept}; /mydata shows it and /delete erases it now. If you're ever in danger, /sos still works and "
        "shows the crisis lines. To come back, ask your counselor for a new code."
    )


def data_erased_by_program(language: str) -> str:
    """To a patient still enrolled, once their data was erased by the program (at their request, usually)."""
    if language == "es":
        return (
            "Tu programa borró de este bot lo que habías dado aquí: tus registros diarios, notas, plan de "
            "seguridad, respuestas y mensajes con tu consejero o consejera. Puedes seguir usándome como antes."
        )
    return (
        "Your program erased from this bot what you had given here: your check-ins, notes, safety plan, "
        "answers and messages with your counselor. You can keep using me as before."
    )


def counselor_enrollment_closed(alias: str, open_items: Sequence[str], retention_days: int = 0) -> str:
    """To the counselor: their patient's enrollment was closed by an admin (`iop-bot patient close`);
    ``retention_days`` 0: no limit is set, so nothing is erased on a date (newcomer14 N102)."""
    kept = (
        f"what it keeps about them is erased after {retention_days} days. Their records stay on their page "
        "until then."
        if retention_days > 0
        else "what it keeps about them is kept until an admin erases it (no retention limit is set). Their "
        "records stay on their page."
    )
    lines = [
        f"📋 <b>{esc(alias)}</b>'s enrollment was closed by an admin: the bot sends them nothing more (they "
        f"were told once), and {kept}"
    ]
    lines += [f"• {esc(line)}" for line in open_items]
    return "\n".join(lines)


def counselor_data_erased(alias: str, open_items: Sequence[str]) -> str:
    """To the counselor: an admin erased their patient's data (`iop-bot patient erase`)."""
    lines = [
        f"🗑 An admin erased <b>{esc(alias)}</b>'s data: their check-ins, notes, safety plan, questionnaire "
        "answers, flags waiting for review and your message thread with them are gone from the bot. What "
        "already reached this chat stays here."
    ]
    lines += [f"• {esc(line)}" for line in open_items]
    return "\n".join(lines)


# After `patient close`, nothing may say the patient used /stop, which they never sent (gaps18).
def patient_closed(alias: str, day: date | None) -> str:
    """Why "Message patient" is refused: an admin closed their enrollment (``patient_withdrawn``'s twin)."""
    when = f" on {day:%a} {day.day} {day:%b}" if day else ""
    return (
        f"<b>{esc(alias)}</b> can't be messaged here: an admin closed their enrollment{when}, so the bot no "
        "longer sends them anything. Nothing was sent. To reach them, use the contact details your program holds."
    )


_CLOSED_WORDING = (
    ("after withdrawing with /stop", "after an admin closed their enrollment"),
    ("can't message them after /stop", "can't message them since an admin closed their enrollment"),
    # The flags' labels ("crisis language after /stop") on the caseload and the page (newcomer14 N102).
    ("after /stop", "after the enrollment was closed"),
)


def as_closed(text: str) -> str:
    """An alert card or reminder line about someone who withdrew (the ``withdrawn_*`` kinds), worded for an
    enrollment an admin closed (tests/texts check that no "/stop" is left in any of them)."""
    for stop, closed in _CLOSED_WORDING:
        text = text.replace(stop, closed)
    return text
