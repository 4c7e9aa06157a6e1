"""Building a :class:`Corpus` from curated YAML annotations and article texts.

The loader never returns a half-built corpus: it collects every problem (file,
line, what was expected, what was found) and raises them together.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from negotiations.corpus._anchors import anchor_at, find_quote
from negotiations.corpus._corpus import Corpus
from negotiations.corpus._dates import (
    Direction,
    UnresolvableDateError,
    resolve_date,
    resolve_duration,
)
from negotiations.corpus._fields import Fields, Problems
from negotiations.corpus._yaml import YamlMap, load_yaml
from negotiations.errors import (
    AmbiguousAnchorError,
    AnchorNotFoundError,
    CorpusError,
    CorpusValidationError,
    DateExpressionError,
    DuplicateIdError,
    MalformedFileError,
    ModelError,
    UnknownReferenceError,
    ValueTypeError,
)
from negotiations.model import (
    Actor,
    ActorId,
    ActorValue,
    Assertion,
    Attribution,
    DateBasis,
    DateValue,
    DelegationId,
    DelegationRef,
    Document,
    DocumentId,
    DurationValue,
    EntityId,
    Event,
    EventId,
    EventKind,
    EventValue,
    MeetingMode,
    MeetingStatus,
    Modality,
    ModeValue,
    Office,
    OfficeId,
    OfficeValue,
    Organization,
    OrganizationKind,
    OutletKind,
    PartialDate,
    Person,
    Place,
    PlaceId,
    PlaceKind,
    PlaceValue,
    Polarity,
    PositionValue,
    Predicate,
    PublicationDate,
    Qualifiers,
    Registry,
    Source,
    SourceId,
    State,
    StatusValue,
    TextAnchor,
    TextValue,
    TimeExpression,
    TitleTiming,
    Value,
)
from negotiations.model._positions import Issue, Stance

T = TypeVar("T")


def bundled_corpus_path() -> Path:
    """Where the seed corpus is: inside the installed wheel, or in the source checkout."""
    packaged = Path(str(importlib.resources.files("negotiations"))) / "_seeds"
    if (packaged / "registry").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    if (checkout / "registry").is_dir():
        return checkout
    raise MalformedFileError(
        "the bundled seed corpus is missing from this installation", file=str(packaged)
    )


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load and validate a corpus (the bundled seed corpus when ``path`` is None).

    Raises :class:`CorpusValidationError` listing every problem found.
    """
    loader = _Loader(Path(path) if path is not None else bundled_corpus_path())
    corpus = loader.load()
    if loader.problems or corpus is None:
        raise CorpusValidationError(loader.problems.items)
    return corpus


