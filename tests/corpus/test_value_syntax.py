"""The annotation format's values beyond ids and text: quantities, times of day, bounds,
record evidence, publication dates from a dateline or URL, source links, and predicates
declared by a layer."""

from __future__ import annotations

from pathlib import Path

import pytest

import negotiations as ng
from negotiations.errors import ValueExpressionError
from negotiations.serialize import from_json, to_json
from tests.corpus._corpora import (
    ANNOTATION,
    ANNOTATION_FILE,
    ANNOTATION_TEXT,
    ARTICLE,
    BASE_ASSERTIONS,
    DOC,
    FOLDER,
    edit,
    line_number,
    problem_at,
    with_assertion,
    write_corpus,
)

EXTRA = (
    "ISTANBUL, May 15 (Reuters) - The session began around 1:35 p.m. and ended at 15:20 "
    "local time, lasting less than two hours. A 12-member team swapped 1,000 prisoners each. "
    "Переговоры прошли 15 мая.\n"
)
TEXT = ARTICLE + EXTRA


def assertion_block(predicate: str, value: str, quote: str, *extra: str) -> list[str]:
    return [
        "  - subject: istanbul_talks",
        f"    predicate: {predicate}",
        f"    value: {value}",
        "    modality: reported",
        f'    quote: "{quote}"',
        *extra,
    ]


def load_with(tmp_path: Path, block: list[str], files: dict[str, str] | None = None) -> ng.Corpus:
    text, _ = with_assertion(block)
    corpus = ng.load_corpus(
        write_corpus(tmp_path, {f"{DOC}.txt": TEXT, ANNOTATION: text, **(files or {})})
    )
    assert len(corpus.assertions) == BASE_ASSERTIONS + 1
    return corpus


def problem_with(
    tmp_path: Path, block: list[str], cls: type[ng.CorpusError], offset: int
) -> ng.CorpusError:
    """The one problem of ``cls`` at line ``offset`` of the added block."""
    text, start = with_assertion(block)
    root = write_corpus(tmp_path, {f"{DOC}.txt": TEXT, ANNOTATION: text})
    return problem_at(root, cls, ANNOTATION_FILE, start + offset)


# -- quantities --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quote", "amount", "unit", "bound"),
    [
        ('"1,000 prisoners"', "swapped 1,000 prisoners each", 1000, "prisoners", ng.Bound.EXACT),
        ('"A 12-member"', "A 12-member team", 12, "member", ng.Bound.EXACT),
        (
            '{text: "1,000 prisoners", amount: 1000, unit: prisoner, bound: at_least}',
            "swapped 1,000 prisoners",
            1000,
            "prisoner",
            ng.Bound.AT_LEAST,
        ),
    ],
)
def test_a_size_is_a_quantity_read_from_the_words(
    tmp_path: Path, value: str, quote: str, amount: int, unit: str, bound: ng.Bound
) -> None:
    corpus = load_with(tmp_path, assertion_block("size", value, quote))
    added = corpus.assertions[-1].value
    assert isinstance(added, ng.QuantityValue)
    assert (added.quantity.amount, added.quantity.unit, added.quantity.bound) == (
        amount,
        unit,
        bound,
    )
    assert added.text in quote  # the words are kept as written


def test_a_quantity_must_be_words_of_the_quote(tmp_path: Path) -> None:
    block = assertion_block("size", '"2,000 prisoners"', "swapped 1,000 prisoners each")
    problem = problem_with(tmp_path, block, ng.ValueTypeError, 2)
    assert problem.found == "2,000 prisoners"


def test_a_quantity_without_a_number_is_a_value_expression_error(tmp_path: Path) -> None:
    block = assertion_block("size", "prisoners", "swapped 1,000 prisoners each")
    problem = problem_with(tmp_path, block, ValueExpressionError, 2)
    assert "amount" in problem.message  # it says how to give the number instead


# -- times of day -------------------------------------------------------------------


def test_a_start_time_keeps_its_hedge_zone_and_date(tmp_path: Path) -> None:
    value = '{text: "around 1:35 p.m.", timezone: "+03:00", date: "2025-05-15"}'
    corpus = load_with(tmp_path, assertion_block("start_time", value, "began around 1:35 p.m."))
    added = corpus.assertions[-1].value
    assert added == ng.ClockValue(
        text="around 1:35 p.m.",
        time=ng.ClockTime(hour=13, minute=35, utc_offset=180, bound=ng.Bound.APPROXIMATELY),
        date=ng.PartialDate(year=2025, month=5, day=15),
    )


