"""A walk-through's step button typed instead of tapped (newcomer9 N13).

"Next" typed at a coping skill's last step, whose button reads "Done", was the patient's words: kept in the
"Send it?" drawer, or within 2 h of an alert passed to three counselors as "Alex wrote again". While a
walk-through shows a step, "next", "done", "siguiente" or "listo" typed alone is that step's button.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain import practice
from bot.domain.coping import Feedback, Helped, Skill
from bot.domain.feeling_words import helped_said
from bot.domain.models import Patient
from bot.domain.practice import Run, data
from bot.telegram.keyboards import Buttons, reply
from bot.telegram.services import Context
from bot.texts.base import pick

_STEP_WORDS = frozenset({"next", "done", "siguiente", "listo", "lista"})


def is_step_word(text: str) -> bool:
    """ "Next", "done.", "Listo!": a step button's word, typed alone."""
    return text.strip().casefold().strip(".!¡ ") in _STEP_WORDS


async def typed_step(update: Update, context: Context, patient: Patient, text: str) -> bool:
    """Take a typed step word as the step's button while a walk-through shows a step, and "did this help?"
    answered in words ("más o menos", "kinda": newcomer14 N103) as its button: the next screen or the thanks
    is sent; False when the words are neither or nothing asks for them (then they go on as words)."""
    helped = helped_said(text)
    if not is_step_word(text) and helped is None:
        return False
    svc = context.svc
    stored = await svc.db(svc.repo.practice_run, patient.patient_id)
    run = Run.from_dict(stored) if stored else None
    skill = svc.skills.get(run.skill_key) if run is not None else None
    if run is None or skill is None:
        return False
    if practice.asking(run, skill):
        return helped is not None and await _helped(update, context, patient, run, skill, helped)
    if not is_step_word(text):
        return False
    new = practice.advance(run, skill)
    outcome = await svc.db(
        svc.repo.step_practice, patient.patient_id, run.run_id, run.step, new.to_dict(), None
    )
    if outcome != "ok":
        return False
    screen, rows = step_screen(new, skill, patient.language)
    await reply(update, screen, rows)
    return True


async def _helped(
    update: Update, context: Context, patient: Patient, run: Run, skill: Skill, helped: Helped
) -> bool:
    svc, lang = context.svc, patient.language
    feedback = Feedback(skill.key, helped, svc.now())
    outcome = await svc.db(svc.repo.step_practice, patient.patient_id, run.run_id, run.step, None, feedback)
    if outcome != "ok":
        return False
    thanks = texts.cope_thanks_es if lang == "es" else texts.cope_thanks
    await reply(update, thanks(skill.name_in(lang), helped))
    return True


def step_screen(run: Run, skill: Skill, lang: str) -> tuple[str, Buttons]:
    """One screen of a walk-through: a step with Next (Done on the last) and Stop, or "did this help?"."""
    es, name, steps = lang == "es", skill.name_in(lang), skill.steps_in(lang)
    if practice.asking(run, skill):
        answers = [
            (pick(lang, texts.BTN_HELPED_YES, texts.BTN_HELPED_YES_ES), "y"),
            (pick(lang, texts.BTN_HELPED_SOME, texts.BTN_HELPED_SOME_ES), "s"),
            (pick(lang, texts.BTN_HELPED_NO, texts.BTN_HELPED_NO_ES), "n"),
        ]
        row = [(label, data("h", run.run_id, run.step, code)) for label, code in answers]
        ask = texts.cope_ask_helped_es if es else texts.cope_ask_helped
        return ask(name, run.origin == "practice"), [row]
    text = texts.cope_step(name, run.step + 1, len(steps), steps[run.step])
    last = run.step == len(steps) - 1
    done = pick(lang, texts.BTN_DONE_STEPS, texts.BTN_DONE_STEPS_ES)
    rows = [
        [
            (
                done if last else pick(lang, texts.BTN_NEXT, texts.BTN_NEXT_ES),
                data("n", run.run_id, run.step),
            ),
            (pick(lang, texts.BTN_STOP, texts.BTN_STOP_ES), data("x", run.run_id, run.step)),
        ]
    ]
    if run.step == 0:
        text = texts.cope_intro_es(text) if es else texts.cope_intro(text)
        if run.origin == "cope":
            rows.append(
                [
                    (
                        pick(lang, texts.BTN_OTHER_SKILL, texts.BTN_OTHER_SKILL_ES),
                        data("o", run.run_id, run.step),
                    )
                ]
            )
    return text, rows
