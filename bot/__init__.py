"""IOP Companion: a Telegram companion for Intensive Outpatient Program patients and counselors."""

import os

# Opt in to python-telegram-bot's future timedelta durations now (silences a deprecation warning
# that AIORateLimiter triggers on every 429).
os.environ.setdefault("PTB_TIMEDELTA", "1")
