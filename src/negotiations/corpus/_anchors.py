"""Locating quotes in documents (W3C TextQuoteSelector semantics)."""

from __future__ import annotations

from negotiations.model import Document, DocumentId, TextAnchor, text_checksum


def find_quote(text: str, exact: str, prefix: str = "", suffix: str = "") -> list[int]:
    """Start offsets where ``exact`` occurs preceded by ``prefix`` and followed by ``suffix``."""
    starts: list[int] = []
    position = text.find(exact)
    while position != -1:
        prefix_ok = not prefix or text.startswith(prefix, position - len(prefix))
        if prefix_ok and text.startswith(suffix, position + len(exact)):
            starts.append(position)
        position = text.find(exact, position + 1)
    return starts


def anchor_at(
    document: DocumentId, text: str, start: int, exact: str, prefix: str, suffix: str
) -> TextAnchor:
    return TextAnchor(
        document=document,
        exact=exact,
        start=start,
        end=start + len(exact),
        prefix=prefix,
        suffix=suffix,
    )


def verify_anchor(
    document: Document, anchor: TextAnchor, checksum: str | None = None
) -> str | None:
    """Why ``anchor`` does not hold in ``document``, or ``None`` when it does."""
    if checksum is not None and checksum != text_checksum(document.text):
        return f"document {document.id} changed since the anchor was made (checksum mismatch)"
    if anchor.end > len(document.text):
        return f"offsets {anchor.start}..{anchor.end} run past the end of {document.id} ({len(document.text)} chars)"
    if document.quote(anchor) != anchor.exact:
        return f"text at {anchor.start}..{anchor.end} is {document.quote(anchor)!r}, not the quote"
    return None
