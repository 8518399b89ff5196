"""pydantic's validation errors as the one line a person reads: the key, what was expected, a near miss."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from bot.config.sections import Crisis, CrisisLocale, SettingsFile


def one_line(exc: BaseException) -> str:
    """An exception's message on a single line (TOML and pydantic messages can span several)."""
    return " ".join(str(exc).split())


def first_error(exc: ValidationError) -> str:
    """``section.key: what is wrong`` for the first error pydantic found."""
    error = exc.errors(include_url=False)[0]
    path = [p for p in error["loc"] if isinstance(p, str)]  # list positions are shown by value
    key = ".".join(path) or "settings"
    if error["type"] == "extra_forbidden":
        return f"{key}: {_unknown(path)}"
    if error["type"] == "value_error":
        return f"{key}: {one_line(error['ctx']['error'])}"
    field = _field(path)
    if field is not None and field.description:
        return f"{key}: expected {field.description}, got {_shown(error)}"
    if error["type"] in ("model_type", "dict_type"):
        return f"{key}: expected a [{key}] table, got {_shown(error)}"
    return f"{key}: {error['msg']}, got {_shown(error)}"


def _shown(error: ErrorDetails) -> str:
    if error["type"] == "missing":
        return "nothing"
    value = error["input"]
    return f"a [{error['loc'][-1]}] table" if isinstance(value, dict) else repr(value)


def _unknown(path: list[str]) -> str:
    model = _model(path[:-1])
    known = list(model.model_fields) if model is not None else []
    return near_miss(path[-1], known, "section" if len(path) == 1 else "key")


def _model(path: list[str]) -> type[BaseModel] | None:
    model: type[BaseModel] = SettingsFile
    for name in path:
        field = model.model_fields.get(name)
        if field is None and model is Crisis:
            model = CrisisLocale
            continue
        annotation = field.annotation if field is not None else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _field(path: list[str]) -> FieldInfo | None:
    model = _model(path[:-1]) if path else None
    fields: dict[str, Any] = dict(model.model_fields) if model is not None else {}
    found = fields.get(path[-1]) if path else None
    return found if isinstance(found, FieldInfo) else None


def near_miss(key: str, known: Iterable[str], what: str = "key") -> str:
    """``unknown key; did you mean oncall?`` (or the list of known keys when nothing is close)."""
    known = sorted(known)
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    if near:
        return f"unknown {what}; did you mean {near[0]}?"
    return f"unknown {what} (expected one of {', '.join(known)})"
