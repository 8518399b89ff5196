"""Crisis lines the bot ships, as a settings default (newcomer4 finding 10b).

A program may name any locale of the shipped directory (bot/data/crisis_lines.toml) as its ``default_locale``
without copying its lines into the settings: ``default_locale = "mx"`` was refused though Línea de la Vida ships.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sections imports this module: the types only for the checker
    from bot.config.sections import CrisisResources


def shipped_locale(locale: str) -> CrisisResources:
    """The shipped lines of ``locale``, or a SettingsError naming the key."""
    # Imported here: the directory reads settings types, and sections imports this module.
    from bot.config.sections import CrisisResources, SettingsError
    from bot.domain.crisis_lines import default_crisis_lines

    shipped = default_crisis_lines().locales.get(locale)
    if shipped is None:
        raise SettingsError(
            f"crisis.default_locale: no [crisis.{locale}] section with lines, and none shipped"
        )
    return CrisisResources(locale, tuple(shipped.lines))
