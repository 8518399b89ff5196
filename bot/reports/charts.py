"""History charts as PNG bytes, drawn on a standalone Agg figure (thread-safe, no pyplot state)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from bot import texts
from bot.domain.checkins import Entry

if TYPE_CHECKING:  # matplotlib loads lazily: most processes never draw a chart
    from matplotlib.figure import Figure

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 100  # 800x450 px: readable on a phone, small to send
_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def _ensure_config_dir() -> None:
    # matplotlib caches fonts under the home directory; in CI or a locked-down container that may be
    # read-only, so point it at a private temp dir instead of letting it warn on every start.
    if os.environ.get("MPLCONFIGDIR"):
        return
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    if not os.access(home if home.exists() else home.parent, os.W_OK):
        os.environ["MPLCONFIGDIR"] = tempfile.mkdtemp(prefix="iop-mpl-")


def _daily(entries: Sequence[Entry], key: str) -> dict[date, float]:
    # With several check-ins on one day ("add" policy) the day shows their mean.
    values: dict[date, list[int]] = {}
    for e in entries:
        v = e.answers.get(key)
        if type(v) is int:
            values.setdefault(e.local_date, []).append(v)
    return {d: sum(vs) / len(vs) for d, vs in values.items()}


def render_history_png(
    entries: Sequence[Entry],
    *,
    today: date,
    days: int,
    title: str,
    series: Sequence[str] = ("mood", "craving"),
    extra: Mapping[str, Sequence[tuple[date, float]]] | None = None,
    gap_label: str | None = texts.CHART_MISSED_DAY,
    gap_shade: float = 0.9,
    language: str = "en",
) -> bytes:
    """A 0-10 line chart of the last `days` local days as PNG bytes (see ``history_figure``)."""
    fig = history_figure(
        entries,
        today=today,
        days=days,
        title=title,
        series=series,
        extra=extra,
        gap_label=gap_label,
        gap_shade=gap_shade,
        language=language,
    )
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def history_figure(
    entries: Sequence[Entry],
    *,
    today: date,
    days: int,
    title: str,
    series: Sequence[str] = ("mood", "craving"),
    extra: Mapping[str, Sequence[tuple[date, float]]] | None = None,
    gap_label: str | None = texts.CHART_MISSED_DAY,
    gap_shade: float = 0.9,
    language: str = "en",
) -> Figure:
    """The chart, with check-in days marked and days without one shaded under ``gap_label``.

    ``gap_label`` None leaves those days unshaded and out of the legend; ``gap_shade`` is their grey
    (0 black, 1 white), so a chart that should not read as a tally of misses can shade them lighter.
    """
    _ensure_config_dir()
    from matplotlib.figure import Figure

    days = max(1, days)
    first = today - timedelta(days=days - 1)
    dates = [first + timedelta(days=i) for i in range(days)]
    xs = list(range(days))  # day index on the x axis; tick labels carry the dates
    shown = [e for e in entries if first <= e.local_date <= today]
    checked = {e.local_date for e in shown}

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=13, pad=26)
    ax.set_ylim(-0.5, 10.5)
    ax.set_yticks(range(0, 11, 2))
    ax.set_xlim(-0.5, days - 0.5)
    ax.grid(axis="y", alpha=0.3)
    # Today is not "missed" until it is over; before the first check-in there is nothing to miss.
    gaps = [i for i, d in enumerate(dates) if checked and min(checked) <= d < today and d not in checked]
    shade = min(max(gap_shade, 0.0), 1.0)
    for i in gaps if gap_label is not None else []:
        ax.axvspan(i - 0.5, i + 0.5, color=str(shade), lw=0)
    if gaps and gap_label is not None:
        # The legend swatch a touch darker than the band, so it stays visible on the white legend.
        ax.plot([], [], "s", color=str(max(shade - 0.05, 0.0)), markersize=9, label=gap_label)
    es = language == "es"  # the patient's own chart; the counselor's is English
    lines = [
        ((texts.chart_series_es if es else texts.chart_series)(key), _daily(shown, key)) for key in series
    ]
    for name, pairs in (extra or {}).items():
        lines.append((name, {d: float(v) for d, v in pairs if first <= d <= today}))
    for (name, points), color in zip(lines, _COLORS * 2, strict=False):
        # A gap (NaN) on days without data, so a line never implies a check-in that did not happen.
        ys = [points.get(d, float("nan")) for d in dates]
        ax.plot(xs, ys, "-o", color=color, label=name, linewidth=2, markersize=5)
    if checked:
        # On the x axis itself, so a check-in shows even when every item in it was skipped.
        marks = [i for i, d in enumerate(dates) if d in checked]
        ax.plot(
            marks,
            [0.02] * len(marks),
            "|",
            color="0.3",
            ms=10,
            label=texts.CHART_CHECKIN_ES if es else texts.CHART_CHECKIN,
            transform=ax.get_xaxis_transform(),
        )
    if not shown and not any(points for _, points in lines):
        empty = texts.CHART_EMPTY_ES if es else texts.CHART_EMPTY
        ax.text(0.5, 0.5, empty, transform=ax.transAxes, ha="center", va="center", color="0.4")
    step = max(1, -(-days // 8))  # at most 8 date labels, so they stay legible on a phone
    ticks = list(range(days - 1, -1, -step))[::-1]  # always label today
    day = texts.chart_day_es if es else texts.chart_day
    ax.set_xticks(ticks, [day(dates[i]) for i in ticks])
    ax.tick_params(axis="x", labelsize=9)
    # Above the plot, so it never hides a data point.
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=9, ncols=5, frameon=False)
    # Fixed margins rather than tight_layout: a third faster, and the layout never shifts between charts.
    fig.subplots_adjust(left=0.06, right=0.98, top=0.85, bottom=0.09)
    return fig
