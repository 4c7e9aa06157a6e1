"""The bundled seed corpus: it loads, every quote anchors exactly, names resolve."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import attrs
import pytest

import negotiations as ng
from negotiations.model import text_checksum

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DOCUMENT_IDS = (
    "000_5396a3221d993c18",
    "001_1e0ef584ee974952",
    "002_8e6f3d70e62d65ea",
    "003_d60056486152d228",
    "004_0463d2aba5b1d448",
)


def anchored_text(corpus: ng.Corpus, anchor: ng.TextAnchor) -> str:
    return corpus.document(anchor.document).text[anchor.start : anchor.end]


def test_the_seed_corpus_has_the_five_articles(seed_corpus: ng.Corpus) -> None:
    assert tuple(d.id for d in seed_corpus.documents) == DOCUMENT_IDS


def test_the_seed_corpus_has_at_least_200_assertions(seed_corpus: ng.Corpus) -> None:
    assert len(seed_corpus.assertions) >= 200


def test_every_document_has_assertions(seed_corpus: ng.Corpus) -> None:
    sources = {a.source for a in seed_corpus.assertions}
    assert sources == set(DOCUMENT_IDS)


def _quotes(corpus: ng.Corpus) -> list[tuple[ng.Assertion, ng.TextAnchor]]:
    found = [(a, a.evidence) for a in corpus.assertions if isinstance(a.evidence, ng.TextAnchor)]
    assert len(found) == len(corpus.assertions), "every seed assertion rests on a quote"
    return found


def test_every_assertion_quote_is_the_text_at_its_offsets(seed_corpus: ng.Corpus) -> None:
    wrong = [
        (a.id, anchor.exact, anchored_text(seed_corpus, anchor))
        for a, anchor in _quotes(seed_corpus)
        if anchored_text(seed_corpus, anchor) != anchor.exact
    ]
    assert wrong == []


def test_every_assertion_is_anchored_in_its_own_article(seed_corpus: ng.Corpus) -> None:
    assert all(str(anchor.document) == str(a.source) for a, anchor in _quotes(seed_corpus))


def test_every_publication_evidence_quote_is_the_text_at_its_offsets(
    seed_corpus: ng.Corpus,
) -> None:
    anchors = [
        anchor
        for document in seed_corpus.documents
        if document.source.published is not None
        for anchor in document.source.published.evidence
    ]
    assert anchors
    assert all(anchored_text(seed_corpus, anchor) == anchor.exact for anchor in anchors)


def test_every_source_evidence_quote_is_the_text_at_its_offsets(seed_corpus: ng.Corpus) -> None:
    anchors = [anchor for d in seed_corpus.documents for anchor in d.source.evidence]
    assert anchors  # 002 names its outlet and title
    assert all(anchored_text(seed_corpus, anchor) == anchor.exact for anchor in anchors)


def test_prefix_and_suffix_are_the_text_around_each_anchor(seed_corpus: ng.Corpus) -> None:
    anchors = [
        a.evidence for a in seed_corpus.assertions if isinstance(a.evidence, ng.TextAnchor)
    ] + [anchor for d in seed_corpus.documents for anchor in d.source.evidence]
    for anchor in anchors:
        text = seed_corpus.document(anchor.document).text
        assert text[anchor.start - len(anchor.prefix) : anchor.start] == anchor.prefix
        assert text[anchor.end : anchor.end + len(anchor.suffix)] == anchor.suffix


@pytest.mark.parametrize("document_id", DOCUMENT_IDS)
def test_every_document_checksum_verifies(seed_corpus: ng.Corpus, document_id: str) -> None:
    document = seed_corpus.document(document_id)
    assert document.checksum == text_checksum(document.text)
    file_bytes = (SEEDS / f"{document_id}.txt").read_bytes()
    assert document.checksum == "sha256:" + hashlib.sha256(file_bytes).hexdigest()


def test_publication_dates_are_inferred_from_quoted_evidence(seed_corpus: ng.Corpus) -> None:
    for document in seed_corpus.documents:
        published = document.source.published
        assert published is not None, document.id
        assert published.basis is ng.DateBasis.INFERRED
        assert published.reasoning
        assert published.value.precision is ng.Precision.DAY
        # at least one quote of the article itself supports its date
        assert any(anchor.document == document.id for anchor in published.evidence)


def test_publication_dates_are_the_days_of_the_istanbul_talks(seed_corpus: ng.Corpus) -> None:
    dates = {
        d.id: str(d.source.published.value) for d in seed_corpus.documents if d.source.published
    }
    assert dates == {
        "000_5396a3221d993c18": "2025-05-15",
        "001_1e0ef584ee974952": "2025-05-15",
        "002_8e6f3d70e62d65ea": "2025-05-15",
        "003_d60056486152d228": "2025-05-15",
        "004_0463d2aba5b1d448": "2025-05-16",
    }


def test_the_bundled_corpus_loads_from_another_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_corpus: ng.Corpus
) -> None:
    monkeypatch.chdir(tmp_path)
    assert ng.load_corpus() == seed_corpus


def test_a_copy_of_the_seeds_loads_to_an_equal_corpus(
    tmp_path: Path, seed_corpus: ng.Corpus
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(SEEDS, copy)
    assert ng.load_corpus(copy) == seed_corpus


def test_a_copy_of_the_seeds_loads_from_a_string_path(
    tmp_path: Path, seed_corpus: ng.Corpus
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(SEEDS, copy)
    assert ng.load_corpus(str(copy)) == seed_corpus


# -- names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spellings", "actor_id"),
    [
        (("Zelensky", "Zelenskyy", "zelenskiy", "ZELENSKY"), "volodymyr_zelenskyy"),
        (("Aleksandr Fomin", "Alexander Fomin"), "alexander_fomin"),
        (("Sergei Lavrov", "Sergey Lavrov"), "sergey_lavrov"),
        (("Erdogan", "Erdoğan"), "recep_tayyip_erdogan"),
        (("Turkey", "Türkiye", "Turkiye"), "turkey"),
    ],
)
def test_spelling_variants_resolve_to_one_actor(
    seed_corpus: ng.Corpus, spellings: tuple[str, ...], actor_id: str
) -> None:
    assert {seed_corpus.actor(name).id for name in spellings} == {actor_id}


def test_kiev_and_kyiv_are_the_same_place(seed_corpus: ng.Corpus) -> None:
    kyiv = seed_corpus.place("Kyiv")
    assert kyiv.id == "kyiv"
    assert seed_corpus.place("Kiev") is kyiv


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("Zelensk", "Volodymyr Zelenskyy"), ("Kostyukv", "Igor Kostyukov")],
)
def test_an_unknown_name_suggests_a_close_match(
    seed_corpus: ng.Corpus, name: str, suggestion: str
) -> None:
    with pytest.raises(ng.UnknownNameError) as info:
        seed_corpus.actor(name)
    assert suggestion in info.value.suggestions
    assert info.value.name == name
    assert isinstance(info.value, ng.NegotiationsError)


def test_the_whole_corpus_round_trips_through_json(seed_corpus: ng.Corpus) -> None:
    text = ng.to_json(seed_corpus)
    assert ng.from_json(text, ng.Corpus) == seed_corpus
    assert ng.to_json(ng.from_json(text, ng.Corpus)) == text


def test_a_corpus_whose_text_changed_under_its_anchors_is_refused(seed_corpus: ng.Corpus) -> None:
    document = seed_corpus.documents[0]
    edited_text = document.text.replace("Istanbul", "Ankara", 1)
    edited = attrs.evolve(document, text=edited_text, checksum=ng.text_checksum(edited_text))
    with pytest.raises(ng.CorpusValidationError) as raised:
        attrs.evolve(seed_corpus, documents=(edited, *seed_corpus.documents[1:]))
    kinds = {type(p) for p in raised.value.problems}
    assert kinds == {ng.ChecksumMismatchError}
    assert all(document.id in str(p) for p in raised.value.problems)
