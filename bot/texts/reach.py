"""Reaching counselors: invitations, undeliverable alerts rerouted, and who could not be told."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import esc, zoned


def of_them(reason: str) -> str:
    """A reason said of a named person ("has blocked the bot") said of "they" ("have blocked the bot"): newcomer13
    O53 read "they has blocked the bot" in the admins' card and the log."""
    for one, many in (("has ", "have "), ("is ", "are "), ("was ", "were ")):
        if reason.startswith(one):
            return many + reason[len(one) :]
    return reason


INVITE_UNKNOWN = (
    "That counselor invitation isn't valid or has expired. Please ask the program administrator "
    "for a new link."
)
INVITE_USED = (
    "That counselor invitation has already been used. Please ask the program administrator for a new link."
)


def not_started_disk_full() -> str:
    """To the admins, before the bot runs: it waits for disk space, and nothing is answered meanwhile."""
    return (
        "⚠️ Bot health: the bot is <b>not running</b>: the disk holding its data is full. Patients' messages, "
        "crisis words too, wait unanswered until space is freed on the server (`df -h`); the bot starts by "
        "itself then, and answers what waited."
    )


PATIENT_CODE_FOR_COUNSELOR = (
    "This Telegram account is a counselor's, so it can't use a patient's enrollment code; the code is "
    "still open for the patient it was made for. To try the patient side, use another Telegram account."
)
INVITE_FOR_PATIENT = (
    "This Telegram account is enrolled as a patient, so it can't also be a counselor. Please open "
    "the invitation from your own work account."
)


def counselor_welcome(name: str, program: str, role: str = "counselor") -> str:
    """The first words a counselor gets from the bot, once it can reach them; an admin is told so (newcomer9
    N53: an admin's link said "counselor", and then every open alert came)."""
    if role == "admin":
        return (
            f"Welcome, <b>{esc(name)}</b>: you're set up as a counselor and an <b>admin</b> of {esc(program)}. "
            "Alerts about your patients will come here, and as an admin also the last reminder of every alert "
            "nobody has acknowledged and the bot's health notices. Send /help to see your tools."
        )
    return (
        f"Welcome, <b>{esc(name)}</b>: you're set up as a counselor for {esc(program)}. "
        "Alerts about your patients will come here. Send /help to see your tools."
    )


def rerouted_note(name: str, reason: str) -> str:
    """Added to an alert sent to on-call or admins because its counselor cannot be reached."""
    return f"\n\n⚠️ Sent to you because <b>{esc(name)}</b> {esc(reason)}, so the bot cannot reach them."


def counselor_unreachable(name: str, reason: str) -> str:
    """Tells the admins that a counselor cannot be reached, and what happens meanwhile."""
    return (
        f"⚠️ The bot cannot reach <b>{esc(name)}</b>, who {esc(reason)}. Until they open the bot "
        "and tap Start, their patients' urgent alerts go to on-call and admin counselors. "
        "Please ask them to open it."
    )


def enrolled_but_unreachable(alias: str, name: str, reason: str) -> str:
    """An enrollment notice that could not reach its counselor, told to the admins instead."""
    return (
        f"<b>{esc(alias)}</b> enrolled as a patient of <b>{esc(name)}</b>, but {esc(name)} {esc(reason)}. "
        "They will get the notice when they open the bot."
    )


def no_oncall_warning() -> str:
    """Start-up notice to the admins when nobody is on call."""
    return (
        "⚠️ No on-call counselors are configured ([alerts] oncall is empty). An unacknowledged "
        "urgent alert is repeated to the same counselor only, and patients are told their counselor "
        "may not see it right away. Add on-call counselors to the settings."
    )


def oncall_not_staff_warning(named: Sequence[tuple[int, str | None]]) -> str:
    """To the admins: [alerts] oncall names ids that are no registered counselor (a patient's, by mistake)."""
    who = "; ".join(
        f"{ident} (the patient {esc(alias)})" if alias else f"{ident} (nobody registered)"
        for ident, alias in named
    )
    return (
        f"⚠️ The settings' on-call list ([alerts] oncall) names {who}: not a registered counselor, so the bot "
        "sends them nothing. Their escalations go to the other on-call counselors, or to the admins when none "
        "is left. Put counselors' ids there (`iop-bot counselor list`) and restart the bot."
    )


def second_poller_warning() -> str:
    """To the admins, once per episode: another process polls with this bot's token."""
    return (
        "⚠️ Another copy of this bot is running with the same token (Telegram answers 409 Conflict). "
        "Telegram gives each patient message to only one of the two, so some messages, crisis words "
        "too, may reach the other copy and never you. Ask whoever runs the bot to stop the extra one: "
        "one <code>iop-bot run</code> per token."
    )


def outage_over(
    since: datetime, until: datetime, alerts: int, replies: int, *, restarted: bool = False
) -> str:
    """To the admins, after the Bot API was out of reach for minutes while the bot ran (ops O74) or across a
    restart of the bot (ops O102)."""
    late = []
    if alerts:
        late.append(
            f"{alerts} alert card(s) about words patients wrote then (each card says how long they waited)"
        )
    if replies:
        late.append(f"{replies} crisis answer(s) to patients, which went on a later try")
    what = (
        ("Late because of it: " + "; ".join(late) + ".") if late else "No alert or crisis answer fell in it."
    )
    return (
        f"⚠️ <b>Bot health</b>\nThe bot could not reach Telegram from <b>{zoned(since)}</b> to <b>{zoned(until)}</b> "
        "(Telegram or the server's network was down"
        f"{'; the bot was restarted in that time' if restarted else ''}). Messages patients sent then reached the bot only "
        f"afterwards. {what} <code>iop-bot doctor</code> shows this window for 30 days."
    )


