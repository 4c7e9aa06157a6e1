"""Turning the names in a table into the model's ids, keeping the names as written.

A table names subjects and sources as people write them ("AA-1007-TPA-MIA",
"Powell's  Books", "Zürich"); the model's ids match ``[a-z0-9][a-z0-9_.:-]*``.
"""

from __future__ import annotations

import re

from negotiations.model._names import to_ascii

_NON_ID = re.compile(r"[^a-z0-9_.:-]+")
_LEADING = re.compile(r"^[^a-z0-9]+")


def normalise_id(raw: str) -> str:
    """The id a name in a table stands for, or ``""`` if nothing of it is usable.

    The rule, in order: transliterate to ASCII (``anyascii``: "Zürich" -> "Zurich",
    "Москва" -> "Moskva"), casefold, replace every run of characters outside
    ``[a-z0-9_.:-]`` by one ``-``, then strip what cannot start an id and
    trailing ``-``. So "AA-1007-TPA-MIA" -> "aa-1007-tpa-mia", "Powell's  Books"
    -> "powell-s-books". Two names that differ only in case, accents or
    punctuation become one id; the loaders keep every raw spelling beside it.
    """
    folded = to_ascii(raw)
    text = _NON_ID.sub("-", folded.casefold())
    return _LEADING.sub("", text).rstrip("-")