def test_an_end_time_as_plain_text(tmp_path: Path) -> None:
    corpus = load_with(tmp_path, assertion_block("end_time", '"15:20"', "ended at 15:20"))
    added = corpus.assertions[-1].value
    assert isinstance(added, ng.ClockValue)
    assert (added.time.hour, added.time.minute, added.time.utc_offset) == (15, 20, None)


def test_a_timezone_that_contradicts_the_text_is_refused(tmp_path: Path) -> None:
    article = TEXT + "It resumed at 9:00 GMT.\n"
    text, start = with_assertion(
        assertion_block("start_time", '{text: "9:00 GMT", timezone: "+03:00"}', "at 9:00 GMT")
    )
    root = write_corpus(tmp_path, {f"{DOC}.txt": article, ANNOTATION: text})
    problem_at(root, ng.ValueTypeError, ANNOTATION_FILE, start + 2)


def test_an_impossible_time_is_a_value_expression_error(tmp_path: Path) -> None:
    article = TEXT + "It resumed at 25:70.\n"
    text, start = with_assertion(assertion_block("start_time", '"25:70"', "at 25:70"))
    root = write_corpus(tmp_path, {f"{DOC}.txt": article, ANNOTATION: text})
    problem_at(root, ValueExpressionError, ANNOTATION_FILE, start + 2)


# -- bounds on durations ------------------------------------------------------------------


def test_less_than_two_hours_is_an_upper_bound(tmp_path: Path) -> None:
    block = assertion_block(
        "time_since_previous", '"less than two hours"', "lasting less than two hours"
    )
    corpus = load_with(tmp_path, block)
    added = corpus.assertions[-1].value
    assert isinstance(added, ng.DurationValue)
    assert (added.duration.hours, added.duration.bound) == (2, ng.Bound.UNDER)


# -- dates in Russian, day ranges -----------------------------------------------------------


def test_a_russian_date_in_a_quote_resolves_against_the_publication_date(tmp_path: Path) -> None:
    text, _ = with_assertion(assertion_block("date", '"15 мая"', "Переговоры прошли 15 мая"))
    text = edit(text, "  - subject: istanbul_talks\n    predicate: date\n    value: Thursday\n", "")
    text = text.replace(
        '    modality: expected\n    quote: "the talks in Istanbul on Thursday"\n', "", 1
    )
    corpus = ng.load_corpus(write_corpus(tmp_path, {f"{DOC}.txt": TEXT, ANNOTATION: text}))
    added = corpus.assertions[-1].value
    assert isinstance(added, ng.DateValue)
    assert added.expression.value == ng.PartialDate(year=2025, month=5, day=15)
    assert added.expression.text == "15 мая"


# -- record evidence ----------------------------------------------------------------------------


def test_a_record_stands_in_for_a_quote(tmp_path: Path) -> None:
    block = [
        "  - subject: istanbul_talks",
        "    predicate: start_time",
        '    value: "13:35"',
        "    modality: reported",
        "    record: {dataset: flight-log, id: 42, field: departure}",
    ]
    corpus = load_with(tmp_path, block)
    assert corpus.assertions[-1].evidence == ng.RecordRef(
        dataset="flight-log", record="42", field="departure"
    )
    again = from_json(to_json(corpus), ng.Corpus)
    assert again == corpus


def test_a_quote_beside_a_record_is_refused(tmp_path: Path) -> None:
    block = [
        *assertion_block("status", "held", "ended at 15:20"),
        "    record: {dataset: d, id: 1}",
    ]
    problem_with(tmp_path, block, ng.ValueTypeError, 4)


def test_a_record_without_a_dataset_is_refused(tmp_path: Path) -> None:
    block = [
        "  - subject: istanbul_talks",
        "    predicate: status",
        "    value: held",
        "    modality: reported",
        "    record: {id: 1}",
    ]
    problem_with(tmp_path, block, ng.MissingKeyError, 4)


# -- publication dates and sources ------------------------------------------------------------------


def dated(basis: str, evidence: str) -> str:
    return edit(
        ANNOTATION_TEXT,
        '  date: "2025-05-15"\n  basis: stated\n  evidence: []\n',
        f'  date: "2025-05-15"\n  basis: {basis}\n  evidence: {evidence}\n',
    )


def test_a_publication_date_from_the_dateline_quotes_it(tmp_path: Path) -> None:
    text = dated("dateline", '[{quote: "ISTANBUL, May 15 (Reuters)"}]')
    corpus = ng.load_corpus(write_corpus(tmp_path, {f"{DOC}.txt": TEXT, ANNOTATION: text}))
    published = corpus.document(DOC).source.published
    assert published is not None
    assert published.basis is ng.DateBasis.DATELINE
    assert [e.exact for e in published.evidence] == ["ISTANBUL, May 15 (Reuters)"]


