"""What a counselor reads while reviewing flags: what one tap closed, and urgent alerts it leaves open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.texts.base import esc, zoned
from bot.texts.counselor import pages
from bot.texts.crisis import NOT_SAFE_FOLDED
from bot.texts.erasures import erased_on


def _alerts(count: int) -> str:
    return "1 urgent alert is" if count == 1 else f"{count} urgent alerts are"


POPUP = 200  # Telegram's longest pop-up


def flags_acked(count: int, urgent_open: int = 0, kinds: Sequence[tuple[str, int]] = ()) -> str:
    """The pop-up after "Acknowledge flags", naming what it closed (newcomer18 N174), most first (plain text:
    Telegram shows pop-ups as typed)."""
    tail = f" {_alerts(urgent_open)} still open: see below." if urgent_open else ""
    if not count:
        return f"No other open flags.{tail}"
    named = [f"{label} ×{n}" if n > 1 else label for label, n in kinds]
    for shown in range(len(named), 0, -1):
        more = f" and {len(named) - shown} more" if shown < len(named) else ""
        done = f"Flags acknowledged ({count}): {', '.join(named[:shown])}{more}."
        if len(done + tail) <= POPUP:
            return done + tail
    return f"Flags acknowledged ({count}).{tail}"


def urgent_still_open(alias: str, count: int) -> str:
    """After "Acknowledge flags" left urgent alerts open, above a button for each."""
    which = "it" if count == 1 else "each one"
    return (
        f"<b>{esc(alias)}</b>: {_alerts(count)} still open. An urgent alert closes only from the alert "
        f"itself, so none stops escalating unread: open {which} below, read it, then tap Acknowledge on it."
    )


def urgent_page_line(count: int) -> str:
    """On the patient page, under the open flags."""
    which = "it" if count == 1 else "each"
    return f"🚨 {_alerts(count)} open: open {which} from its 🚨 button below to read and acknowledge it."


def open_alert_button(label: str, at: datetime) -> str:
    """A button that brings back one urgent alert (button text is shown as typed: not HTML)."""
    return f"🚨 {label}, {zoned(at)}"


BTN_SHOW_WORDS = "Show words"
CHECK_LABEL = "worrying words"  # how the page and the answer name a "check" (asked if safe, nobody paged)
_CHECK_ANSWER = {
    "safe": ("answered “I'm safe right now”", "Nobody was paged: it waits for your next review."),
    "notsafe": ("answered “I'm <b>not</b> safe”", "That answer pages you: an urgent alert follows."),
    "unsure": (
        "answered “<b>not sure</b>” (taken as not safe)",
        "That answer pages you: an urgent alert follows.",
    ),
}


def check_answered(alias: str, answer: str, at: datetime, *, times: int = 0, after: int = 0) -> str:
    """The patient's answer to "Are you safe right now?" asked after worrying words. No alert came before
    it (such words are flagged for review, nobody is paged), so it says what was asked and why; ``times``:
    a "not safe" folded into their "not safe" alert still open (texts.patient_answered); ``after``: messages
    they wrote while it waited, each on a 💬 card above (newcomer21 N186: read apart from the words asked about)."""
    said, then = _CHECK_ANSWER.get(answer, (f"answered {esc(answer)}", ""))
    if answer in ("notsafe", "unsure") and times > 1:
        said, then = f"{_CHECK_ANSWER[answer][0]} again ({times} times now)", NOT_SAFE_FOLDED
    return (
        f"↪ <b>{esc(alias)}</b> wrote something worrying but unclear, so the bot asked them “Are you safe "
        f"right now?”. They {said}, {zoned(at)}. {then}\nTap {BTN_SHOW_WORDS} to read what they wrote."
        + (
            f" They also wrote {_count(after)} while the question waited: read {_them(after)} with these words, "
            "on the 💬 card(s) above."
            if after
            else ""
        )
    )


def _count(n: int) -> str:
    return "1 message" if n == 1 else f"{n} messages"


def _them(n: int) -> str:
    return "it" if n == 1 else "them"


def check_page_line(count: int, latest: datetime) -> str:
    """On the patient page, under the open flags, when worrying words wait for review."""
    what = "a message" if count == 1 else f"{count} messages"
    return (
        f"💬 {CHECK_LABEL.capitalize()}: {what}, the latest {zoned(latest)}; they were asked if they are safe. "
        f"Tap {BTN_SHOW_WORDS} to read them."
    )


def check_words_pages(alias: str, words: list[tuple[datetime, str, bool]]) -> list[str]:
    """The worrying words themselves, newest first: (when, what, still open) each."""
    blocks = [
        f"<b>{zoned(at)}</b>{'' if open_ else ' (acknowledged)'}\n"
        + (f"<blockquote>{esc(_cut(text))}</blockquote>" if text else WORDS_NOT_KEPT)
        for at, text, open_ in words
    ]
    return pages(
        f"<b>{esc(alias)}</b>: {CHECK_LABEL} of the last 30 days, newest first", blocks or [NO_WORDS]
    )


NO_WORDS = "No worrying words in the last 30 days."
WORDS_NOT_KEPT = "(The words were not kept: this was flagged before the bot kept them.)"


def _cut(text: str, limit: int = 3000) -> str:
    return text if len(text) <= limit else text[:limit] + " … (cut)"


def routine_hold_line(until: datetime) -> str:
    """On the patient page while a crisis alert holds their routine pushes (newcomer6 round: they waited,
    unseen, for as long as the alert stayed open)."""
    return (
        f"⏸ Routine pushes (daily check-in prompt, practice, weekly questions) wait until {zoned(until)}, after "
        "the crisis alert; they go then, acknowledged or not."
    )


def erased_page_line(day: date, how: str = "/delete") -> str:
    """On the patient page: what was erased, by whom and when, so an empty page is not read as no engagement
    (newcomer14 N116: the retention rule's erasure was said nowhere)."""
    who = f"They erased their data with /delete on {day:%a} {day.day} {day:%b}"
    if how != "/delete":
        who = erased_on(how, day).capitalize()
    return f"🗑 {who}: check-ins, notes, plan and messages from before then are gone."


def words_under_question(words: list[str]) -> str:
    """Worrying words sent while "Are you safe right now?" waited unanswered, joined to the flag of the words it
    asked about (newcomer18 N181), each message on its line. Plain text: escaped where it is shown."""
    if len(words) < 2:
        return "".join(words)
    return (
        "\n".join(words)
        + f"\n\n({len(words)} messages, the later ones while “Are you safe right now?” waited)"
    )


def burst_words(earlier: list[str], text: str) -> str:
    """Worrying words read together with the messages sent just before them (newcomer16 N125: "i cant do this"
    and then "im done"), as the counselor reads them behind Show words: each message on its line, and why they
    are together. Plain text: escaped where it is shown."""
    if not earlier:
        return text
    return (
        "\n".join([*earlier, text])
        + f"\n\n({len(earlier) + 1} messages sent one after the other, read together)"
    )
