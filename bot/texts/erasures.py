"""How a patient's data came to be erased, as the staff read it (newcomer14 N116): after a retention erasure
the caseload read "last check-in never", the export was an empty file and the record said nothing, so a
records clerk read "never checked in" or "no records". Counselor- and operator-side: English."""

from __future__ import annotations

from datetime import date

__all__ = ["ERASED_BY", "erased_on", "erased_what"]

# Who erased it: the patient (/delete), the retention rule (the daily sweep), the program (`iop-bot patient
# erase`); "" for an erasure stored before the bot kept which.
ERASED_BY = {
    "/delete": "erased their data (/delete)",
    "retention": "data erased by the retention rule",
    "program": "data erased by the program (iop-bot patient erase)",
}


def erased_what(how: str) -> str:
    """The start of "... on <day>": who erased the data."""
    return ERASED_BY.get(how, "data erased")


def erased_on(how: str, day: date) -> str:
    """ "data erased by the retention rule on Mon 7 Dec"."""
    return f"{erased_what(how)} on {day:%a} {day.day} {day:%b}"
