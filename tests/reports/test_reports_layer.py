"""The bundled 'reports' layer: 17 real reports annotated on top of the seed corpus.

These tests guard the curation, not the reconciliation: the texts stay byte for byte
what was received, the layer loads on top of the seeds, every report is annotated in
depth, and every source says who published it, where, and how its date is known.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

import negotiations as ng

#: sha256 of each report as received (shared/reports/), so an edit fails in CI too.
RECEIVED_SHA256 = {
    "r02": "7ed8417dea8d53cdfb08538740696dbeea29a33252c3663508fd53e275f77400",
    "r03": "a328b1301318bffac4919b6f86b4bb5eac6adaf16b37bb1435524e6bfa4641fd",
    "r06": "f78d6e95bc11624ae2219f2de7590746c3446bbc46d97bfbb9b9867c61e9180e",
    "r08": "c24ff018d85bfc7a4e734b9945d5ed83e388f3bfad749a8a5c24048a93d5ae98",
    "r11": "568fc47dee3c43e10b323799752b0780cfaf42c301d069cd3a9a8548bf692d3c",
    "r12": "2e10e84655241c5ffec18d63d74f23ceac894cd3554ab527ea8034251ac097fe",
    "r13": "97db3f81364a03a61fc53801605f91e7a9a742daefdb4462428dbf1e838e3ec8",
    "r14": "74cc7677112b52316fcc595239692a9422ccec65a42f9b2ffa0afa5549df8dd6",
    "r19": "9dd2a0c486c979529f67c8a700c75fa558f2886609a18971a6f17837b4188eca",
    "r20": "0b381efd2491b791c40e26c086ac14a07bcfdcebdad4f392fc741f5d89d12e07",
    "r21": "1971f9f5b8f99e9f41c5df3efca60c5f864ccb6aef19ecc144e427ba538a61d4",
    "r22": "229588c4dbe2d493a93031f6e19558c826989a5b1913295e6474571a3765cc65",
    "r24": "b2569c127a8b5c3d7b31919fdc2686c64a1054481358d9ee385a4af731baf181",
    "r33": "f28173d53015cecf34f5a26c5d3d1ad7debe4e8c6d48ccdffb72ccb05fc2afce",
    "r46": "fb45f3a6db33019caf402250237ca64780366c6815f2c7a645ae55d17eb0413b",
    "r49": "fb21ddccc22ebf6dd70c31da95cbbff24563cf7e376c66cc73519621ef993f95",
    "r52": "9583f567c9138a9b0bb489cd032daac808ed118b23fbcd2597db8be828f20ac1",
}

#: A report annotated "as the seeds are" carries far more than a handful of facts.
MIN_ASSERTIONS_PER_REPORT = 20


@pytest.fixture(scope="module")
def reports_path() -> Path:
    return ng.bundled_corpus_path("reports")


@pytest.fixture(scope="module")
def layered(reports_path: Path) -> ng.Corpus:
    return ng.load_corpus(ng.bundled_corpus_path("seeds"), reports_path)


@pytest.fixture(scope="module")
def report_ids(reports_path: Path) -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in reports_path.glob("*.txt")))


def test_every_report_text_is_byte_identical_to_the_one_received(
    reports_path: Path, report_ids: tuple[str, ...]
) -> None:
    assert report_ids, "the reports layer has no texts"
    for stem in report_ids:
        digest = hashlib.sha256((reports_path / f"{stem}.txt").read_bytes()).hexdigest()
        assert RECEIVED_SHA256.get(stem) == digest, f"{stem}.txt differs from the report received"


def test_every_report_text_has_an_annotation_file(
    reports_path: Path, report_ids: tuple[str, ...]
) -> None:
    annotated = {path.stem for path in (reports_path / "annotations").glob("*.yaml")}
    assert annotated == set(report_ids)


def test_the_layer_loads_on_top_of_the_seeds_and_adds_only_its_reports(
    layered: ng.Corpus, seed_corpus: ng.Corpus, report_ids: tuple[str, ...]
) -> None:
    seed_docs = {document.id for document in seed_corpus.documents}
    layer_docs = {document.id for document in layered.documents} - seed_docs
    assert layer_docs == set(report_ids)
    assert {a.id for a in seed_corpus.assertions} <= {a.id for a in layered.assertions}


def test_each_report_carries_at_least_the_minimum_of_assertions(
    layered: ng.Corpus, report_ids: tuple[str, ...]
) -> None:
    counts = Counter(str(assertion.source) for assertion in layered.assertions)
    thin = {stem: counts[stem] for stem in report_ids if counts[stem] < MIN_ASSERTIONS_PER_REPORT}
    assert not thin, f"reports with fewer than {MIN_ASSERTIONS_PER_REPORT} assertions: {thin}"


def test_each_source_names_its_outlet_and_url_and_the_url_is_in_its_header(
    layered: ng.Corpus, report_ids: tuple[str, ...]
) -> None:
    for stem in report_ids:
        document = layered.document(stem)
        source = document.source
        assert source.outlet is not None, f"{stem}: no outlet"
        assert source.url, f"{stem}: no url"
        header = document.text.split("\n", 1)[0]
        assert source.url in header, f"{stem}: url {source.url} is not the header's"


def test_each_publication_date_rests_on_quotes_that_fit_its_basis(
    layered: ng.Corpus, report_ids: tuple[str, ...]
) -> None:
    """'stated' quotes the header's DATE; 'url' quotes the address; 'inferred' reasons."""
    for stem in report_ids:
        document = layered.document(stem)
        published = document.source.published
        assert published is not None, f"{stem}: no publication date"
        quotes = [anchor.exact for anchor in published.evidence]
        assert quotes, f"{stem}: publication date without evidence"
        basis = published.basis.value
        if basis == "stated":
            assert any(q.startswith("DATE: ") for q in quotes), f"{stem}: stated, no DATE quote"
        elif basis == "url":
            assert document.source.url is not None
            assert any(q in document.source.url for q in quotes), f"{stem}: url basis, no URL quote"
        else:
            assert basis == "inferred", f"{stem}: unknown basis {basis}"
            assert published.reasoning, f"{stem}: inferred without reasons"


def test_the_reports_distinguish_the_meetings_of_15_and_16_may(
    layered: ng.Corpus, report_ids: tuple[str, ...]
) -> None:
    """Fidan's meeting with the Russians, the Türkiye–US–Ukraine meeting and the talks
    are three events, each described by several reports of the layer."""
    events = (
        "fidan_russian_delegation_meeting",
        "us_turkey_ukraine_meeting_istanbul",
        "istanbul_talks_2025",
    )
    for event in events:
        sources = {
            str(a.source)
            for a in layered.assertions
            if str(a.subject) == event and str(a.source) in report_ids
        }
        assert len(sources) >= 2, f"{event}: described by {sorted(sources)}"
    assert layered.event("prisoner_exchange_1000_for_1000").kind.value == "exchange"
