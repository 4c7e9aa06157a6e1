"""Building a :class:`Corpus` from curated YAML annotations and article texts.

The loader never returns a half-built corpus: it collects every problem (file,
line, what was expected, what was found) and raises them together.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from negotiations.corpus._annotations import AnnotationReader
from negotiations.corpus._chronology import reported_after_publication
from negotiations.corpus._corpus import Corpus
from negotiations.corpus._limits import DEFAULT_LIMITS, Limits
from negotiations.corpus._registries import RegistryReader
from negotiations.errors import (
    CorpusError,
    CorpusValidationError,
    DuplicateIdError,
    MalformedFileError,
)
from negotiations.model import (
    Assertion,
    Document,
    Registry,
)

#: The corpora shipped with the library: name -> (folder inside the wheel, folder in a checkout).
BUNDLED_CORPORA = {"seeds": ("_seeds", "seeds"), "reports": ("_reports", "reports")}


def bundled_corpus_path(name: str = "seeds") -> Path:
    """Where a bundled corpus is: inside the installed wheel, or in the source checkout.

    ``"seeds"`` is the curated seed corpus; ``"reports"`` is a second layer of
    reports that quotes the seeds and refers to their registry.
    """
    if name not in BUNDLED_CORPORA:
        known = ", ".join(BUNDLED_CORPORA)
        raise MalformedFileError(
            f"no bundled corpus named {name!r}", file=name, expected=f"one of {known}", found=name
        )
    packaged_name, checkout_name = BUNDLED_CORPORA[name]
    packaged = Path(str(importlib.resources.files("negotiations"))) / packaged_name
    if (packaged / "annotations").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / checkout_name
    if (checkout / "annotations").is_dir():
        return checkout
    raise MalformedFileError(
        f"the bundled {name!r} corpus is missing from this installation", file=str(packaged)
    )


def load_corpus(*layers: str | Path | None, limits: Limits | None = None) -> Corpus:
    """Load and validate a corpus made of one or more layers (folders in the seeds layout).

    With no layer (or only ``None``) the bundled seed corpus is loaded. Each later
    layer adds registry entries, documents and assertions; its annotations may quote
    documents of earlier layers and refer to their ids. Ids are unique across layers.
    ``limits`` bounds file sizes and YAML expansion (docs/limits.md).
    Raises :class:`CorpusValidationError` listing every problem found.
    """
    roots = [Path(layer) for layer in layers if layer is not None]
    loader = _Loader(roots or [bundled_corpus_path()], limits or DEFAULT_LIMITS)
    corpus = loader.load()
    if loader.problems or corpus is None:
        raise CorpusValidationError(loader.problems.items)
    return corpus


def validate_corpus(
    *layers: str | Path | None, limits: Limits | None = None
) -> tuple[CorpusError, ...]:
    """Every problem in a (layered) corpus; empty when it loads cleanly."""
    try:
        load_corpus(*layers, limits=limits)
    except CorpusValidationError as error:
        return error.problems
    except CorpusError as error:
        return (error,)
    return ()


class _Loader(AnnotationReader, RegistryReader):
    """Reads the layers in order and assembles the corpus; never returns half a corpus."""

    def load(self) -> Corpus | None:
        documents: list[Document] = []
        located: list[tuple[Assertion, str, int]] = []
        for index, root in enumerate(self.roots):
            self.root, self.first_layer = root, index == 0
            if not root.is_dir():
                what = (
                    "a file, not a corpus folder (a folder of texts/ and annotations/)"
                    if root.exists()
                    else "corpus folder not found"
                )
                self.problems.add(MalformedFileError(what, file=str(root)))
                continue
            self.load_registries()  # ids of this layer and of earlier ones resolve
            self.load_texts()
            layer_documents, layer_assertions = self.load_annotations()
            documents += layer_documents
            located += layer_assertions
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
        sources = {d.source.id: d.source for d in documents}
        for late in reported_after_publication(
            ((a, file, line) for a, file, line in located if seen.get(a.id) == (file, line)),
            sources,
        ):
            self.problems.add(late)
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
                vocabulary=self.vocabulary,
            )
        except CorpusValidationError as error:
            for problem in error.problems:
                self.problems.add(problem)
            return None
