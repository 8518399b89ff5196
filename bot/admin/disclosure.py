"""A disclosure made with the CLI carries its recipient and purpose (ops O128).

`iop-bot patient record ALIAS --out FILE` and `iop-bot export` are disclosures outside the program (a court
order, another provider, the patient's own request); an accounting of disclosures (42 CFR 2.24, HIPAA §164.528)
needs the date, the recipient, what was disclosed and why, and the audit row said only who ran the command.
Now `--to` and `--purpose` go into the row, with where it was written (`--out`, or standard output), and `iop-bot
audit --patient ALIAS --disclosures` lists those rows alone.
"""

from __future__ import annotations

import sys
from typing import Any

DISCLOSURES = frozenset({"patient_record_exported_cli", "export_cli"})


def disclosure_options(parser: Any) -> None:
    """`--to` and `--purpose` on a command that gives records out."""
    parser.add_argument(
        "--to", metavar="RECIPIENT", help="who receives it, for the accounting of disclosures"
    )
    parser.add_argument("--purpose", help="why it is disclosed (court order, the patient's request, ...)")


def disclosed(args: dict[str, Any]) -> dict[str, str]:
    """The audit row's fields of a disclosure: recipient, purpose, where it was written (those given)."""
    fields = {"to": args.get("to"), "purpose": args.get("purpose"), "out": args.get("out_path")}
    return {k: str(v) for k, v in fields.items() if v}


def remind(args: Any) -> None:
    """On stderr when no recipient or purpose was given: the row cannot say to whom or why."""
    if not (getattr(args, "to", None) and getattr(args, "purpose", None)):
        print(
            "iop-bot: no --to and --purpose given: the audit row says who ran this and when, not to whom or why; "
            "for a disclosure outside the program give both (an accounting of disclosures needs them)",
            file=sys.stderr,
        )
