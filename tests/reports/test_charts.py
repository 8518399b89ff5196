"""History chart rendering: valid, small PNGs for empty, sparse and full histories."""

from __future__ import annotations

import struct
from datetime import UTC, date, datetime, timedelta

import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb

from bot import texts
from bot.domain.checkins import Entry
from bot.handlers.history import GAP_SHADE
from bot.reports.charts import history_figure, render_history_png

TODAY = date(2026, 5, 30)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def entries(n: int) -> list[Entry]:
    days = [TODAY - timedelta(days=i) for i in range(n)]
    return [
        Entry(
            f"e{i}",
            datetime(d.year, d.month, d.day, 23, tzinfo=UTC),
            d,
            {"mood": i % 11, "craving": (3 * i) % 11},
        )
        for i, d in enumerate(days)
    ]


def size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


@pytest.mark.parametrize("count", [0, 1, 30])
def test_it_renders_a_small_phone_sized_png(count: int) -> None:
    png = render_history_png(entries(count), today=TODAY, days=30, title="Your last 30 days")
    assert png.startswith(PNG_MAGIC)
    assert len(png) < 100_000
    assert size(png) == (800, 450)


def test_it_renders_sparse_data_with_skipped_items_and_notes() -> None:
    sparse = [e for i, e in enumerate(entries(14)) if i % 3 == 0]
    sparse.append(
        Entry("n", datetime(2026, 5, 20, 23, tzinfo=UTC), date(2026, 5, 20), {"mood": None, "note": "hi"})
    )
    png = render_history_png(sparse, today=TODAY, days=14, title="Two weeks")
    assert png.startswith(PNG_MAGIC) and len(png) < 100_000


def test_it_draws_extra_series_and_ignores_entries_outside_the_window() -> None:
    old = Entry("old", datetime(2026, 1, 1, tzinfo=UTC), date(2026, 1, 1), {"mood": 5})
    extra = {"Sessions": [(TODAY - timedelta(days=2), 1.0), (TODAY, 3.0)]}
    png = render_history_png([old], today=TODAY, days=7, title="Week", series=("mood",), extra=extra)
    assert png.startswith(PNG_MAGIC)


def _week(gap_label: str | None = texts.CHART_MISSED_DAY, gap_shade: float = 0.9) -> Axes:
    """A week with check-ins 6, 3 and 0 days back: two gaps of two days each."""
    week = [e for i, e in enumerate(entries(7)) if i in (0, 3, 6)]
    fig = history_figure(week, today=TODAY, days=7, title="Week", gap_label=gap_label, gap_shade=gap_shade)
    return fig.axes[0]


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


def _gap_grey(ax: Axes) -> list[float]:
    """The red channel of each shaded band (grey: 0 black, 1 white)."""
    return [to_rgb(p.get_facecolor())[0] for p in ax.patches]


def test_the_counselor_chart_marks_days_without_a_check_in_as_missed_by_default() -> None:
    week = _week()
    assert texts.CHART_MISSED_DAY in _legend(week)
    assert len(_gap_grey(week)) == 4


def test_the_patients_chart_can_use_a_neutral_label_and_lighter_shading() -> None:
    week = _week(gap_label=texts.HISTORY_GAP_LABEL, gap_shade=GAP_SHADE)
    assert texts.HISTORY_GAP_LABEL in _legend(week) and texts.CHART_MISSED_DAY not in _legend(week)
    assert "missed" not in texts.HISTORY_GAP_LABEL.lower()
    assert min(_gap_grey(week)) > max(_gap_grey(_week()))  # lighter than the counselor's


def test_without_a_gap_label_days_without_a_check_in_are_neither_shaded_nor_named() -> None:
    week = _week(gap_label=None)
    assert texts.CHART_MISSED_DAY not in _legend(week) and _gap_grey(week) == []
    png = render_history_png(entries(7)[::3], today=TODAY, days=7, title="Week", gap_label=None)
    assert png.startswith(PNG_MAGIC)