@pytest.mark.parametrize("basis", ["dateline", "url"])
def test_a_publication_date_from_the_dateline_or_url_needs_a_quote(
    tmp_path: Path, basis: str
) -> None:
    text = dated(basis, "[]")
    root = write_corpus(tmp_path, {f"{DOC}.txt": TEXT, ANNOTATION: text})
    problem_at(root, ng.MissingKeyError, ANNOTATION_FILE, line_number(text, f"basis: {basis}"))


def test_a_source_records_what_it_derives_from_and_cites(tmp_path: Path) -> None:
    second = "001_copy"
    text = edit(
        ANNOTATION_TEXT,
        "  evidence: []\npublished",
        "  evidence: []\n  cites: [kremlin]\npublished",
    )
    copy = edit(ANNOTATION_TEXT, f"document: {DOC}", f"document: {second}")
    copy = edit(
        copy, "  evidence: []\npublished", f"  evidence: []\n  derived_from: [{DOC}]\npublished"
    )
    root = write_corpus(
        tmp_path,
        {ANNOTATION: text, f"{second}.txt": ARTICLE, f"annotations/{second}.yaml": copy},
    )
    corpus = ng.load_corpus(root)
    assert corpus.document(DOC).source.cites == ("kremlin",)
    assert corpus.document(second).source.derived_from == (DOC,)


@pytest.mark.parametrize(
    ("line", "cls"),
    [
        ("  derived_from: [no_such_article]", ng.UnknownReferenceError),
        (f"  derived_from: [{DOC}]", ng.UnknownReferenceError),  # itself
        ("  cites: [istanbul]", ng.ValueTypeError),  # a place, not an actor
        ("  cites: [nobody]", ng.UnknownReferenceError),
    ],
)
def test_bad_source_links_are_reported(
    tmp_path: Path, line: str, cls: type[ng.CorpusError]
) -> None:
    text = edit(ANNOTATION_TEXT, "  evidence: []\npublished", f"  evidence: []\n{line}\npublished")
    root = write_corpus(tmp_path, {ANNOTATION: text})
    problem_at(root, cls, ANNOTATION_FILE, line_number(text, line.strip()))


# -- the vocabulary ----------------------------------------------------------------------------------


def test_an_unknown_predicate_names_the_closest_ones(tmp_path: Path) -> None:
    block = assertion_block("stat", "held", "ended at 15:20")
    problem = problem_with(tmp_path, block, ng.UnknownReferenceError, 1)
    assert "'status'" in problem.message


PREDICATES = """\
predicates:
  - name: prisoners_exchanged
    value: quantity
    cardinality: one
    subjects: [event]
    description: how many prisoners each side released
"""


def test_a_layer_declares_its_own_predicates(tmp_path: Path) -> None:
    block = assertion_block("prisoners_exchanged", '"1,000 prisoners"', "swapped 1,000 prisoners")
    corpus = load_with(tmp_path, block, {"registry/predicates.yaml": PREDICATES})
    assert "prisoners_exchanged" in corpus.vocabulary
    assert corpus.vocabulary.spec("prisoners_exchanged").value_type is ng.QuantityValue
    assert corpus.assertions[-1].predicate == "prisoners_exchanged"
    assert from_json(to_json(corpus), ng.Corpus) == corpus


@pytest.mark.parametrize(
    ("old", "new", "cls"),
    [
        ("value: quantity", "value: volume", ng.ValueTypeError),
        ("name: prisoners_exchanged", "name: date", ng.DuplicateIdError),  # a built-in, otherwise
        ("subjects: [event]", "subjects: [flight]", ng.ValueTypeError),
        ("cardinality: one", "cardinality: some", ng.ValueTypeError),
    ],
)
def test_a_bad_predicate_declaration_is_reported(
    tmp_path: Path, old: str, new: str, cls: type[ng.CorpusError]
) -> None:
    text = edit(PREDICATES, old, new)
    root = write_corpus(tmp_path, {"registry/predicates.yaml": text})
    problem_at(root, cls, f"{FOLDER}/registry/predicates.yaml", line_number(text, new))


def test_a_corpus_with_declared_predicates_reconciles_with_its_vocabulary(tmp_path: Path) -> None:
    block = assertion_block("prisoners_exchanged", '"1,000 prisoners"', "swapped 1,000 prisoners")
    corpus = load_with(tmp_path, block, {"registry/predicates.yaml": PREDICATES})
    verdicts = ng.reconcile(corpus).about("istanbul_talks", "prisoners_exchanged")
    assert [v.value for v in verdicts] == [corpus.assertions[-1].value]
