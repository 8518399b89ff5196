"""`iop-bot doctor` on counselors marked away (newcomer16 N141): who, until when, and who gets their patients'
urgent alerts at once meanwhile; a note, healthy for the exit code, so nobody forgets a leave is set."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from bot.admin.doctor import Finding
from bot.admin.doctor_data import index_tables
from bot.config.settings import Settings
from bot.domain.away import Away, away_now


def away_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """One note per counselor away today (one whose day back has come is not away any more)."""
    index = index_tables(settings)
    if index is None:
        return  # the files check names the index
    names = {int(c["telegram_id"]): str(c.get("name", "")) for c in index.get("counselors", {}).values()}
    today = (now or datetime.now(UTC)).astimezone(settings.tz).date()
    reachable = {
        int(r["telegram_id"])
        for r in index.get("counselor_reach", {}).values()
        if r.get("state") == "reachable"
    }
    rows = list(index.get("counselor_away", {}).values())
    chain = away_now(
        [Away(int(r["counselor_id"]), date.fromisoformat(str(r["until"])), r.get("cover")) for r in rows],
        today,
    )
    oncall = [o for o in settings.oncall if o in names and o not in chain]  # on call and present
    for row in rows:
        until = date.fromisoformat(str(row["until"]))
        if today >= until:
            continue
        if int(row["counselor_id"]) not in names:
            continue  # removed since (newcomer18 O88: its `--back` would fail): nothing goes to them anyway
        who = names[int(row["counselor_id"])]
        cover = row.get("cover")
        if cover is not None and int(cover) in names and int(cover) not in reachable:
            # newcomer18 N180: a cover the bot cannot write to gets none of the alerts meant for them.
            yield Finding(
                "away",
                False,
                f"{who} is away until {until.isoformat()} with cover {names[int(cover)]}, whom the bot cannot "
                "reach (not started or blocked): their patients' alerts reach only on-call and the admins. Set "
                f"another cover (`iop-bot counselor away {who!r} --until {until.isoformat()} --cover NAME`)",
            )
            continue
        if cover is not None and int(cover) in chain:  # their cover is away too (newcomer22 N216)
            now_with = chain[int(row["counselor_id"])].cover
            if now_with is not None:
                yield Finding("away", True, f"{who}'s cover {names.get(int(cover), cover)} is away too: "
                              f"{names.get(now_with, now_with)} stands in for {who}'s patients", note=True)  # fmt: skip
                continue
            if not oncall:
                yield Finding(
                    "away",
                    False,
                    f"{who}'s cover {names.get(int(cover), cover)} is away too, and nobody present covers them or is "
                    f"on call: their patients' alerts and messages go to the admins only. Set a cover (`iop-bot "
                    f"counselor away {who!r} --until {until.isoformat()} --cover NAME`)",
                )
                continue
        if (cover is None or int(cover) not in names) and not oncall:
            # newcomer20 N212: the cover removed and nobody on call, a patient's /message went to them only.
            yield Finding(
                "away",
                False,
                f"{who} is away until {until.isoformat()} with no cover and nobody on call: their patients' "
                "alerts and messages go to the admins only. Set a cover "
                f"(`iop-bot counselor away {who!r} --until {until.isoformat()} --cover NAME`)",
            )
            continue
        to = (
            names.get(int(cover), "the on-call counselors") if cover is not None else "the on-call counselors"
        )
        yield Finding(
            "away",
            True,
            f"{who} is away until {until.isoformat()}: their patients' urgent alerts go at once to {to} too "
            f"(`iop-bot counselor away {who!r} --back` ends it early)",
            note=True,
        )
