"""Pin this server's measured clock offset for a test.

Every Bot API answer (a long poll returning, a message sent) appends a real sample (about zero against the
emulator) to ``ApiContact.offsets``, and the smallest of the last few wins: a test that filled the samples with
"3 h ahead" lost them to the next poll's answer whenever one landed between the fill and the read, which is
more likely under load (test_alert_clock failed so, passing alone). The pinned samples ignore new ones."""

from __future__ import annotations

from collections import deque
from datetime import timedelta

from tests.conftest import Harness


class _Pinned(deque[timedelta]):
    def append(self, _sample: timedelta) -> None:
        """Real samples are not kept while the test holds the clock."""


def pin_offset(bot: Harness, by: timedelta | None) -> None:
    """The server's clock measured ``by`` ahead of Telegram's from now on (None: not measured yet)."""
    maxlen = bot.services.api.offsets.maxlen or 8
    bot.services.api.offsets = _Pinned([by] * maxlen if by is not None else [], maxlen=maxlen)
