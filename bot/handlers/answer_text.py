"""What the patient reads after answering "Are you safe right now?" (moved out of bot/handlers/crisis_answers.py,
at its size limit).

"Not safe" gets every line of their locale and who the alert can reach; the others a word. "You misunderstood me"
after a message that also told of a use (newcomer18 N147: "grabbed a couple of tall cans, i only had two, …") gets
the relapse answer too: the crisis reading was disowned, the drinks were not.
"""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from bot.domain.crisis_kind import URGE_REASONS
from bot.domain.crisis_lines import abuse_lines_for, child_lines_for, lines_for
from bot.domain.escalation import Alert
from bot.domain.models import Patient
from bot.domain.screen.assess import assess
from bot.jobs.reach import who_can_be_told
from bot.store.storage import RecordsUnavailable
from bot.telegram.services import Context

# Answers that page as "not safe": an "idk" to a safety question is not "safe" (gaps11 #1).
PAGES = ("notsafe", "unsure")
RECENT = timedelta(hours=2)  # the alert whose words "You misunderstood me" disowns


async def answer_text(context: Context, patient: Patient, answer: str, language: str, kind: str) -> str:
    """The reply to a safety answer in ``language``; ``kind``: the alert's kind ("" after worrying words)."""
    if answer == "misread" and await _use_told(context, patient):
        harm = context.svc.flag_rules.harm_reduction_in(language)
        relapse = texts.with_harm_reduction(texts.relapse_response(language), harm)
        return f"{texts.after_answer(answer, language)}\n\n{relapse}"
    if answer not in PAGES:
        return texts.after_answer(answer, language)
    svc = context.svc
    settings = svc.settings
    lines = lines_for(settings, patient, language).lines
    who = await who_can_be_told(svc, patient.counselor_id)
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id) if who == "counselor" else None
    head = f"{texts.unsure_head(language)}\n\n" if answer == "unsure" else ""
    return head + texts.not_safe_answer(
        language,
        lines,
        kind,
        abuse_lines_for(settings, patient, language),
        child_lines=child_lines_for(settings, patient, language),  # shown after a child's abuse only
        after_hours=settings.after_hours_phone,
        who=who,
        counselor=counselor.name if counselor is not None else "",
        oncall=bool(settings.oncall),
    )


async def _use_told(context: Context, patient: Patient) -> bool:
    """Whether the words of the patient's newest alert (raised within ``RECENT``) told of a use, not an urge."""
    svc = context.svc
    try:
        alerts = await svc.db(svc.repo.patient_alerts, patient.patient_id)
    except RecordsUnavailable:
        return False  # the apology alone, as before: never held up by the store
    now = svc.now()
    recent = [a for a in map(Alert.from_dict, alerts) if a.text and now - a.created_at <= RECENT]
    if not recent:
        return False
    words = max(recent, key=lambda a: a.created_at).text.split("\n\n")[
        0
    ]  # its own words, not those kept before
    reasons = assess(words, year=svc.now().year).reasons
    return any(r.startswith("relapse:") and not r.startswith(URGE_REASONS) for r in reasons)
