"""The data key as configured: ``IOP_DATA_KEY`` parsed and checked, before any file is opened.

Here rather than in the store so that reading settings never imports the store.
"""

from __future__ import annotations

from cryptography.fernet import Fernet


def parse_keys(value: str) -> list[str]:
    """``IOP_DATA_KEY``: one key, or "new,old" while a rotation is finishing; raises ValueError."""
    keys = [k.strip() for k in value.split(",") if k.strip()]
    if not keys:
        raise ValueError("empty")
    for key in keys:
        Fernet(key.encode())  # raises ValueError for anything that is not a Fernet key
    return keys
