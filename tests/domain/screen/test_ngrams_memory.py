"""The learned layer's model, once read, leaves no freed heap resident (ngrams.give_back_freed): read in a
process of its own, a trim afterwards finds little left to give back. Without it the round-16 model left
9-14 MB of its JSON's freed memory resident, 11-18 MB of start-up's 200 MB budget (benchmarks/startup.py)."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

_PROBE = """
import ctypes
from bot.domain.screen import ngrams

def rss_kb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))

assert ngrams.shipped() is not None
before = rss_kb()
ctypes.CDLL(None).malloc_trim(0)
print(before - rss_kb())
"""


def _has_malloc_trim() -> bool:
    try:
        ctypes.CDLL(None).malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return False
    return sys.platform == "linux"


@pytest.mark.skipif(not _has_malloc_trim(), reason="glibc's malloc_trim and /proc only")
def test_the_shipped_model_leaves_no_freed_heap_resident() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    given_back_mb = int(out.stdout.strip()) / 1024
    assert given_back_mb < 4, (
        f"{given_back_mb:.1f} MB of freed heap was still resident after the model loaded"
    )


def test_giving_back_is_harmless_where_there_is_no_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.domain.screen import ngrams

    class NoTrim:
        def __init__(self, name: object) -> None:
            del name

    monkeypatch.setattr(ctypes, "CDLL", NoTrim)
    ngrams.give_back_freed()  # no AttributeError: a platform without it keeps its memory, nothing else
