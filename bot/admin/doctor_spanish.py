"""Doctor: program data without Spanish while patients read Spanish (newcomer finding 10b-15).

A clinic's copy of checkin_items.toml made before Spanish existed passed doctor ("ok program data"), and its
Spanish patients got every check-in question in English. The shipped files carry Spanish throughout, so only
a clinic's copy can lack it: doctor names what lacks it, and FAILs while patients use Spanish.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.domain.checkin_items import load_checkin_config
from bot.domain.coping import load_skills
from bot.texts.messages_es import SHIPPED_EXPECTATION_ES


def _missing(settings: Settings) -> list[str]:
    """What is in English only: "check-in items mood, sleep", "coping skills halt"."""
    config = load_checkin_config(settings.checkin_items_file)
    items = [
        i.key for i in config.items if not i.prompt_es or any(o.label and not o.label_es for o in i.options)
    ]
    skills = [key for key, s in load_skills().items() if not s.name_es or not s.steps_es]
    # The program's own words for when a counselor answers, changed from the shipped ones with no Spanish.
    said = [
        key
        for key, english, spanish in (
            ("reply_within", settings.counselor_reply_within, settings.counselor_reply_within_es),
            ("working_hours", settings.counselor_hours, settings.counselor_hours_es),
        )
        if english and not spanish and english not in SHIPPED_EXPECTATION_ES
    ]
    return [
        *([f"check-in item(s) {', '.join(items)}"] if items else []),
        *([f"coping skill(s) {', '.join(skills)}"] if skills else []),
        *([f"[counselor] {', '.join(said)} (set {', '.join(k + '_es' for k in said)})"] if said else []),
    ]


def spanish_check(settings: Settings) -> Iterable[Finding]:
    """FAIL when patients use Spanish and the program data in use has items without it."""
    try:
        missing = _missing(settings)
    except (OSError, ValueError, KeyError, TypeError):
        return  # the program data check names a file that does not load
    if not missing:
        yield Finding("spanish", True, "the program data in use has Spanish throughout")
        return
    spanish = 0
    if settings.data_dir.exists():
        from bot.admin.client import admin
        from bot.admin.doctor_set_aside import store_untouched

        if untouched := list(store_untouched(settings, "spanish")):
            yield from untouched
            return
        rows = admin(settings, "patient_list", {})
        spanish = sum(1 for r in rows if r.get("language") == "es")
    what = "; ".join(missing)
    if spanish:
        yield Finding(
            "spanish",
            False,
            f"{spanish} patient(s) use Spanish, but these have no Spanish and show in English: {what} "
            "(add the *_es keys to your copy: `iop-bot defaults` shows the shipped ones)",
        )
    else:
        yield Finding("spanish", True, f"no patient uses Spanish; in English only: {what}")
