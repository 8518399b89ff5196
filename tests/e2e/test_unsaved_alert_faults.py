"""An alert the store cannot keep (a full disk) still reaches a person though Telegram fails a send (audit).

Nothing stored means nothing to escalate or send again later: the one send to the counselor and on-call was
all there was, and one 500 left the crisis known to nobody (an ERROR line alone). Each is now tried again like
a safety reply.
"""

from __future__ import annotations

import errno

from bot.devtools.emulator import ApiError
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_disk_faults import Disk, disk  # noqa: F401 (the fixture)

SERVER_ERROR = ApiError(500, "Internal Server Error")


async def test_an_unsaved_alert_survives_one_failed_send(bot: Harness, patient: int, disk: Disk) -> None:  # noqa: F811
    disk.error = errno.ENOSPC
    # The patient's crisis answer is tried four times (and again later); the fifth send is the counselor's.
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=5)
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent", timeout=10)
