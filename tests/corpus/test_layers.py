"""Layered corpora: a later folder adds registry entries, documents and assertions.

The second layer here quotes its own article, refers to the first layer's actors
and events, and rests its publication date on a quote from the first layer's article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import negotiations as ng
from negotiations.corpus import _loader
from negotiations.errors import InconsistentRegistryError
from tests.corpus._corpora import (
    BASE_ASSERTIONS,
    DOC,
    line_number,
    load_problems,
    write_corpus,
)

LAYER = "layer2"
DOC2 = "100_followup"
ARTICLE2 = "Kremlin aide Yuri Ushakov met Putin after the talks in Istanbul ended.\n"
ACTORS2 = """\
actors:
  - {id: yuri_ushakov, type: person, name: Yuri Ushakov, aliases: [Ushakov]}
"""
ANNOTATION2 = f"""\
document: {DOC2}
source: {{kind: unknown}}
published:
  date: "2025-05-16"
  basis: inferred
  reasoning: The talks it reports on were held on the Thursday of the first article.
  evidence:
    - quote: "the talks in Istanbul on Thursday"
      document: {DOC}
assertions:
  - subject: istanbul_talks
    predicate: participant
    value: yuri_ushakov
    modality: reported
    quote: "Yuri Ushakov met Putin"
  - subject: istanbul_talks
    predicate: status
    value: held
    modality: reported
    quote: "talks in Istanbul ended"
