"""The emulator's flaky mode: a seeded share of calls answers 429, 500 or too late."""

from __future__ import annotations

from bot.devtools.emulator import ApiError
from bot.devtools.emulator.server import Faults


def _outcomes(faults: Faults, method: str, calls: int) -> list[str]:
    faults.enforce_limits = False  # only the injected faults, not the 30 messages/s limit
    out = []
    for _ in range(calls):
        late = faults.injected["late"]  # counted, not timed: on a loaded machine any call can be slow
        try:
            faults.check(method, {"chat_id": 1})
        except ApiError as exc:
            out.append(str(exc.code))
            continue
        out.append("late" if faults.injected["late"] > late else "ok")
    return out


def test_a_flaky_telegram_fails_about_the_rate_asked_with_every_kind_of_fault() -> None:
    faults = Faults()
    faults.flaky(0.2, seed=3, retry_after=0.5, late=0.002)
    outcomes = _outcomes(faults, "sendmessage", 1000)
    failed = [o for o in outcomes if o != "ok"]
    assert 150 <= len(failed) <= 250 and set(failed) == {"429", "500", "late"}
    assert sum(faults.injected.values()) == len(failed)


def test_the_same_seed_fails_the_same_calls_and_a_rate_of_zero_stops_it() -> None:
    first, second = Faults(), Faults()
    first.flaky(0.3, seed=9, late=0.002)
    second.flaky(0.3, seed=9, late=0.002)
    assert _outcomes(first, "sendmessage", 200) == _outcomes(second, "sendmessage", 200)
    first.flaky(0)
    assert set(_outcomes(first, "sendmessage", 100)) == {"ok"}


def test_a_429_carries_its_retry_after_and_get_updates_is_never_answered_late() -> None:
    faults = Faults()
    faults.flaky(1.0, seed=1, retry_after=1, late=5.0)
    errors: list[ApiError] = []
    for _ in range(60):
        try:
            faults.check("getupdates", {})
        except ApiError as exc:
            errors.append(exc)
    assert len(errors) == 60  # every call failed, none slept five seconds
    assert {e.code for e in errors} == {429, 500}
    assert all(e.retry_after == 1 for e in errors if e.code == 429)
