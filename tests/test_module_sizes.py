"""No module of the bot over 300 lines (the developers' guide: about 200, a hard warning above 300), so a
module that grows past it is split along a seam when it happens, not rounds later (newcomer finding 9 list)."""

from __future__ import annotations

from pathlib import Path

import bot

LIMIT = 300


def oversized(root: Path) -> dict[str, int]:
    """Each module under ``root`` longer than LIMIT lines, with its length."""
    sizes = {
        p.relative_to(root.parent).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in root.rglob("*.py")
    }
    return {name: n for name, n in sizes.items() if n > LIMIT}


def test_no_module_is_over_300_lines() -> None:
    assert oversized(Path(bot.__file__).parent) == {}
