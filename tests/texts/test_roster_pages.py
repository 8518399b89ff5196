"""A removed counselor's patients in one summary, paged when it would not fit one message (gaps11 #4)."""

from __future__ import annotations

from bot import texts
from bot.texts.base import MAX_MESSAGE


def test_a_long_list_is_paged_and_names_everyone_once() -> None:
    patients = [(f"Patient-with-a-long-alias-{n:03d}", n % 3) for n in range(400)]
    pages = texts.handed_over_many("Dana Rivera", patients)
    assert len(pages) > 1
    assert all(len(page) <= MAX_MESSAGE for page in pages)
    joined = "\n".join(pages)
    assert all(joined.count(f"{alias}") == 1 for alias, _ in patients)
    assert f"(1/{len(pages)})" in pages[0] and "they follow below" in pages[-1]


def test_a_short_list_is_one_page() -> None:
    (page,) = texts.handed_over_many("Dana Rivera", [("Alex", 0), ("Bo", 1)])
    assert "2 patients are now yours" in page and "(1/" not in page
