"""Patients' data rights: a copy of their data, erasure, and withdrawing consent."""

from __future__ import annotations

MYDATA_CAPTION = "Everything I have stored about you, as a file. Keep it somewhere private."
DELETE_CONFIRM = (
    "This erases your check-ins, notes, safety plan and questionnaire answers for good. "
    "Your counselor keeps their own clinical records. It can't be undone.\n\n<b>Erase everything?</b>"
)
BTN_DELETE = "Erase everything"
BTN_KEEP = "Keep my data"
DELETED = "Done: your check-ins, notes, safety plan and answers are erased. You can keep using me as before."
KEPT = "Okay, nothing was erased."
STOP_CONFIRM = (
    "If you stop, I won't send you anything any more and your counselor will be told. "
    "What you've shared so far is kept by the program for its records.\n\n<b>Stop using IOP Companion?</b>"
)
BTN_STOP = "Stop"
BTN_STAY = "Keep going"
STOPPED = (
    "You won't get any more messages from me. If you'd like to come back, ask your counselor for a new "
    "code. If you're ever in danger, call or text 988."
)
STAYED = "Glad you're staying."
COUNSELOR_PATIENT_STOPPED = (
    "<b>{alias}</b> stopped using the bot (withdrew consent). No more messages will be sent."
)
