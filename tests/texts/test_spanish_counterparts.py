"""Every patient-facing text has a Spanish counterpart, so the next new text cannot be English-only silently.

A text in ``bot/texts`` counts as having Spanish when: its name ends in ``_ES``/``_es``; ``NAME_ES`` or
``name_es`` exists; or it is a function taking ``language``. Anything else must be listed below with the
reason it has no Spanish (counselor-facing, a helper that is not a sentence, or covered by another text).
A handler that sends a text having a Spanish counterpart names that counterpart in the same statement
(``pick(lang, texts.X, texts.X_ES)``), unless the line says ``# English only: <why>``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import bot.texts
from bot import texts

# Not patient-facing sentences: shared helpers, numbers, word sets read from patients.
NOT_TEXT = {
    "MAX_MESSAGE",
    "esc",
    "clock",
    "stamp",
    "zone_name",
    "zoned",
    "zoned_late",  # counselor-facing: when late words were written (gaps11 #9)
    "span",  # durations counselors read (newcomer6 finding 22)
    "day_label",
    "bullet_lines",
    "QUOTE",
    "patient_message_room",
    "HELP_WORDS",
    "with_harm_reduction",
    "relay_room",
    "number",
    "fit_lines",
    "crisis_resources",  # which lines, in which order: the lines come in the patient's language already
    "pages",
    "checkin_question",
    "checkin_answered",
    "cope_step",
    "measures_question",
    "measures_answered",  # layouts of texts passed in already in the language
    "BTN_ENGLISH",
    "BTN_SPANISH",  # each language's button is named in that language
    "SAFETY_BUTTONS",  # keyed by language itself
    "SOS_BUTTON",  # "🆘 SOS" reads the same in both (and typed SOS is matched on it)
}
# Covered by a language-keyed table the handlers use instead.
COVERED = {
    "BTN_SAFE": "SAFETY_BUTTONS",
    "BTN_NOT_SAFE": "SAFETY_BUTTONS",
    "BTN_MISREAD": "SAFETY_BUTTONS",
    "CRISIS_SAFE": "after_answer",
    "CRISIS_MISREAD": "after_answer",
    "BTN_COMING": "RSVP_LABELS_ES",
    "BTN_LATE": "RSVP_LABELS_ES",
    "BTN_CANT": "RSVP_LABELS_ES",
}
# Read by counselors (or the operator) only: English, the team's language.
COUNSELOR_MODULES = {
    "oncall",  # on call from now on, or no longer (newcomer22 N225)
    "ack_note",  # a note on what was done, on acknowledging an alert (newcomer16 N139)
    "caseload_pages",
    "counselor",
    "broadcast",
    "digest",
    "digest_handled",
    "handback",  # a counselor's first morning back from away, to them and their cover (newcomer20 N201)
    "review",
    "timeline",
    "flag_reasons",
    "flag_days",  # a flag's day and age on caseload rows and digests (newcomer20 N206)
    "alert_groups",
    "alert_stale",  # urgent alerts past their last reminder, once a day (newcomer20 N200)
    "alert_words",
    "roster",
    "not_enrolled",
    "set_aside",
    "erasures",
    "restored",  # to the admins and counselors: the bot runs on a restored backup (ops O94)
}
COUNSELOR_SIDE = {
    "away_you",  # `iop-bot counselor away`: to the counselor marked away (newcomer16 N141)
    "away_cover",  # the same: to their cover
    "away_back",  # `counselor away --back`: to both
    "covering_message_note",  # under a patient's message to the cover (newcomer18 N151)
    "away_cover_ended",  # to a cover replaced by another
    "away_cover_away",  # to a counselor away whose cover went away too (newcomer22 N216)
    "away_cover_chain",  # to the cover of that cover, who now stands in for them too
    "cover_handed_on",  # to a cover whose unanswered message went with a patient moved (newcomer22 N226)
    "standing_in_note",  # under a notice about a patient, to whoever stands in for them (newcomer20 N196)
    "counselor_enrollment_closed",  # `iop-bot patient close` (ops O14)
    "patient_closed",  # "Message patient" refused after `iop-bot patient close` (gaps18)
    "as_closed",  # a withdrawn_* alert card worded for an enrollment an admin closed (gaps18)
    "counselor_data_erased",  # `iop-bot patient erase` (ops O14)
    "EDIT_NOT_PASSED_COUNSELOR",  # a counselor editing their own message (bot/handlers/edited.py)
    "alert_what",
    "patient_held_note",  # not told "nobody answered": another alert was acknowledged (newcomer14 N112)
    "since_note",  # words after an alert, on its card (newcomer14 N105)
    "since_line",
    "since_reading",
    "covering_note",
    "alert_brief",
    "ANOTHER_COUNSELOR",
    "relay_room_on_call",
    "BTN_SHOW_MESSAGE",
    "BTN_ACKNOWLEDGE",
    "patient_answered",
    "NOT_SAFE_FOLDED",
    "said_again",
    "first_late_note",  # in the counselor's card: an alert nobody could be sent (ops O83)
    "CRISIS_REASON_SEE_ALERT",
    "counselor_alert",
    "unsaved_alert",
    "alert_acknowledged",
    "alert_words_deleted",
    "alert_reply_unsent",
    "words_with_earlier",
    "words_after_pieces",  # the messages a goodbye in pieces was read with (newcomer18 N178)
    "unsaved_words",
    "unkept_words",  # a torn file's follow-up words (ops O43)
    "words_answer_after_alert",
    "crisis_words_after_alert",  # crisis words said again, on a card of their own (newcomer15 N125)  # the patient's answer to the counselor's own message (newcomer14 N97)
    "patient_blocked_bot",
    "media_card",  # what came that the bot cannot read, gathered (newcomer24 N254)
    "media_named",
    "location_after_alert",
    "location_words",  # kept as the words the alert's people read
    "alert_without_words",
    "alert_message",
    "ALERT_NOT_YOURS",
    "ALERT_ALREADY",
    "ALERT_THANKS",
    "words_after_alert",
    "edit_after_alert",  # an edit after the alert, on a card of its own (newcomer24 N253)
    "words_after_question",
    "inbox_notice",
    "push_store_notice",
    "unclean_stop_notice",  # admins: the last run ended without a clean stop (ops O68)
    "measures_alert",
    "measures_typed_alert",
    "measures_counselor_line",
    "measures_block",
    "COUNSELOR_MENU",
    "BTN_REPLY",
    "BTN_READ_MESSAGE",
    "patient_message",
    "patient_message_pages",
    "patient_reply",
    "PATIENT_MESSAGE_LOCKED",
    "MESSAGE_GONE",
    "new_patient_for_counselor",
    "HELP_COUNSELOR",
    "counselor_text_not_sent",
    "PATIENT_COMMAND_FOR_COUNSELOR",
    "broadcast_silent",
    "counselor_welcome",
    "invitation_opened_by_enrolled",  # to the counselor who made the invitation (newcomer9 N55)
    "rerouted_note",
    "counselor_unreachable",
    "enrolled_but_unreachable",
    "no_oncall_warning",
    "oncall_not_staff_warning",  # to the admins: an on-call id that is no counselor (newcomer12 N67)
    "of_them",  # a reach reason said of "they", in counselor cards and logs (newcomer13 O53)
    "second_poller_warning",
    "clock_warning",
    "outage_over",  # to the admins: the Bot API was out of reach for minutes (ops O74)
    "clock_agreed",  # to the admins: the server clock's all-clear (ops O111)
    "message_unsaved_admin",  # to the admins: a patient's message lost to a full disk (ops O98)
    "audit_trouble",  # to the admins: the audit log changed outside the bot or damaged (ops O122/O123)
    "rolled_back",  # to the admins: a data file put back from an older copy lost alerts or patients (ops O142)
    "missing_line",  # one line of it, in doctor too
    "reply_lost",  # to the admins: replies flood control held past the bot's patience (ops O130)
    "consent_revoked",  # on stderr of patient record and export: the patient revoked consent (ops O138)
    "consent_state",  # the record's consent field (ops O138)
    "counselor_removed",  # to a counselor an admin removed (ops O136)
    "bot_down_refused",  # to the admins: the start was refused over a damaged data file (ops O22)
    "crisis_told",
    "message_waiting",
    "message_waiting_cover",
    "counselor_patient_discharged",
    "message_undeliverable",
    "records_unavailable_alert",
    "records_unavailable_at_start",
    "counselor_patient_stopped",
    "counselor_patient_erased",
    "counselor_rsvp",
    "CHART_MISSED_DAY",
    "chart_series",
    "alarm",
    "checks_piling",  # several worrying messages, the question unanswered: the counselor told now
    "lately_page_line",  # the caseload's and the patient page's word on urgent alerts
    "not_started_disk_full",  # to the admins before the bot runs
    "PATIENT_CODE_FOR_COUNSELOR",  # a patient code opened by a counselor's account
    "INVITE_FOR_PATIENT",  # a counselor invitation opened by a patient: the counselor's invitation text
    "INVITE_UNKNOWN",
    "INVITE_USED",  # counselor invitation codes
    "PIN_ASK",
    "PIN_OK",
    "PIN_NEEDED",
    "PIN_STRAY",
    "PIN_NOT_A_PIN",
    "pin_wrong",
    "pin_locked",  # the counselor's PIN
    "BTN_SHOW_MESSAGES",
    "words_gathered",
    "words_shown",  # a flood of words after an alert, on the counselor's card
    "notice_undelivered",
    "session_cancelled_report",  # the counselor's and the operator's side of a cancellation
    "patient_returned",
}
# Patient-facing and still English only. Each entry is a known gap, to shrink to nothing.
STILL_ENGLISH: set[str] = set()


def _own_names(module_name: str) -> list[str]:
    module = importlib.import_module(f"bot.texts.{module_name}")
    names = []
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.ismodule(value) or inspect.isclass(value) or name == "annotations":
            continue
        if callable(value) and getattr(value, "__module__", None) != module.__name__:
            continue  # imported from elsewhere
        if name in {"TYPE_CHECKING"} or not (
            callable(value) or isinstance(value, str | dict | tuple | frozenset)
        ):
            continue
        if not callable(value) and name != name.upper() and not name.startswith("BTN"):
            continue
        names.append(name)
    return names


def _has_spanish(name: str) -> bool:
    if name.endswith(("_ES", "_es")) or hasattr(texts, f"{name}_ES") or hasattr(texts, f"{name}_es"):
        return True
    value = getattr(texts, name, None)
    return callable(value) and "language" in inspect.signature(value).parameters


def _patient_texts() -> list[str]:
    modules = [m.name for m in pkgutil.iter_modules(bot.texts.__path__)]
    return [
        name
        for m in modules
        if not m.endswith("_es") and m not in COUNSELOR_MODULES
        for name in _own_names(m)
        if name not in NOT_TEXT | COUNSELOR_SIDE | set(COVERED)
    ]


def test_every_patient_text_has_a_spanish_counterpart() -> None:
    missing = sorted(n for n in _patient_texts() if not _has_spanish(n) and n not in STILL_ENGLISH)
    assert not missing, (
        f"patient texts with no Spanish (add NAME_ES, name_es or a language parameter): {missing}"
    )


def test_the_lists_of_exceptions_name_real_texts_and_no_gap_is_already_closed() -> None:
    for name in NOT_TEXT | COUNSELOR_SIDE | set(COVERED) | STILL_ENGLISH:
        assert hasattr(texts, name), f"{name} is no longer a text: take it off the list"
    assert all(hasattr(texts, table) for table in COVERED.values())
    closed = sorted(n for n in STILL_ENGLISH if _has_spanish(n))
    assert not closed, f"these have Spanish now: take them off STILL_ENGLISH: {closed}"


def _statements(tree: ast.AST) -> list[tuple[ast.stmt, ast.stmt]]:
    """Each simple statement, with the ``if`` it is in (its other branch may hold the Spanish)."""
    found = []

    def visit(node: ast.AST, branch: ast.stmt | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If):
                visit(child, child)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, None)
            elif isinstance(child, ast.stmt) and not hasattr(child, "body"):
                found.append((child, branch or child))
            else:
                visit(child, branch)

    visit(tree, None)
    return found


_BOT = Path(bot.texts.__file__).parent.parent
HANDLERS = sorted(
    [*(_BOT / "handlers").glob("*.py"), *(_BOT / "jobs").glob("*.py"), *(_BOT / "reports").glob("*.py")]
)
# Counselors' screens and jobs: English, the team's language.
COUNSELOR_HANDLERS = {"alerts.py", "broadcast.py", "counselor_actions.py", "digest.py", "csv_export.py"}
# Known places a patient still gets English where Spanish exists: to shrink to nothing.
UNPAIRED: set[str] = set()


def test_handlers_send_a_text_with_its_spanish_counterpart_beside_it() -> None:
    unpaired = []
    for path in HANDLERS:
        if path.name in COUNSELOR_HANDLERS:
            continue
        source = path.read_text()
        lines = source.splitlines()
        # A branch's source, cut once: get_source_segment splits the whole file on every call.
        segments: dict[int, str] = {}
        for statement, branch in _statements(ast.parse(source)):
            said = lines[statement.lineno - 1 : (statement.end_lineno or statement.lineno)]
            if any("# English only:" in line for line in said):
                continue
            for node in ast.walk(statement):
                if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
                    continue
                if node.value.id != "texts" or node.attr.endswith(("_ES", "_es")):
                    continue
                spanish = next(
                    (f"{node.attr}{s}" for s in ("_ES", "_es") if hasattr(texts, node.attr + s)), None
                )
                if spanish is None:
                    continue
                if id(branch) not in segments:
                    segments[id(branch)] = ast.get_source_segment(source, branch) or ""
                if spanish not in segments[id(branch)]:
                    unpaired.append(f"{path.name} texts.{node.attr}")
    assert sorted(set(unpaired) - UNPAIRED) == [], (
        f"sent without its Spanish beside it: {sorted(set(unpaired))}"
    )
    assert sorted(UNPAIRED - set(unpaired)) == [], "paired now: take these off UNPAIRED"


def test_texts_that_take_a_language_are_always_given_one() -> None:
    """A ``language`` parameter with a default would let a call stay English silently."""
    missing = []
    for path in HANDLERS:
        for call in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                continue
            target = call.func
            if not (isinstance(target.value, ast.Name) and target.value.id == "texts"):
                continue
            function = getattr(texts, target.attr, None)
            if not callable(function):
                continue
            names = list(inspect.signature(function).parameters)
            if "language" not in names:
                continue
            given = len(call.args) > names.index("language") or any(
                k.arg in ("language", None) for k in call.keywords
            )
            if not given:
                missing.append(f"{path.name}:{call.lineno} texts.{target.attr}")
    assert missing == []
