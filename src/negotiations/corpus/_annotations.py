"""Reading annotation files: source, publication date and assertions of one article."""

from __future__ import annotations

from pathlib import Path

from negotiations.corpus._fields import Fields
from negotiations.corpus._files import listing, read_text
from negotiations.corpus._values import ValueReader
from negotiations.corpus._yaml import YamlMap
from negotiations.errors import (
    CorpusError,
    DuplicateIdError,
    MalformedFileError,
    MissingKeyError,
    UnknownPredicateError,
    UnknownReferenceError,
    ValueTypeError,
)
from negotiations.model import (
    ActorId,
    Assertion,
    Attribution,
    ClockValue,
    DateBasis,
    DateValue,
    Document,
    DocumentId,
    DurationValue,
    EntityId,
    Modality,
    OfficeValue,
    OutletKind,
    PartialDate,
    Polarity,
    PublicationDate,
    Qualifiers,
    QuantityValue,
    Source,
    SourceId,
    SubjectKind,
    TextAnchor,
    TitleTiming,
)

#: Value types whose words must come from the quote: unreadable while the quote is broken.
_WORDS_OF_THE_QUOTE = (DateValue, DurationValue, QuantityValue, ClockValue)


class AnnotationReader(ValueReader):
    """Article texts and their annotation files, one layer at a time."""

    def load_texts(self) -> None:
        self.layer_texts = set()
        try:
            paths = listing(self.root, "*.txt", self.display(self.root), self.limits)
        except CorpusError as error:
            self.problems.add(error)
            paths = []
        for path in paths:
            if path.stem in self.text_files:
                self.problems.add(
                    DuplicateIdError(
                        f"article {path.stem!r} is already in an earlier layer at {self.text_files[path.stem]}",
                        file=self.display(path),
                    )
                )
                continue
            self.text_files[path.stem] = self.display(path)
            self.layer_texts.add(path.stem)
            try:
                self.texts[path.stem] = read_text(path, self.root, self.display(path), self.limits)
            except CorpusError as error:
                self.problems.add(error)

    def load_annotations(self) -> tuple[list[Document], list[tuple[Assertion, str, int]]]:
        documents: list[Document] = []
        assertions: list[tuple[Assertion, str, int]] = []
        folder = self.root / "annotations"
        try:
            files = listing(folder, "*.yaml", self.display(folder), self.limits)
        except CorpusError as error:
            self.problems.add(error)
            files = []
        annotated = {p.stem for p in files}
        for stem in sorted(self.layer_texts - annotated):
            self.problems.add(
                MalformedFileError(
                    f"article {stem}.txt has no annotation file",
                    file=self.display(folder / f"{stem}.yaml"),
                )
            )
        for path in files:
            data = self.read(path)
            if data is None:
                continue
            result = self.annotation_file(path, data)
            if result is not None:
                document, items = result
                documents.append(document)
                assertions.extend(items)
        return documents, assertions

    def annotation_file(
        self, path: Path, data: YamlMap
    ) -> tuple[Document, list[tuple[Assertion, str, int]]] | None:
        file = self.display(path)
        f = Fields(data, file, self.problems, path.name)
        doc_id = f.identifier("document", required=True)
        if doc_id is not None and doc_id != path.stem:
            f.error(
                ValueTypeError,
                "document",
                "document id must equal the file name",
                expected=path.stem,
                found=doc_id,
            )
            doc_id = None
        if doc_id is not None and doc_id in self.texts and doc_id not in self.layer_texts:
            f.error(
                DuplicateIdError,
                "document",
                f"the article is in an earlier layer ({self.text_files[doc_id]}) and annotated there",
                expected="an article of this layer",
                found=doc_id,
            )
            doc_id = None
        if doc_id is not None and doc_id not in self.texts:
            f.error(
                UnknownReferenceError,
                "document",
                "no article text for this document",
                expected=f"{doc_id}.txt",
                found=doc_id,
            )
            doc_id = None
        published = self.publication(f, doc_id)
        source = self.source(f, doc_id, published)
        items: list[tuple[Assertion, str, int]] = []
        for i, entry in enumerate(f.items("assertions", required=True)):
            line = f.item_line("assertions", i, entry)
            af = Fields(entry, file, self.problems, f"assertion #{i + 1}", line)
            assertion = self.assertion(af, doc_id, published)
            af.done()
            if assertion is not None:
                items.append((assertion, file, line))
        f.done()
        if doc_id is None or source is None:
            return None
        document = Document.from_text(DocumentId(doc_id), source, self.texts[doc_id])
        return document, items

    def publication(self, f: Fields, doc_id: str | None) -> PublicationDate | None:
        raw = f.raw("published", required=True)
        if raw is None:
            return None
        pf = Fields(raw, f.file, self.problems, "published", f.line_of("published"))
        date_text = pf.string("date", required=True)
        basis = pf.choice("basis", DateBasis, required=True)
        reasoning = pf.string("reasoning")
        if doc_id is None:  # the article is missing (reported once, elsewhere)
            pf.raw("evidence")
            pf.done()
            return None
        evidence = self.quotes(pf, "evidence", doc_id)
        pf.done()
        if date_text is None or basis is None:
            return None
        if basis in (DateBasis.DATELINE, DateBasis.URL) and not pf.data.get("evidence"):
            pf.error(
                MissingKeyError,
                "basis",
                f"a date read from the {basis.value} must quote it under 'evidence'",
                expected=f"a quote of the {basis.value}",
                found=None,
            )
            return None
        value = self.build(pf, "date", lambda: PartialDate.parse(date_text))
        if value is None:
            return None
        return self.build(
            pf,
            "evidence",
            lambda: PublicationDate(
                value=value, basis=basis, reasoning=reasoning, evidence=evidence
            ),
        )

    def source(
        self, f: Fields, doc_id: str | None, published: PublicationDate | None
    ) -> Source | None:
        raw = f.raw("source", required=True)
        if raw is None or doc_id is None:
            return None
        sf = Fields(raw, f.file, self.problems, "source", f.line_of("source"))
        outlet = self.reference(sf, "outlet", ("actor",))
        title = sf.string("title")
        kind = sf.choice("kind", OutletKind) or OutletKind.UNKNOWN
        url = sf.string("url")
        evidence = self.quotes(sf, "evidence", doc_id)
        derived_from = self.derived_from(sf, doc_id)
        cites = [
            ActorId(actor)
            for actor in sf.strings("cites")
            if self.check_identifier(sf, "cites", actor, ("actor",))
        ]
        sf.done()
        return self.build(
            sf,
            "title",
            lambda: Source(
                id=SourceId(doc_id),
                outlet=ActorId(outlet) if outlet else None,
                title=title,
                kind=kind,
                url=url,
                published=published,
                evidence=evidence,
                derived_from=tuple(derived_from),
                cites=tuple(cites),
            ),
        )

    def derived_from(self, sf: Fields, doc_id: str) -> list[SourceId]:
        """Articles of this or an earlier layer that this one copies or rewrites."""
        found = []
        for other in sf.strings("derived_from"):
            if other == doc_id or other not in self.texts:
                sf.error(
                    UnknownReferenceError,
                    "derived_from",
                    "'derived_from' must name another article of the corpus",
                    expected="an article id (file stem) other than this one",
                    found=other,
                )
            else:
                found.append(SourceId(other))
        return found

    def assertion(
        self, f: Fields, doc_id: str | None, published: PublicationDate | None
    ) -> Assertion | None:
        subject = f.identifier("subject", required=True)
        predicate_raw = f.raw("predicate", required=True)
        spec = None
        if predicate_raw is not None:
            try:
                spec = self.vocabulary.spec(str(predicate_raw))
            except UnknownPredicateError as error:
                f.error(
                    UnknownReferenceError,
                    "predicate",
                    str(error),
                    expected="a built-in predicate or one of registry/predicates.yaml",
                    found=predicate_raw,
                )
                f.raw("value")  # typed by the predicate; unknowable here, not an unknown key
        evidence = self.evidence(f, doc_id)
        within = evidence.exact if isinstance(evidence, TextAnchor) else None
        modality = f.choice("modality", Modality, required=True)
        polarity = f.choice("polarity", Polarity) or Polarity.POSITIVE
        quoted = self.reference(f, "quoted", ("actor",))
        on_behalf_of = self.reference(f, "on_behalf_of", ("actor",))
        attribution_text = f.string("attribution")
        note = f.string("note")
        anchor_date = published.value if published else None
        text = self.texts.get(doc_id or "", "")
        said_at_raw, time_raw = f.raw("said_at"), f.raw("time")
        said_at = (
            self.date_expression(f, "said_at", said_at_raw, anchor_date, text, "article")
            if said_at_raw is not None
            else None
        )
        time = (
            self.date_expression(f, "time", time_raw, anchor_date, text, "article")
            if time_raw is not None
            else None
        )
        title, timing = f.string("title"), f.choice("timing", TitleTiming)
        role, complete = f.string("role"), f.boolean("complete")
        value = None
        if spec is not None:
            subject_ok = subject is not None and (
                SubjectKind.ANY in spec.subjects
                or self.check_kind(f, "subject", subject, tuple(k.value for k in spec.subjects))
            )
            if evidence is None and spec.value_type in _WORDS_OF_THE_QUOTE:
                f.raw("value")  # its words cannot be checked without the quote (reported)
            else:
                value = self.value(f, spec, within, anchor_date)
            if spec.time_scoped and spec.value_type is OfficeValue:
                if title is None:
                    f.raw("title", required=True)
                elif evidence is not None:
                    self.words_of(f, "title", "title", title, within, "quote", exact_case=True)
            elif not spec.time_scoped:
                for key, given in (("title", title), ("timing", timing)):
                    if given is not None:
                        f.error(
                            ValueTypeError,
                            key,
                            f"{key!r} applies to time-scoped predicates (holds_office) only",
                            expected="no such key",
                            found=given,
                        )
            if not spec.complete_lists:
                for key, extra in (("role", role), ("complete", complete)):
                    if extra is not None:
                        f.error(
                            ValueTypeError,
                            key,
                            f"{key!r} applies to list predicates (member) only",
                            expected="no such key",
                            found=extra,
                        )
            if modality is Modality.DENIED and polarity is not Polarity.NEGATIVE:
                f.error(
                    ValueTypeError,
                    "polarity",
                    "a denial must have polarity negative",
                    expected="negative",
                    found=polarity.value,
                )
                return None
            if not subject_ok:
                return None
        if spec is None or None in (subject, value, evidence, modality, doc_id):
            return None
        assert subject
        assert value
        assert evidence
        assert modality
        assert doc_id
        name = spec.name
        asserted_at = anchor_date
        if said_at is not None and isinstance(said_at.value, PartialDate):
            asserted_at = said_at.value
        return self.build(
            f,
            "value",
            lambda: Assertion.create(
                source=SourceId(doc_id),
                subject=EntityId(subject),
                predicate=name,
                value=value,
                evidence=evidence,
                modality=modality,
                polarity=polarity,
                qualifiers=Qualifiers(
                    title=title, timing=timing, time=time, role=role, complete=complete
                ),
                attribution=Attribution(
                    quoted=ActorId(quoted) if quoted else None,
                    on_behalf_of=ActorId(on_behalf_of) if on_behalf_of else None,
                    text=attribution_text,
                    said_at=said_at,
                ),
                asserted_at=asserted_at,
                note=note,
            ),
        )
