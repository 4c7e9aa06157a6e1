"""Locating quotes in documents (W3C TextQuoteSelector semantics)."""

from __future__ import annotations

from negotiations.errors import (
    AnchorError,
    AnchorNotFoundError,
    AnchorOutOfRangeError,
    ChecksumMismatchError,
)
from negotiations.model import Document, DocumentId, TextAnchor, text_checksum


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", *, limit: int | None = None
) -> list[int]:
    """Start offsets where ``exact`` occurs preceded by ``prefix`` and followed by ``suffix``.

    An empty quote occurs nowhere. The prefix must lie wholly inside the text (a
    negative start would wrap around to the end). With ``limit``, the search stops
    after that many matches, so a one-letter quote in a long text costs little.
    """
    if not exact:
        return []
    starts: list[int] = []
    position = text.find(exact)
    while position != -1:
        prefix_ok = position >= len(prefix) and text.startswith(prefix, position - len(prefix))
        if prefix_ok and text.startswith(suffix, position + len(exact)):
            starts.append(position)
            if limit is not None and len(starts) >= limit:
                break
        position = text.find(exact, position + 1)
    return starts


def anchor_at(
    document: DocumentId,
    text: str,
    start: int,
    exact: str,
    prefix: str,
    suffix: str,
    checksum: str | None = None,
) -> TextAnchor:
    """An anchor pinned to the checksum of the text its offsets were computed against
    (pass ``checksum`` when it is known, so many quotes of one long text hash it once)."""
    return TextAnchor(
        document=document,
        exact=exact,
        start=start,
        end=start + len(exact),
        prefix=prefix,
        suffix=suffix,
        checksum=checksum if checksum is not None else text_checksum(text),
    )


def verify_anchor(document: Document, anchor: TextAnchor) -> tuple[type[AnchorError], str] | None:
    """Why ``anchor`` does not hold in ``document`` (error class and words), or ``None``."""
    if anchor.checksum is not None and anchor.checksum != document.checksum:
        return (
            ChecksumMismatchError,
            f"the text of {document.id} changed since the anchor's offsets were computed "
            f"(anchor checksum {anchor.checksum}, text {document.checksum})",
        )
    if anchor.end > len(document.text):
        return (
            AnchorOutOfRangeError,
            f"offsets {anchor.start}..{anchor.end} run past the end of {document.id} ({len(document.text)} chars)",
        )
    if document.quote(anchor) != anchor.exact:
        return (
            AnchorNotFoundError,
            f"text of {document.id} at {anchor.start}..{anchor.end} is {document.quote(anchor)!r}, not the quote {anchor.exact!r}",
        )
    return None
