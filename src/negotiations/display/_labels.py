"""Human names for ids: what a reader sees instead of ``igor_kostyukov``."""

from __future__ import annotations

from collections.abc import Mapping

from negotiations.corpus import Corpus
from negotiations.model import Document, PartialDate, Source

#: Said of a title, outlet or URL the article's text does not state.
NOT_STATED = "not stated"


class Labels:
    """Resolves ids of actors, places, offices, events, delegations and sources to names.

    With ``ids=True`` every label carries its id in brackets (``Igor Kostyukov
    [igor_kostyukov]``), for readers who need to look things up; an id the corpus
    does not know is shown as it is.
    """

    def __init__(self, corpus: Corpus | None = None, *, ids: bool = False) -> None:
        self.corpus = corpus
        self.ids = ids
        names: dict[str, str] = {}
        kinds: dict[str, str] = {}
        documents: dict[str, Document] = {}
        if corpus is not None:
            for registry, kind in (
                (corpus.actors, "actor"),
                (corpus.places, "place"),
                (corpus.offices, "office"),
                (corpus.events, "event"),
            ):
                for item in registry:
                    names[item.id] = item.name
                    kinds[item.id] = kind
            for ref in corpus.delegations():
                party = names.get(ref.party, ref.party)
                names[ref.id] = (
                    f"{party} delegation to {_with_article(names.get(ref.event, ref.event))}"
                )
                kinds[ref.id] = "delegation"
            for document in corpus.documents:
                documents[document.id] = document
                documents[document.source.id] = document
        self._names: Mapping[str, str] = names
        self._kinds: Mapping[str, str] = kinds
        self._documents: Mapping[str, Document] = documents

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
    def document(self, source: str) -> Document | None:
        return self._documents.get(source)

    def outlet(self, source: str) -> str | None:
        """The outlet's name, when the article states it."""
        document = self.document(source)
        if document is None or document.source.outlet is None:
            return None
        return self.name(document.source.outlet)

    def published(self, source: str) -> PartialDate | None:
        document = self.document(source)
        published = document.source.published if document is not None else None
        return published.value if published is not None else None

    def source(self, source: str) -> str:
        """A short reference a reader can follow: outlet (or report number) and date."""
        document = self.document(source)
        if document is None:
            return source
        outlet = self.outlet(source)
        who = outlet if outlet is not None else f"report {short_id(document.id)}"
        if self.ids and outlet is not None:
            who += f" ({short_id(document.id)})"
        date = self.published(source)
        return f"{who}, {date}" if date is not None else who

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


def short_id(document_id: str) -> str:
    """The readable part of a document id (``004`` for ``004_0463d2aba5b1d448``)."""
    return document_id.split("_", 1)[0]


def _with_article(name: str) -> str:
    """ "the" before a name that reads as a common noun phrase ("the Istanbul talks")."""
    first = name.split(" ", 1)[0]
    if first.endswith(("'s", "’s")) or name.lower().startswith("the "):
        return name
    return f"the {name}"
