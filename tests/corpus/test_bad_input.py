"""Bad corpus input: every kind of mistake is reported with its class, file and line.

Most tests write a small corpus from scratch (``write_corpus``) and change one
thing; line numbers are computed from the text written, never hard-coded.
A few tests copy the bundled seeds and mutate one file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import negotiations as ng
from tests.corpus._corpora import (
    ACTORS,
    ANNOTATION,
    ANNOTATION_FILE,
    ANNOTATION_TEXT,
    ARTICLE,
    BASE_ASSERTIONS,
    DOC,
    EVENTS,
    FOLDER,
    OFFICES,
    PLACES,
    copy_seeds,
    edit,
    line_number,
    load_problems,
    problem_at,
    with_assertion,
    write_corpus,
)

# -- the baseline --------------------------------------------------------------


def test_the_minimal_corpus_is_valid(tmp_path: Path) -> None:
    corpus = ng.load_corpus(write_corpus(tmp_path))
    assert [d.id for d in corpus.documents] == [DOC]
    assert len(corpus.assertions) == BASE_ASSERTIONS


# -- anchoring -----------------------------------------------------------------


def test_a_quote_that_is_not_in_the_article_is_reported(tmp_path: Path) -> None:
    text = edit(
        ANNOTATION_TEXT,
        'quote: "Russian President Vladimir Putin"',
        'quote: "Russian President Vladimir Poutine"',
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    line = line_number(text, "Vladimir Poutine")
    problem = problem_at(root, ng.AnchorNotFoundError, ANNOTATION_FILE, line)
    assert problem.found == "Russian President Vladimir Poutine"


AMBIGUOUS_BLOCK = [
    "  - subject: istanbul_talks",
    "    predicate: city",
    "    value: istanbul",
    "    modality: reported",
    '    quote: "talks in Istanbul"',
]


def test_a_quote_that_occurs_twice_is_ambiguous(tmp_path: Path) -> None:
    assert ARTICLE.count("talks in Istanbul") == 2
    text, start = with_assertion(AMBIGUOUS_BLOCK)
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem_at(root, ng.AmbiguousAnchorError, ANNOTATION_FILE, start + 4)


@pytest.mark.parametrize(
    ("key", "context", "expected_start"),
    [
        ("prefix", "attend the ", ARTICLE.index("attend the talks") + len("attend the ")),
        ("suffix", " were held", ARTICLE.index("talks in Istanbul were held")),
    ],
)
def test_a_prefix_or_suffix_makes_a_repeated_quote_unique(
    tmp_path: Path, key: str, context: str, expected_start: int
) -> None:
    text, _ = with_assertion([*AMBIGUOUS_BLOCK, f'    {key}: "{context}"'])
    corpus = ng.load_corpus(write_corpus(tmp_path, {ANNOTATION: text}))
    anchor = corpus.assertions[-1].evidence
    assert isinstance(anchor, ng.TextAnchor)
    assert (anchor.start, anchor.end) == (expected_start, expected_start + len("talks in Istanbul"))
    assert getattr(anchor, key) == context


# -- references ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "  - subject: vladimir_putin\n",
            "  - subject: vladimir_poutine\n",
            "vladimir_poutine",
        ),
        (
            "    value: vladimir_putin\n",
            "    value: sergey_lavrov\n",
            "sergey_lavrov",
        ),
        (
            "    quoted: dmitry_peskov\n",
            "    quoted: dmitri_peskoff\n",
            "dmitri_peskoff",
        ),
    ],
    ids=["subject", "value", "quoted"],
)
def test_an_unknown_actor_is_an_unknown_reference(
    tmp_path: Path, old: str, new: str, found: str
) -> None:
    text = edit(ANNOTATION_TEXT, old, new)
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.UnknownReferenceError, ANNOTATION_FILE, line_number(text, found))
    assert problem.found == found


def test_an_unknown_office_is_an_unknown_reference(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, "value: russia_president", "value: russia_prime_minister")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    line = line_number(text, "russia_prime_minister")
    problem = problem_at(root, ng.UnknownReferenceError, ANNOTATION_FILE, line)
    assert problem.expected is not None
    assert "office" in problem.expected


def test_an_unknown_event_is_an_unknown_reference(tmp_path: Path) -> None:
    text = edit(
        ANNOTATION_TEXT,
        "  - subject: istanbul_talks\n    predicate: status",
        "  - subject: geneva_talks\n    predicate: status",
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    line = line_number(text, "geneva_talks")
    problem = problem_at(root, ng.UnknownReferenceError, ANNOTATION_FILE, line)
    assert problem.expected is not None
    assert "event" in problem.expected


def test_an_unknown_predicate_is_an_unknown_reference(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, "predicate: status", "predicate: staus")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(
        root, ng.UnknownReferenceError, ANNOTATION_FILE, line_number(text, "staus")
    )
    assert problem.found == "staus"


def test_an_unknown_predicate_is_the_only_problem_reported(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, "predicate: status", "predicate: staus")
    problems = load_problems(write_corpus(tmp_path, {ANNOTATION: text}))
    assert [type(p) for p in problems] == [ng.UnknownReferenceError]


# -- value types ---------------------------------------------------------------


def test_an_office_where_an_actor_belongs_is_a_value_type_error(tmp_path: Path) -> None:
    text = edit(
        ANNOTATION_TEXT,
        "predicate: participant\n    value: vladimir_putin",
        "predicate: participant\n    value: russia_president",
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    line = line_number(text, "predicate: participant") + 1
    problem = problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, line)
    assert problem.found == "russia_president"


def test_free_text_where_a_status_belongs_is_a_value_type_error(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, "value: held", "value: went ahead")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, line_number(text, "went ahead"))
    assert problem.found == "went ahead"


# -- duplicates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("registry", "old", "new"),
    [
        (
            "places",
            "  - {id: istanbul, name: Istanbul, kind: city, aliases: []}\n",
            "  - {id: istanbul, name: Istanbul, kind: city, aliases: []}\n"
            "  - {id: russia, name: Russia, kind: country, aliases: []}\n",
        ),
        (
            "events",
            "      - {id: istanbul_talks_russia, party: russia}\n",
            "      - {id: istanbul_talks_russia, party: russia}\n"
            "      - {id: istanbul, party: russia}\n",
        ),
    ],
    ids=["place-vs-actor", "delegation-vs-place"],
)
def test_an_id_used_in_two_registries_is_a_duplicate(
    tmp_path: Path, registry: str, old: str, new: str
) -> None:
    original = {"places": PLACES, "events": EVENTS}[registry]
    text = edit(original, old, new)
    root = write_corpus(tmp_path, {f"registry/{registry}.yaml": text})
    needle = "id: russia, name" if registry == "places" else "id: istanbul, party"
    line = line_number(text, needle)
    problem = problem_at(root, ng.DuplicateIdError, f"{FOLDER}/registry/{registry}.yaml", line)
    assert f"{FOLDER}/registry/" in problem.message  # names where the id was first used


def test_the_same_assertion_twice_is_a_duplicate(tmp_path: Path) -> None:
    # Same subject, predicate, value and quote; a different modality does not make it new.
    text, start = with_assertion(
        [
            "  - subject: vladimir_putin",
            "    predicate: holds_office",
            "    value: russia_president",
            "    title: Russian President",
            "    modality: claimed",
            '    quote: "Russian President Vladimir Putin"',
        ]
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.DuplicateIdError, ANNOTATION_FILE, start)
    first = line_number(ANNOTATION_TEXT, "subject: vladimir_putin")
    assert f"{ANNOTATION_FILE}:{first}" in problem.message


def test_a_key_given_twice_in_one_mapping_is_reported(tmp_path: Path) -> None:
    text, start = with_assertion(
        [
            "  - subject: istanbul_talks",
            "    predicate: city",
            "    value: istanbul",
            "    modality: reported",
            "    modality: expected",
            '    quote: "the talks in Istanbul on Thursday"',
        ]
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.DuplicateIdError, ANNOTATION_FILE, start + 4)
    assert "'modality'" in problem.message


# -- keys ----------------------------------------------------------------------


def test_a_misspelt_key_is_an_unknown_key_naming_it(tmp_path: Path) -> None:
    text = edit(
        ANNOTATION_TEXT,
        "    value: held\n    modality: reported",
        "    value: held\n    modalty: reported",
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.UnknownKeyError, ANNOTATION_FILE, line_number(text, "modalty"))
    assert "'modalty'" in problem.message
    assert problem.found == "modalty"


def test_a_missing_required_key_is_reported_at_its_mapping(tmp_path: Path) -> None:
    text, start = with_assertion(
        [
            "  - subject: istanbul_talks",
            "    predicate: city",
            "    value: istanbul",
            '    quote: "the talks in Istanbul on Thursday"',
        ]
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.MissingKeyError, ANNOTATION_FILE, start)
    assert "'modality'" in problem.message


# -- file structure ------------------------------------------------------------


def test_invalid_yaml_is_a_malformed_file_with_its_line(tmp_path: Path) -> None:
    text, start = with_assertion(
        [
            "  - subject: istanbul_talks",
            "    predicate: city",
            "    value: istanbul",
            "    modality: reported",
            "    note: first: second",
            '    quote: "the talks in Istanbul on Thursday"',
        ]
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem_at(root, ng.MalformedFileError, ANNOTATION_FILE, start + 4)


def test_a_top_level_that_is_not_a_mapping_is_a_malformed_file(tmp_path: Path) -> None:
    text = f"- document: {DOC}\n- assertions: []\n"
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.MalformedFileError, ANNOTATION_FILE, 1)
    assert problem.expected == "a mapping"


def test_an_article_without_an_annotation_file_is_reported(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"001_orphan.txt": "An article nobody annotated.\n"})
    problem = problem_at(root, ng.MalformedFileError, f"{FOLDER}/annotations/001_orphan.yaml", None)
    assert "001_orphan.txt" in problem.message


def test_an_annotation_file_without_an_article_is_reported(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {f"{DOC}.txt": None})
    problem = problem_at(
        root,
        ng.UnknownReferenceError,
        ANNOTATION_FILE,
        line_number(ANNOTATION_TEXT, "document:"),
    )
    assert problem.found == DOC


def test_an_annotation_file_without_an_article_is_the_only_problem_reported(
    tmp_path: Path,
) -> None:
    problems = load_problems(write_corpus(tmp_path, {f"{DOC}.txt": None}))
    assert [type(p) for p in problems] == [ng.UnknownReferenceError]


# -- dates ---------------------------------------------------------------------


def test_a_date_expression_must_be_words_of_the_quote(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, "value: Thursday", "value: Friday")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, line_number(text, "Friday"))
    assert problem.found == "Friday"


def test_an_unresolvable_date_expression_is_a_date_expression_error(tmp_path: Path) -> None:
    # "Istanbul" is in the quote, so only resolution can fail.
    text = edit(ANNOTATION_TEXT, "value: Thursday", "value: Istanbul")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem_at(root, ng.DateExpressionError, ANNOTATION_FILE, line_number(text, "value: Istanbul"))


# -- predicate-specific rules --------------------------------------------------


def test_a_title_on_a_predicate_other_than_holds_office_is_rejected(tmp_path: Path) -> None:
    text = edit(
        ANNOTATION_TEXT,
        "    value: held\n",
        "    value: held\n    title: Russian President\n",
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    line = line_number(text, "value: held") + 1
    problem = problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, line)
    assert "holds_office" in problem.message


def test_a_denial_with_positive_polarity_is_rejected(tmp_path: Path) -> None:
    text, start = with_assertion(
        [
            "  - subject: istanbul_talks",
            "    predicate: participant",
            "    value: dmitry_peskov",
            "    modality: denied",
            "    polarity: positive",
            '    quote: "Kremlin spokesman Dmitry Peskov"',
        ]
    )
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem = problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, start + 4)
    assert problem.expected == "negative"


def test_a_registry_id_that_is_not_snake_case_is_rejected(tmp_path: Path) -> None:
    text = PLACES + "  - {id: kyiv-city, name: Kyiv, kind: city, aliases: []}\n"
    root = write_corpus(tmp_path, {"registry/places.yaml": text})
    problem_at(
        root, ng.ValueTypeError, f"{FOLDER}/registry/places.yaml", line_number(text, "kyiv-city")
    )


# -- many problems at once -------------------------------------------------------

SEED_000 = "annotations/000_5396a3221d993c18.yaml"
SEED_001 = "annotations/001_1e0ef584ee974952.yaml"


def broken_seed_copy(tmp_path: Path) -> tuple[Path, set[tuple[type[ng.CorpusError], str, int]]]:
    """A seed copy with three mistakes in three files, and where each must be reported."""
    root = copy_seeds(tmp_path)
    changes = [
        (
            SEED_000,
            'quote: "Russian President Vladimir Putin"',
            'quote: "Russian President Vladimir Poutine"',
            "Vladimir Poutine",
            ng.AnchorNotFoundError,
        ),
        (
            SEED_001,
            "subject: volodymyr_zelenskyy",
            "subject: volodymyr_zelensky_x",
            "volodymyr_zelensky_x",
            ng.UnknownReferenceError,
        ),
        (
            "registry/places.yaml",
            "{id: bucha, name: Bucha, kind: city,",
            "{id: bucha, name: Bucha, kind: town,",
            "kind: town",
            ng.ValueTypeError,
        ),
    ]
    expected = set()
    for relative, old, new, needle, cls in changes:
        path = root / relative
        original = path.read_text(encoding="utf-8")
        assert old in original
        text = original.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
        numbers = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
        expected.add((cls, f"{FOLDER}/{relative}", numbers[0]))
    return root, expected


def test_every_problem_of_a_corpus_is_reported_not_only_the_first(tmp_path: Path) -> None:
    root, expected = broken_seed_copy(tmp_path)
    problems = load_problems(root)
    assert len(problems) >= 3
    for cls, file, line in expected:
        assert any(isinstance(p, cls) and (p.file, p.line) == (file, line) for p in problems), (
            cls,
            file,
            line,
        )
    assert len({p.file for p in problems}) >= 3


def test_validate_corpus_returns_the_same_problems_as_a_tuple(tmp_path: Path) -> None:
    root, _ = broken_seed_copy(tmp_path)
    raised = load_problems(root)
    validated = ng.validate_corpus(root)
    assert isinstance(validated, tuple)
    assert [(type(p), str(p)) for p in validated] == [(type(p), str(p)) for p in raised]


def test_validate_corpus_returns_no_problems_for_a_valid_corpus(tmp_path: Path) -> None:
    assert ng.validate_corpus(write_corpus(tmp_path)) == ()


def test_each_problem_reads_as_file_colon_line(tmp_path: Path) -> None:
    root, expected = broken_seed_copy(tmp_path)
    with pytest.raises(ng.CorpusValidationError) as info:
        ng.load_corpus(root)
    for _, file, line in expected:
        assert any(str(p).startswith(f"{file}:{line}: ") for p in info.value.problems)
        assert f"{file}:{line}: " in str(info.value)


# -- YAML implicit typing ------------------------------------------------------


def test_yes_no_and_dates_stay_strings_in_registries(tmp_path: Path) -> None:
    actors = ACTORS + (
        "  - {id: norway, type: state, name: Norway, aliases: [no, yes, on, off, 2025-05-15]}\n"
    )
    corpus = ng.load_corpus(write_corpus(tmp_path, {"registry/actors.yaml": actors}))
    norway = corpus.actor("norway")
    assert norway.aliases == frozenset({"no", "yes", "on", "off", "2025-05-15"})
    assert corpus.actor("no") is norway


def test_an_unquoted_publication_date_is_read_as_written(tmp_path: Path) -> None:
    text = edit(ANNOTATION_TEXT, 'date: "2025-05-15"', "date: 2025-05-15")
    corpus = ng.load_corpus(write_corpus(tmp_path, {ANNOTATION: text}))
    published = corpus.documents[0].source.published
    assert published is not None
    assert published.value == ng.PartialDate(year=2025, month=5, day=15)


def test_yes_is_not_a_boolean(tmp_path: Path) -> None:
    text = edit(OFFICES, "kremlin, single_holder: true}", "kremlin, single_holder: yes}")
    root = write_corpus(tmp_path, {"registry/offices.yaml": text})
    problem = problem_at(
        root,
        ng.ValueTypeError,
        f"{FOLDER}/registry/offices.yaml",
        line_number(text, "single_holder: yes"),
    )
    assert problem.found == "yes"