"""


def write_layer(tmp_path: Path, files: dict[str, str | None] | None = None) -> Path:
    contents: dict[str, str | None] = {
        f"{DOC2}.txt": ARTICLE2,
        "registry/actors.yaml": ACTORS2,
        f"annotations/{DOC2}.yaml": ANNOTATION2,
    }
    contents.update(files or {})
    root = tmp_path / LAYER
    for relative, text in contents.items():
        if text is not None:
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def test_a_second_layer_adds_documents_registry_entries_and_assertions(tmp_path: Path) -> None:
    first, second = write_corpus(tmp_path), write_layer(tmp_path)
    corpus = ng.load_corpus(first, second)
    assert [d.id for d in corpus.documents] == [DOC, DOC2]
    assert len(corpus.assertions) == BASE_ASSERTIONS + 2
    assert corpus.actor("Ushakov").id == "yuri_ushakov"
    assert corpus.actor("Putin").id == "vladimir_putin"  # the first layer's registry is kept
    published = corpus.document(DOC2).source.published
    assert published is not None
    assert [e.document for e in published.evidence] == [DOC]
    assert ng.validate_corpus(first, second) == ()


def test_the_first_layer_alone_is_unchanged_by_the_second(tmp_path: Path) -> None:
    first, _ = write_corpus(tmp_path), write_layer(tmp_path)
    assert len(ng.load_corpus(first).assertions) == BASE_ASSERTIONS


def test_a_later_layer_alone_cannot_see_the_earlier_layers_ids(tmp_path: Path) -> None:
    second = write_layer(tmp_path, {"registry/places.yaml": "places: []\n"})
    problems = load_problems(second)
    unknown = {p.found for p in problems if isinstance(p, ng.UnknownReferenceError)}
    assert "istanbul_talks" in unknown


def test_an_id_defined_in_two_layers_names_both_files(tmp_path: Path) -> None:
    actors = ACTORS2 + "  - {id: vladimir_putin, type: person, name: Vladimir Putin}\n"
    first, second = write_corpus(tmp_path), write_layer(tmp_path, {"registry/actors.yaml": actors})
    problems = ng.validate_corpus(first, second)
    duplicates = [p for p in problems if isinstance(p, ng.DuplicateIdError)]
    assert len(duplicates) == 1
    assert duplicates[0].file == f"{LAYER}/registry/actors.yaml"
    assert duplicates[0].line == line_number(actors, "vladimir_putin")
    assert "corpus/registry/actors.yaml" in duplicates[0].message


def test_an_article_in_two_layers_is_a_duplicate(tmp_path: Path) -> None:
    first = write_corpus(tmp_path)
    second = write_layer(tmp_path, {f"{DOC}.txt": "Another text.\n"})
    problems = ng.validate_corpus(first, second)
    duplicates = [p for p in problems if isinstance(p, ng.DuplicateIdError)]
    assert [p.file for p in duplicates] == [f"{LAYER}/{DOC}.txt"]
    assert "corpus/" in duplicates[0].message


def test_a_later_layer_cannot_annotate_an_earlier_article_again(tmp_path: Path) -> None:
    first = write_corpus(tmp_path)
    text = ANNOTATION2.replace(f"document: {DOC2}", f"document: {DOC}", 1)
    second = write_layer(tmp_path, {f"annotations/{DOC}.yaml": text})
    problems = ng.validate_corpus(first, second)
    assert any(
        isinstance(p, ng.DuplicateIdError) and p.file == f"{LAYER}/annotations/{DOC}.yaml"
        for p in problems
    ), problems


def test_problems_of_every_layer_are_collected(tmp_path: Path) -> None:
    first = write_corpus(tmp_path, {"registry/places.yaml": "places: 3\n"})
    second = write_layer(tmp_path, {f"annotations/{DOC2}.yaml": ANNOTATION2 + "extra: 1\n"})
    files = {p.file for p in ng.validate_corpus(first, second)}
    assert "corpus/registry/places.yaml" in files
    assert f"{LAYER}/annotations/{DOC2}.yaml" in files


def test_no_layer_and_none_mean_the_bundled_seeds() -> None:
    seeds = ng.bundled_corpus_path()
    assert ng.load_corpus() == ng.load_corpus(None) == ng.load_corpus(seeds)


def test_an_unknown_bundled_corpus_name_is_refused() -> None:
    with pytest.raises(ng.MalformedFileError, match="no bundled corpus named 'nope'"):
        ng.bundled_corpus_path("nope")


def test_a_bundled_corpus_missing_from_the_installation_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(_loader.BUNDLED_CORPORA, "reports", ("_absent", "absent_folder"))
    with pytest.raises(ng.MalformedFileError, match="'reports' corpus is missing"):
        ng.bundled_corpus_path("reports")


def test_the_command_line_validates_and_reconciles_layers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from negotiations.cli import main

    first, second = write_corpus(tmp_path), write_layer(tmp_path)
    assert main(["validate", str(first), "--layer", str(second)]) == 0
    assert capsys.readouterr().out == "corpus is valid\n"
    broken = write_layer(tmp_path / "broken", {f"annotations/{DOC2}.yaml": ANNOTATION2 + "x: 1\n"})
    assert main(["validate", str(first), "--layer", str(broken)]) == 1
    assert f"{LAYER}/annotations/{DOC2}.yaml" in capsys.readouterr().out
    assert main(["reconcile", str(first), "--layer", str(second), "--format", "json"]) == 0
    assert "yuri_ushakov" in capsys.readouterr().out


def test_the_command_line_says_when_the_bundled_reports_are_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from negotiations.cli import main

    monkeypatch.setitem(_loader.BUNDLED_CORPORA, "reports", ("_absent", "absent_folder"))
    assert main(["validate", "--with-reports"]) == 2
    assert "'reports' corpus is missing" in capsys.readouterr().err


def test_a_later_layer_may_not_reuse_an_earlier_layers_spelling(tmp_path: Path) -> None:
    actors = ACTORS2 + "  - {id: putin_impostor, type: person, name: V. Putin, aliases: [Putin]}\n"
    first, second = write_corpus(tmp_path), write_layer(tmp_path, {"registry/actors.yaml": actors})
    problems = ng.validate_corpus(first, second)
    clashes = [p for p in problems if isinstance(p, InconsistentRegistryError)]
    assert [(p.file, p.line) for p in clashes] == [
        (f"{LAYER}/registry/actors.yaml", line_number(actors, "putin_impostor"))
    ]
    assert "vladimir_putin (corpus/registry/actors.yaml:2)" in clashes[0].message