def clock_warning(how_far: str) -> str:
    """To the admins, once per incident: this server's clock is off Telegram's (``how_far``: "7 min ahead of");
    everything the wrong clock affects, in this one notice (ops O111)."""
    return (
        f"⚠️ <b>Bot health</b>\nThe clock of the server the bot runs on is {esc(how_far)} Telegram's. Until they "
        "agree, I hold what would go by it and cannot be taken back: session reminders and counselor digests "
        "wait (they go then, if still due), no patient is told their care team hasn't answered, data due for "
        "erasure is kept (the retention sweep and the deletion of kept unsent words wait), and alert reminders "
        "are counted on Telegram's clock. Check-in prompts may come at the wrong time. Ask whoever runs the bot "
        "to turn on time sync (NTP) on that server. I'll tell you once the clocks agree again."
    )


def clock_agreed(how_far: str, since: datetime, until: datetime, alerts: int, skipped: Sequence[str]) -> str:
    """To the admins, once per incident told: the server's clock agrees with Telegram's again (ops O111)."""
    put_right = (
        f"{alerts} alert(s) raised while it was off now show Telegram's time on their cards and in the record"
        if alerts
        else "no alert was raised while it was off"
    )
    waited = (
        f"Skipped then, they run now: {esc(', '.join(skipped))}."
        if skipped
        else "No data was due for erasure then."
    )
    return (
        f"✅ <b>Bot health</b>\nThe server's clock agrees with Telegram's again: it was {esc(how_far)} Telegram's "
        f"from <b>{zoned(since)}</b> to <b>{zoned(until)}</b>. Meanwhile {put_right}. {waited} Session reminders "
        "and digests held go now if still due. <code>iop-bot doctor</code> shows this window for 30 days."
    )


def bot_down_refused() -> str:
    """To the admins, as `iop-bot run` exits: a damaged data file stopped the start (ops O22)."""
    return (
        "🛑 The bot is <b>down</b>: it refused to start because a data file is damaged, so patients' messages, "
        "crisis words too, wait unanswered until it runs again. Whoever runs the server: run "
        "<code>iop-bot doctor</code>, which names the file and the way out."
    )


def crisis_told(who: str, oncall: bool) -> str:
    """Who the crisis alert can reach, told to the patient without promising more.

    ``who``: "counselor" (reachable), "team" (only on-call or admins are) or "nobody".
    """
    if who == "nobody":
        return (
            "I couldn't reach anyone on your care team through this app just now, so please use the "
            "lines above. I'll keep trying to let them know."
        )
    told = (
        "I've let your counselor know, so they can reach out."
        if who == "counselor"
        else "I've let your care team know, so someone can reach out."
    )
    return told if oncall else f"{told} They may not see it right away, so please use the lines above now."


_AFTER_STOP = {
    "en": (
        "Since you stopped this app with /stop, they can't answer you here: they may contact you another "
        "way, such as the phone number your program has for you."
    ),
    "es": (
        "Como dejaste esta app con /stop, no pueden responderte aquí: puede que se comuniquen contigo de "
        "otra forma, por ejemplo, al teléfono que tiene tu programa."
    ),
}


# An admin closed their enrollment (`iop-bot patient close`): they never sent /stop (gaps18).
_AFTER_CLOSE = {
    "en": (
        "Since your program closed your enrollment in this app, they can't answer you here: they may contact "
        "you another way, such as the phone number your program has for you."
    ),
    "es": (
        "Como tu programa cerró tu inscripción en esta app, no pueden responderte aquí: puede que se "
        "comuniquen contigo de otra forma, por ejemplo, al teléfono que tiene tu programa."
    ),
}


def told_after_stop(told: str, who: str, language: str, *, closed: bool = False) -> str:
    """The crisis promise for someone who withdrew (``closed``: an admin closed their enrollment): the bot
    can't carry a reply, so it says how one may come (the counselor's alert says to use the contact details
    the program holds)."""
    if who == "nobody":
        return told
    return f"{told} {(_AFTER_CLOSE if closed else _AFTER_STOP)['es' if language == 'es' else 'en']}"


def message_waiting(alias: str) -> str:
    """Queued for a counselor who could not be reached when a patient wrote (the words stay on the page)."""
    return f"<b>{esc(alias)}</b> sent you a message while the bot could not reach you. It is on their page in /caseload."


def message_waiting_cover(alias: str, counselor: str, reason: str) -> str:
    """To on-call and admin counselors: a patient's message waits for a counselor the bot cannot reach
    (newcomer8 N11: it waited, and nobody else knew). No words: they are on the patient's page."""
    return (
        f"💬 <b>{esc(alias)}</b> sent a message to {esc(counselor)}, who {esc(reason)}, so it waits on "
        f"{esc(alias)}'s page and {esc(counselor)} has not seen it. If it may not wait, reach {esc(alias)} or "
        f"{esc(counselor)}."
    )


def patient_blocked_bot(alias: str) -> str:
    """To the counselor: their patient blocked the bot, so its pushes stopped (newcomer finding 10-25)."""
    return (
        f"⚠️ <b>{esc(alias)}</b> has blocked the bot: check-in prompts and session reminders to them have "
        "stopped, and they are marked inactive. Please reach them another way, such as the phone number your "
        "program holds."
    )


def message_undeliverable(alias: str, reason: str) -> str:
    """A counselor's message Telegram refuses for good: say so, and that only another way reaches them."""
    return (
        f"Not sent: <b>{esc(alias)}</b> {esc(reason)}, so Telegram will not deliver anything from the bot to "
        "them (trying again will not help). Please reach them another way, such as the phone number your "
        "program holds."
    )