def validate_corpus(path: str | Path | None = None) -> tuple[CorpusError, ...]:
    """Every problem in a corpus; empty when it loads cleanly."""
    try:
        load_corpus(path)
    except CorpusValidationError as error:
        return error.problems
    except CorpusError as error:
        return (error,)
    return ()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.problems = Problems()
        self.kinds: dict[str, tuple[str, str, int]] = {}  # id -> (kind, file, line)
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self.offices: dict[str, Office] = {}
        self.events: dict[str, Event] = {}
        self.delegations: dict[str, DelegationRef] = {}
        self.texts: dict[str, str] = {}

    # -- helpers ---------------------------------------------------------
    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> YamlMap | None:
        try:
            return load_yaml(path, self.display(path))
        except CorpusError as error:
            self.problems.add(error)
            return None

    def build(self, f: Fields, key: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except ModelError as error:
            f.error(
                ValueTypeError,
                key,
                f"invalid {error.field}",
                expected=error.expected,
                found=error.value,
            )
            return None

    def register(self, identifier: str, kind: str, f: Fields) -> bool:
        if identifier in self.kinds:
            other_kind, other_file, other_line = self.kinds[identifier]
            f.error(
                DuplicateIdError,
                "id",
                f"id {identifier!r} is already used by a {other_kind} at {other_file}:{other_line}",
            )
            return False
        self.kinds[identifier] = (kind, f.file, f.line_of("id"))
        return True

    def records(self, name: str) -> list[tuple[Fields, str]]:
        path = self.root / "registry" / f"{name}.yaml"
        data = self.read(path)
        if data is None:
            return []
        top = Fields(data, self.display(path), self.problems, f"{name}.yaml")
        out = []
        for i, entry in enumerate(top.items(name, required=True)):
            line = entry.line if isinstance(entry, YamlMap) else top.line_of(name)
            ident = entry.get("id") if isinstance(entry, dict) else None
            f = Fields(
                entry,
                self.display(path),
                self.problems,
                f"{name[:-1]} {ident or '#' + str(i + 1)}",
                line,
            )
            out.append((f, name))
        top.done()
        return out

    def reference(
        self, f: Fields, key: str, kinds: tuple[str, ...], *, required: bool = False
    ) -> str | None:
        identifier = f.identifier(key, required=required)
        if identifier is None:
            return None
        self.check_kind(f, key, identifier, kinds)
        return identifier

    def check_kind(self, f: Fields, key: str, identifier: str, kinds: tuple[str, ...]) -> bool:
        found = self.kinds.get(identifier)
        wanted = " or ".join(kinds)
        if found is None:
            f.error(
                UnknownReferenceError,
                key,
                f"{key!r} refers to no known {wanted}",
                expected=f"a {wanted} id",
                found=identifier,
            )
            return False
        if found[0] not in kinds:
            f.error(
                ValueTypeError,
                key,
                f"{key!r} refers to a {found[0]}",
                expected=f"a {wanted} id",
                found=identifier,
            )
            return False
        return True

    # -- registries -------------------------------------------------------
    def load_registries(self) -> None:
        pending: list[Callable[[], None]] = []
        for f, _ in self.records("actors"):
            pending.append(self.actor_record(f))
        for f, _ in self.records("places"):
            pending.append(self.place_record(f))
        for f, _ in self.records("offices"):
            pending.append(self.office_record(f))
        for f, _ in self.records("events"):
            pending.append(self.event_record(f))
        for finish in pending:  # references resolve once every id is known
            finish()

    def actor_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        kind = f.raw("type", required=True)
        name = f.string("name", required=True)
        aliases = frozenset(f.strings("aliases"))
        org_kind = country = parent = None
        if kind == "organization":
            org_kind = f.choice("kind", OrganizationKind) or OrganizationKind.OTHER
        elif kind not in ("person", "state"):
            f.error(
                ValueTypeError,
                "type",
                "unknown actor type",
                expected="person, organization or state",
                found=kind,
            )
            kind = None
        ok = identifier is not None and self.register(identifier, "actor", f)

        def finish() -> None:
            nonlocal country, parent
            if kind == "organization":
                country = self.reference(f, "country", ("actor",))
                parent = self.reference(f, "parent", ("actor",))
            f.done()
            if not (ok and kind and name and identifier):
                return
            aid = ActorId(identifier)

            def make() -> Actor:
                if kind == "person":
                    return Person(id=aid, name=name, aliases=aliases)
                if kind == "state":
                    return State(id=aid, name=name, aliases=aliases)
                assert org_kind is not None
                return Organization(
                    id=aid,
                    name=name,
                    aliases=aliases,
                    kind=org_kind,
                    country=ActorId(country) if country else None,
                    parent=ActorId(parent) if parent else None,
                )

            actor: Actor | None = self.build(f, "id", make)
            if actor is not None:
                self.actors[identifier] = actor

        return finish

    def place_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        kind = f.choice("kind", PlaceKind, required=True)
        aliases = frozenset(f.strings("aliases"))
        ok = identifier is not None and self.register(identifier, "place", f)

        def finish() -> None:
            country = self.reference(f, "country", ("actor",))
            within = self.reference(f, "within", ("place",))
            f.done()
            if ok and identifier and name and kind:
                place = self.build(
                    f,
                    "id",
                    lambda: Place(
                        id=PlaceId(identifier),
                        name=name,
                        kind=kind,
                        aliases=aliases,
                        country=ActorId(country) if country else None,
                        within=PlaceId(within) if within else None,
                    ),
                )
                if place is not None:
                    self.places[identifier] = place

        return finish

    def office_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        single = f.boolean("single_holder")
        if single is None and "single_holder" not in f.data:
            f.raw("single_holder", required=True)
        aliases = frozenset(f.strings("aliases"))
        ok = identifier is not None and self.register(identifier, "office", f)

        def finish() -> None:
            organization = self.reference(f, "organization", ("actor",), required=True)
            f.done()
            if ok and identifier and name and organization and single is not None:
                office = self.build(
                    f,
                    "id",
                    lambda: Office(
                        id=OfficeId(identifier),
                        name=name,
                        organization=ActorId(organization),
                        single_holder=single,
                        aliases=aliases,
                    ),
                )
                if office is not None:
                    self.offices[identifier] = office

        return finish

    def event_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        kind = f.choice("kind", EventKind, required=True)
        ok = identifier is not None and self.register(identifier, "event", f)
        delegation_fields = []
        for i, entry in enumerate(f.items("delegations")):
            line = entry.line if isinstance(entry, YamlMap) else f.line_of("delegations")
            df = Fields(
                entry, f.file, self.problems, f"delegation #{i + 1} of event {identifier}", line
            )
            did = df.identifier("id", required=True)
            if did is not None and self.register(did, "delegation", df):
                delegation_fields.append((df, did))

        def finish() -> None:
            refs = []
            for df, did in delegation_fields:
                party = self.reference(df, "party", ("actor",), required=True)
                df.done()
                if party and identifier:
                    ref = DelegationRef(
                        id=DelegationId(did), party=ActorId(party), event=EventId(identifier)
                    )
                    self.delegations[did] = ref
                    refs.append(ref)
            f.done()
            if ok and identifier and name and kind:
                event = self.build(
                    f,
                    "id",
                    lambda: Event(
                        id=EventId(identifier), name=name, kind=kind, delegations=tuple(refs)
                    ),
                )
                if event is not None:
                    self.events[identifier] = event

        return finish

    # -- documents and annotations ------------------------------------------
    def load_texts(self) -> None:
        for path in sorted(self.root.glob("*.txt")):
            try:
                self.texts[path.stem] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                self.problems.add(
                    MalformedFileError(
                        f"article is not UTF-8 ({error.reason})", file=self.display(path)
                    )
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
        if not exact or document not in self.texts:
            return None
        assert isinstance(exact, str)
        assert isinstance(prefix, str)
        assert isinstance(suffix, str)
        text = self.texts[document]
        starts = find_quote(text, exact, prefix, suffix)
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
                f"quote occurs {len(starts)} times in {document}.txt (at offsets {starts}); add a prefix or suffix",
                expected="exactly one occurrence",
                found=exact,
            )
            return None
        return anchor_at(DocumentId(document), text, starts[0], exact, prefix, suffix)

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
            line = entry.line if isinstance(entry, YamlMap) else f.line_of(key)
            qf = Fields(entry, f.file, self.problems, f"{f.what} {key}[{i}]", line)
            anchor = self.quote_anchor(qf, document, allow_document=True)
            qf.done()
            if anchor is not None:
                anchors.append(anchor)
        return tuple(anchors)

    def load_annotations(self) -> tuple[list[Document], list[tuple[Assertion, str, int]]]:
        documents: list[Document] = []
        assertions: list[tuple[Assertion, str, int]] = []
        folder = self.root / "annotations"
        files = sorted(folder.glob("*.yaml"))
        annotated = {p.stem for p in files}
        for stem in sorted(set(self.texts) - annotated):
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
            line = entry.line if isinstance(entry, YamlMap) else f.line_of("assertions")
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
            ),
        )

    def date_expression(
        self, f: Fields, key: str, raw: Any, anchor: PartialDate | None, within: str, where: str
    ) -> TimeExpression | None:
        direction: Direction = None
        if isinstance(raw, YamlMap):
            df = Fields(raw, f.file, self.problems, f"{f.what} {key}", raw.line)
            text = df.string("text", required=True)
            dir_raw = df.raw("direction")
            if dir_raw not in (None, "past", "future"):
                df.error(
                    ValueTypeError,
                    "direction",
                    "bad direction",
                    expected="past or future",
                    found=dir_raw,
                )
            else:
                direction = dir_raw
            df.done()
        elif isinstance(raw, str):
            text = raw
        else:
            f.error(
                ValueTypeError,
                key,
                "a date expression must be text or {text, direction}",
                expected="text",
                found=raw,
            )
            return None
        if text is None:
            return None
        if not self.words_of(f, key, "date expression", text, within, where):
            return None
        try:
            return resolve_date(text, anchor, direction)
        except UnresolvableDateError as error:
            f.error(DateExpressionError, key, str(error))
            return None

    def words_of(
        self,
        f: Fields,
        key: str,
        what: str,
        text: str,
        within: str,
        where: str,
        *,
        exact_case: bool = False,
    ) -> bool:
        """Raw words (a date, a duration, a title) must be the article's own words."""
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

    def value(
        self,
        f: Fields,
        predicate: Predicate,
        raw: Any,
        anchor: TextAnchor | None,
        published: PartialDate | None,
    ) -> Value | None:
        value_type = predicate.value_type
        kinds = {
            ActorValue: "actor",
            PlaceValue: "place",
            OfficeValue: "office",
            EventValue: "event",
        }
        if value_type in kinds:
            identifier = f.identifier("value", required=True)
            if identifier is None or not self.check_kind(
                f, "value", identifier, (kinds[value_type],)
            ):
                return None
            if value_type is ActorValue:
                return ActorValue(actor=ActorId(identifier))
            if value_type is PlaceValue:
                return PlaceValue(place=PlaceId(identifier))
            if value_type is OfficeValue:
                return OfficeValue(office=OfficeId(identifier))
            return EventValue(event=EventId(identifier))
        if value_type is TextValue:
            text = f.string("value", required=True)
            return TextValue(text=text) if text else None
        if value_type is DateValue:
            f.raw("value", required=True)
            if raw is None or anchor is None:
                return None
            expression = self.date_expression(f, "value", raw, published, anchor.exact, "quote")
            return DateValue(expression=expression) if expression else None
        if value_type is DurationValue:
            text = f.string("value", required=True)
            if text is None or anchor is None:
                return None
            if not self.words_of(f, "value", "duration", text, anchor.exact, "quote"):
                return None
            try:
                return DurationValue(text=text, duration=resolve_duration(text))
            except UnresolvableDateError as error:
                f.error(DateExpressionError, "value", str(error))
                return None
        if value_type is StatusValue:
            status = f.choice("value", MeetingStatus, required=True)
            return StatusValue(status=status) if status else None
        if value_type is ModeValue:
            mode = f.choice("value", MeetingMode, required=True)
            return ModeValue(mode=mode) if mode else None
        assert value_type is PositionValue
        raw = f.raw("value", required=True)
        if raw is None:
            return None
        pf = Fields(
            raw,
            f.file,
            self.problems,
            f"{f.what} position",
            raw.line if isinstance(raw, YamlMap) else f.line_of("value"),
        )
        issue = pf.choice("issue", Issue, required=True)
        stance = pf.choice("stance", Stance, required=True)
        terms = pf.string("terms")
        pf.done()
        return PositionValue(issue=issue, stance=stance, terms=terms) if issue and stance else None

    def assertion(
        self, f: Fields, doc_id: str | None, published: PublicationDate | None
    ) -> Assertion | None:
        subject = f.identifier("subject", required=True)
        predicate_raw = f.raw("predicate", required=True)
        predicate = None
        if predicate_raw is not None:
            try:
                predicate = Predicate(predicate_raw)
            except ValueError:
                f.error(
                    UnknownReferenceError,
                    "predicate",
                    "unknown predicate",
                    expected="one of " + ", ".join(p.value for p in Predicate),
                    found=predicate_raw,
                )
                f.raw("value")  # typed by the predicate; unknowable here, not an unknown key
        anchor = self.quote_anchor(f, doc_id, allow_document=False) if doc_id else None
        if doc_id is None:
            f.raw("quote"), f.raw("prefix"), f.raw("suffix")
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
        if predicate is not None:
            subject_ok = subject is not None and self.check_kind(
                f, "subject", subject, tuple(k.value for k in predicate.spec.subjects)
            )
            value = self.value(f, predicate, f.raw("value"), anchor, anchor_date)
            if predicate is Predicate.HOLDS_OFFICE:
                if title is None:
                    f.raw("title", required=True)
                elif anchor is not None:
                    self.words_of(
                        f, "title", "title", title, anchor.exact, "quote", exact_case=True
                    )
            else:
                for key, given in (("title", title), ("timing", timing)):
                    if given is not None:
                        f.error(
                            ValueTypeError,
                            key,
                            f"{key!r} applies to holds_office only",
                            expected="no such key",
                            found=given,
                        )
            if predicate is not Predicate.MEMBER:
                for key, extra in (("role", role), ("complete", complete)):
                    if extra is not None:
                        f.error(
                            ValueTypeError,
                            key,
                            f"{key!r} applies to member only",
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
        if None in (subject, predicate, value, anchor, modality, doc_id):
            return None
        assert subject
        assert predicate
        assert value
        assert anchor
        assert modality
        assert doc_id
        asserted_at = anchor_date
        if said_at is not None and isinstance(said_at.value, PartialDate):
            asserted_at = said_at.value
        return self.build(
            f,
            "value",
            lambda: Assertion.create(
                source=SourceId(doc_id),
                subject=EntityId(subject),
                predicate=predicate,
                value=value,
                evidence=anchor,
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

    # -- the whole --------------------------------------------------------
    def load(self) -> Corpus | None:
        if not self.root.is_dir():
            self.problems.add(MalformedFileError("corpus folder not found", file=str(self.root)))
            return None
        self.load_registries()
        self.load_texts()
        documents, located = self.load_annotations()
        seen: dict[str, tuple[str, int]] = {}
        assertions: list[Assertion] = []
        for assertion, file, line in located:
            if assertion.id in seen:
                first_file, first_line = seen[assertion.id]
                self.problems.add(
                    DuplicateIdError(
                        f"the same assertion (same subject, predicate, value and quote) is already at {first_file}:{first_line}",
                        file=file,
                        line=line,
                    )
                )
                continue
            seen[assertion.id] = (file, line)
            assertions.append(assertion)
        if self.problems:
            return None
        try:  # Corpus verifies every anchor (offsets, quote, text checksum) itself.
            return Corpus(
                registry=Registry(
                    actors=tuple(self.actors.values()),
                    places=tuple(self.places.values()),
                    offices=tuple(self.offices.values()),
                    events=tuple(self.events.values()),
                ),
                documents=tuple(sorted(documents, key=lambda d: d.id)),
                assertions=tuple(assertions),
            )
        except CorpusValidationError as error:
            for problem in error.problems:
                self.problems.add(problem)
            return None
