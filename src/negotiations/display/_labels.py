"""Human names for ids: what a reader sees instead of ``igor_kostyukov``."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from negotiations.corpus import Corpus
from negotiations.model import Document, PartialDate, Registry, Source, SourceId
from negotiations.reconcile._context import named_ids

if TYPE_CHECKING:
    from negotiations.reconcile import Reconciliation

#: Said of a title, outlet or URL the article's text does not state.
NOT_STATED = "not stated"


class Labels:
    """Resolves ids of actors, places, offices, events, delegations and sources to names.

    Built from a :class:`~negotiations.Corpus` (names, sources and document texts) or
    a :class:`~negotiations.Reconciliation` (names and sources; texts when a corpus
    with the same registry was seen by :func:`remember`). With ``ids=True`` every label
    carries its id in brackets (``Igor Kostyukov [igor_kostyukov]``); an id nobody
    knows is shown as it is.
    """

    def __init__(
        self, data: Corpus | Reconciliation | Registry | None = None, *, ids: bool = False
    ) -> None:
        self.ids = ids
        registry, sources, corpus = _parts(data)
        self.registry = registry
        self.corpus = corpus
        names: dict[str, str] = {}
        kinds: dict[str, str] = {}
        if registry is not None:
            for items, kind in (
                (registry.actors, "actor"),
                (registry.places, "place"),
                (registry.offices, "office"),
                (registry.events, "event"),
            ):
                for item in items:
                    names[item.id] = item.name
                    kinds[item.id] = kind
            for ref in registry.delegations():
                party = names.get(ref.party, ref.party)
                event = _with_article(names.get(ref.event, ref.event))
                names[ref.id] = f"{party} delegation to {event}"
                kinds[ref.id] = "delegation"
        # Names a claim table gives the ids it folded (no registry holds them).
        extra = named_ids(getattr(data, "corpus", None)) or named_ids(data) or {}
        for ident, name in extra.items():
            names.setdefault(ident, name)
        self._named_sources = frozenset(extra)
        self._names: Mapping[str, str] = names
        self._kinds: Mapping[str, str] = kinds
        self._sources: Mapping[SourceId, Source] = dict(sources or {})
        self._texts: Mapping[str, Document] = (
            {d.id: d for d in corpus.documents} if corpus is not None else {}
        )

    def plain(self, identifier: str) -> str:
        """The name alone (the id itself when unknown)."""
        return self._names.get(identifier, identifier)

    def kind(self, identifier: str) -> str | None:
        """``actor``, ``place``, ``office``, ``event``, ``delegation`` or None."""
        return self._kinds.get(identifier)

    def name(self, identifier: str) -> str:
        """The name, with the id beside it when ids were asked for."""
        label = self.plain(identifier)
        if self.ids and label != identifier:
            return f"{label} [{identifier}]"
        return label

    def subject(self, identifier: str) -> str:
        """The name as the subject or object of a sentence ("the Russia delegation to ...")."""
        label = self.name(identifier)
        if self.kind(identifier) in ("event", "delegation"):
            return _with_article(label)
        return label

    # -- sources ---------------------------------------------------------------
    def source_of(self, source: str) -> Source | None:
        """The :class:`Source` (outlet, title, date) of a source id, when known."""
        return self._sources.get(SourceId(source))

    def sources(self) -> tuple[Source, ...]:
        """Every known source, in id order."""
        return tuple(self._sources[k] for k in sorted(self._sources))

    def text_of(self, document: str) -> str | None:
        """A document's text, when the corpus was given (for quotes in their sentence)."""
        found = self._texts.get(document)
        return found.text if found is not None else None

    def outlet(self, source: str) -> str | None:
        """The outlet's name, when the article states it."""
        found = self.source_of(source)
        if found is None or found.outlet is None:
            return None
        return self.name(found.outlet)

    def published(self, source: str) -> PartialDate | None:
        found = self.source_of(source)
        published = found.published if found is not None else None
        return published.value if published is not None else None

    def source(self, source: str) -> str:
        """A short reference a reader can follow: outlet (or report number) and date."""
        if self.source_of(source) is None:
            return source
        who = self.publisher(source)
        date = self.published(source)
        return f"{who}, {date}" if date is not None else who

    def publisher(self, source: str) -> str:
        """Who published a known source, as a reader names it: :meth:`publisher_name`,
        else "report 000" (its number)."""
        name = self.publisher_name(source)
        if name is None:
            return f"report {short_id(source)}"
        return f"{name} ({short_id(source)})" if self.ids else name

    def publisher_name(self, source: str) -> str | None:
        """The outlet the article states, or a claim table's source by its name; None
        when the source is known only by its number."""
        outlet = self.outlet(source)
        if outlet is None and source in self._named_sources:  # a claim table's source
            return self.name(source)
        return outlet

    def article(self, source: Source) -> dict[str, str]:
        """Title, outlet, URL and publication date in words, "not stated" where the text
        does not say."""
        published = source.published
        date = (
            f"{published.value} ({published.basis.value})" if published is not None else NOT_STATED
        )
        return {
            "title": source.title or NOT_STATED,
            "outlet": self.name(source.outlet) if source.outlet else NOT_STATED,
            "url": source.url or NOT_STATED,
            "published": date,
        }


_seen: list[weakref.ref[Corpus]] = []


def remember(corpus: Corpus) -> None:
    """Let later displays of a reconciliation of ``corpus`` (or of its verdicts) show
    quotes in their sentences: a reconciliation keeps names and sources, not texts.
    Every display function that is given a corpus calls this (weakly held)."""
    if not any(ref() is corpus for ref in _seen):
        _seen.append(weakref.ref(corpus))
        del _seen[:-8]


def corpus_with(registry: Registry | None = None, sources: Iterable[str] = ()) -> Corpus | None:
    """The most recently remembered corpus with this registry, or holding these sources."""
    wanted = set(sources)
    for ref in reversed(_seen):
        corpus = ref()
        if corpus is None:
            continue
        if registry is not None and corpus.registry is registry:
            return corpus
        if registry is None and wanted and wanted <= set(corpus.sources):
            return corpus
    return None


def _parts(
    data: Corpus | Reconciliation | Registry | None,
) -> tuple[Registry | None, Mapping[SourceId, Source] | None, Corpus | None]:
    if data is None:
        return None, None, None
    if isinstance(data, Corpus):
        remember(data)
        return data.registry, data.sources, data
    if isinstance(data, Registry):
        return data, None, corpus_with(data)
    if isinstance(data.corpus, Corpus):
        return data.registry, data.sources, data.corpus
    return data.registry, data.sources, corpus_with(data.registry)


def short_id(document_id: str) -> str:
    """The readable part of a document id (``004`` for ``004_0463d2aba5b1d448``)."""
    return document_id.split("_", 1)[0]


def _with_article(name: str) -> str:
    """ "the" before a name that reads as a common noun phrase ("the Istanbul talks")."""
    first = name.split(" ", 1)[0]
    if first.endswith(("'s", "’s")) or name.lower().startswith("the "):
        return name
    return f"the {name}"
