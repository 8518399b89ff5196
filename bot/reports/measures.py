"""Weekly questionnaire results as people read them: the closing screen, /history trends, the patient page.

The numbers come from bot/domain/instruments.py and bot/domain/measures.py, the words from bot/texts/measures.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.instruments import Result, change, default_instruments
from bot.domain.measures import Instruments, by_instrument


def result_lines(
    results: Sequence[Result], previous: Sequence[Result], instruments: Instruments, language: str
) -> list[str]:
    """The closing screen's lines: each finished questionnaire, with the change since the one before."""
    said = texts.measures_result_es if language == "es" else texts.measures_result
    lines = []
    for result in results:
        instrument = instruments[result.instrument_id]
        before = [r for r in previous if r.instrument_id == result.instrument_id]
        delta = change(before[-1], result) if before else None
        lines.append(said(instrument.title, result.total, instrument.max_total, result.band, delta))
    return lines


def trend_lines(
    results: Sequence[Result], instruments: Instruments | None = None, language: str = "en", last: int = 5
) -> list[str]:
    """Per questionnaire, the last few totals and the current band (for the patient's /history)."""
    known = instruments if instruments is not None else default_instruments()
    said = texts.measures_trend_es if language == "es" else texts.measures_trend
    lines = []
    for ident, series in by_instrument(results).items():
        title = known[ident].title if ident in known else ident
        lines.append(said(title, [r.total for r in series[-last:]], series[-1].band))
    return lines


def counselor_lines(
    results: Sequence[Result], tz: ZoneInfo, instruments: Instruments | None = None
) -> list[str]:
    """Per questionnaire, the latest score with its change since the previous one (patient page)."""
    known = instruments if instruments is not None else default_instruments()
    lines = []
    for ident, series in by_instrument(results).items():
        latest = series[-1]
        previous = series[-2] if len(series) > 1 else None
        instrument = known.get(ident)
        delta = change(previous, latest)
        significant = bool(instrument and delta is not None and abs(delta) >= instrument.significant_change)
        lines.append(
            texts.measures_counselor_line(
                instrument.title if instrument else ident,
                latest.total,
                latest.band,
                latest.completed_at.astimezone(tz).date(),
                delta,
                significant,
                instrument.safety_item if instrument and latest.safety_item_positive else None,
            )
        )
    return lines
