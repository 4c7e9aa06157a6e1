"""Anchoring evidence: quotes located in articles, and raw words checked against them."""

from __future__ import annotations

import datetime as dt

from negotiations.corpus._anchors import anchor_at, find_quote
from negotiations.corpus._fields import Fields
from negotiations.corpus._state import LoaderState
from negotiations.corpus._yaml import YamlMap
from negotiations.errors import (
    AmbiguousAnchorError,
    AnchorNotFoundError,
    UnknownReferenceError,
    ValueTypeError,
)
from negotiations.model import (
    DocumentId,
    Evidence,
    RecordRef,
    TextAnchor,
    text_checksum,
)

#: Offsets of an ambiguous quote named in the error (the search stops after one more).
MAX_OFFSETS_SHOWN = 5


def _times(starts: list[int]) -> str:
    if len(starts) > MAX_OFFSETS_SHOWN:
        return f"more than {MAX_OFFSETS_SHOWN} times"
    return f"{len(starts)} times"


class Anchoring(LoaderState):
    """Quotes (with prefix/suffix) become anchors pinned to their article's checksum;
    a ``record`` names a row of a dataset instead, for claims that come from data."""

    def evidence(self, f: Fields, document: str | None) -> Evidence | None:
        """The assertion's evidence: a quote in its article, or a dataset record."""
        if f.raw("record") is not None:
            for key in ("quote", "prefix", "suffix"):
                given = f.raw(key)
                if given is not None:
                    f.error(
                        ValueTypeError,
                        key,
                        "give either a quote or a record as evidence, not both",
                        expected="no quote beside a record",
                        found=given,
                    )
            return self.record(f)
        if document is None:  # the article is missing (reported once, elsewhere)
            f.raw("quote"), f.raw("prefix"), f.raw("suffix")
            return None
        return self.quote_anchor(f, document, allow_document=False)

    def record(self, f: Fields) -> RecordRef | None:
        raw = f.raw("record")
        line = raw.line if isinstance(raw, YamlMap) else f.line_of("record")
        rf = Fields(raw, f.file, self.problems, f"{f.what} record", line)
        dataset = rf.string("dataset", required=True)
        identifier = rf.raw("id", required=True)
        if isinstance(identifier, bool) or not isinstance(identifier, (str, int)):
            if identifier is not None:
                rf.error(
                    ValueTypeError,
                    "id",
                    "'id' must be text or a number",
                    expected="a record id",
                    found=identifier,
                )
            identifier = None
        field = rf.string("field")
        retrieved_text = rf.string("retrieved")
        retrieved = None
        if retrieved_text is not None:
            try:
                retrieved = dt.datetime.fromisoformat(retrieved_text)
            except ValueError:
                rf.error(
                    ValueTypeError,
                    "retrieved",
                    "'retrieved' is not an ISO date and time",
                    expected="YYYY-MM-DDTHH:MM[:SS][+HH:MM]",
                    found=retrieved_text,
                )
        rf.done()
        if dataset is None or identifier is None or str(identifier).strip() == "":
            return None
        return self.build(
            rf,
            "id",
            lambda: RecordRef(
                dataset=dataset, record=str(identifier), field=field, retrieved=retrieved
            ),
        )

    def quote_anchor(self, f: Fields, document: str, *, allow_document: bool) -> TextAnchor | None:
        exact = f.raw("quote", required=True)
        prefix = f.raw("prefix") or ""
        suffix = f.raw("suffix") or ""
        if allow_document:
            other = self.reference_document(f)
            document = other or document
        for key, value in (("quote", exact), ("prefix", prefix), ("suffix", suffix)):
            if value is not None and not isinstance(value, str):
                f.error(ValueTypeError, key, f"{key!r} must be text", expected="text", found=value)
                return None
        if isinstance(exact, str) and not exact.strip():
            f.error(
                ValueTypeError,
                "quote",
                "'quote' must not be empty",
                expected="the words that state the fact",
                found=exact,
            )
            return None
        if not exact or document not in self.texts:
            return None
        assert isinstance(exact, str)
        assert isinstance(prefix, str)
        assert isinstance(suffix, str)
        text = self.texts[document]
        starts = find_quote(text, exact, prefix, suffix, limit=MAX_OFFSETS_SHOWN + 1)
        if not starts:
            f.error(
                AnchorNotFoundError,
                "quote",
                f"quote not found in {document}.txt (check curly quotes, dashes and spacing)",
                expected="text that occurs in the article",
                found=exact,
            )
            return None
        if len(starts) > 1:
            f.error(
                AmbiguousAnchorError,
                "quote",
                f"quote occurs {_times(starts)} in {document}.txt (at offsets "
                f"{', '.join(map(str, starts[:MAX_OFFSETS_SHOWN]))}"
                f"{', …' if len(starts) > MAX_OFFSETS_SHOWN else ''}); add a prefix or suffix",
                expected="exactly one occurrence",
                found=exact,
            )
            return None
        checksum = self.checksums.get(document)
        if checksum is None:
            checksum = self.checksums[document] = text_checksum(text)
        return anchor_at(DocumentId(document), text, starts[0], exact, prefix, suffix, checksum)

    def reference_document(self, f: Fields) -> str | None:
        other = f.string("document")
        if other is not None and other not in self.texts:
            f.error(
                UnknownReferenceError,
                "document",
                "no such article",
                expected="an article file stem",
                found=other,
            )
            return None
        return other

    def quotes(self, f: Fields, key: str, document: str) -> tuple[TextAnchor, ...]:
        anchors = []
        for i, entry in enumerate(f.items(key)):
            line = f.item_line(key, i, entry)
            qf = Fields(entry, f.file, self.problems, f"{f.what} {key}[{i}]", line)
            anchor = self.quote_anchor(qf, document, allow_document=True)
            qf.done()
            if anchor is not None:
                anchors.append(anchor)
        return tuple(anchors)

    def words_of(
        self,
        f: Fields,
        key: str,
        what: str,
        text: str,
        within: str | None,
        where: str,
        *,
        exact_case: bool = False,
    ) -> bool:
        """Raw words (a date, a duration, a title) must be the article's own words.

        ``within`` is None for record evidence: a dataset has no words to check against.
        """
        if within is None:
            return True
        found = text in within if exact_case else text.casefold() in within.casefold()
        if not found:
            f.error(
                ValueTypeError,
                key,
                f"the {what} must be words of the {where}",
                expected=f"words in the {where}",
                found=text,
            )
        return found
