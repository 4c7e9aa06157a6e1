"""Claims from tables: every input kind, the column mapping, bad rows, missing values."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import negotiations as ng
from negotiations.claims import (
    ClaimsError,
    ClaimsValidationError,
    ColumnMappingError,
    Columns,
    Constant,
    MissingExtraError,
    from_arrow,
    from_dataframe,
    from_rows,
    read_csv,
    read_tsv,
)
from negotiations.model import (
    Cardinality,
    ClockValue,
    Modality,
    PartialDate,
    PlaceValue,
    PredicateSpec,
    QuantityValue,
    RecordRef,
    SubjectKind,
    TextValue,
    Vocabulary,
)

DATA = Path(__file__).parent / "data"
LONG = Columns(source="source", subject="subject", predicate="predicate", value="value")


def departure_vocabulary() -> Vocabulary:
    return Vocabulary.builtin().declare(
        PredicateSpec(
            name="departure",
            subjects=frozenset({SubjectKind.ANY}),
            value_type=ClockValue,
            cardinality=Cardinality.ONE,
            description="when a flight left",
        ),
        PredicateSpec(
            name="gate",
            subjects=frozenset({SubjectKind.ANY}),
            value_type=TextValue,
            cardinality=Cardinality.ONE,
            description="the gate a flight left from",
        ),
    )


def test_mapping_rows_become_assertions_with_record_evidence() -> None:
    claims = from_rows(
        [
            {
                "source": "TASS",
                "subject": "Istanbul talks",
                "predicate": "city",
                "value": "Istanbul",
            },
            {
                "source": "Reuters",
                "subject": "Istanbul talks",
                "predicate": "city",
                "value": "Ankara",
            },
        ],
        LONG,
        dataset="cities",
    )
    first, second = claims.assertions
    assert first.source == "tass"
    assert first.subject == "istanbul-talks"
    assert first.value == PlaceValue(place=ng.PlaceId("istanbul"))
    assert first.evidence == RecordRef(dataset="cities", record="1", field="value")
    assert second.evidence == RecordRef(dataset="cities", record="2", field="value")
    assert first.modality is Modality.REPORTED


def test_one_source_object_per_distinct_source_name_keeps_the_name_as_written() -> None:
    rows = [
        ("TASS", "talks", "city", "Istanbul"),
        ("tass", "talks", "venue", "Dolmabahce palace"),
        ("Reuters", "talks", "city", "Istanbul"),
    ]
    claims = from_rows(rows, Columns(source=0, subject=1, predicate=2, value=3), dataset="t")
    assert set(claims.sources) == {"tass", "reuters"}
    assert claims.sources[ng.SourceId("tass")].title == "TASS"
    assert {a.source for a in claims.assertions} == set(claims.sources)


def test_subject_ids_are_folded_and_every_raw_spelling_is_kept() -> None:
    rows = [
        ("A", "AA-1007-TPA-MIA", "gate", "F78"),
        ("B", "aa 1007 tpa mia", "gate", "F78"),
        ("C", "Zürich Talks", "gate", "G1"),
    ]
    claims = from_rows(
        rows,
        Columns(source=0, subject=1, predicate=2, value=3),
        dataset="t",
        vocabulary=departure_vocabulary(),
    )
    assert {a.subject for a in claims.assertions} == {"aa-1007-tpa-mia", "zurich-talks"}
    assert claims.subject_names[ng.EntityId("aa-1007-tpa-mia")] == (
        "AA-1007-TPA-MIA",
        "aa 1007 tpa mia",
    )


def test_tuples_can_be_named_by_a_header() -> None:
    claims = from_rows(
        [("TASS", "talks", "Istanbul")],
        Columns(source="outlet", subject="event", predicate=Constant("city"), value="where"),
        header=("outlet", "event", "where"),
        dataset="t",
    )
    assert claims.assertions[0].predicate == "city"
    assert claims.assertions[0].evidence == RecordRef(dataset="t", record="1", field="where")


def test_a_wide_row_gives_one_claim_per_value_column() -> None:
    header = ("source", "flight", "departure", "gate")
    claims = from_rows(
        [("aa", "AA-1", "13:55", "F7"), ("ua", "AA-1", "", "F7")],
        Columns(
            source="source", subject="flight", values={"departure": "departure", "gate": "gate"}
        ),
        header=header,
        dataset="flights",
        vocabulary=departure_vocabulary(),
    )
    fields = sorted(
        (a.source, a.predicate, a.evidence.field)
        for a in claims.assertions
        if isinstance(a.evidence, RecordRef)
    )
    assert fields == [
        ("aa", "departure", "departure"),
        ("aa", "gate", "gate"),
        ("ua", "gate", "gate"),
    ]
    assert claims.missing == 1


def test_the_record_column_names_the_row_in_the_evidence() -> None:
    claims = from_rows(
        [{"id": "r-17", "source": "a", "subject": "x", "predicate": "city", "value": "Rome"}],
        Columns(
            source="source", subject="subject", predicate="predicate", value="value", record="id"
        ),
        dataset="feed",
    )
    assert claims.assertions[0].evidence == RecordRef(dataset="feed", record="r-17", field="value")


def test_time_and_modality_columns_fill_asserted_at_and_modality() -> None:
    claims = read_csv(DATA / "bad_claims.csv", on_error="skip")
    tass = next(a for a in claims.assertions if a.source == "tass")
    assert tass.asserted_at == PartialDate(year=2025, month=5, day=16)
    cnn = next(a for a in claims.assertions if a.source == "cnn")
    assert isinstance(cnn.value, QuantityValue)
    assert cnn.value.quantity.amount == 12
    assert cnn.value.quantity.unit == "people"


def test_a_csv_with_bad_rows_names_every_row_and_column_and_loads_nothing() -> None:
    with pytest.raises(ClaimsValidationError) as caught:
        read_csv(DATA / "bad_claims.csv")
    where = [(p.row, p.column) for p in caught.value.problems]
    assert where == [(3, "predicate"), (4, "subject"), (5, "value"), (6, "modality"), (7, "time")]
    message = str(caught.value)
    assert "row 3, column 'predicate'" in message
    assert "'city'" in message  # the close match for "cty"
    assert "nothing was loaded" in message


def test_skip_loads_the_good_rows_and_counts_the_bad_ones() -> None:
    claims = read_csv(DATA / "bad_claims.csv", on_error="skip")
    assert sorted(a.source for a in claims.assertions) == ["cnn", "tass"]
    assert claims.rows == 7
    assert [p.row for p in claims.skipped] == [3, 4, 5, 6, 7]


def test_the_error_message_is_bounded_however_many_rows_are_bad() -> None:
    rows = [("s", "x", "city", "") for _ in range(5)] + [("s", "x", "citty", "Rome")] * 500
    with pytest.raises(ClaimsValidationError) as caught:
        from_rows(rows, Columns(source=0, subject=1, predicate=2, value=3), dataset="t")
    assert len(caught.value.problems) == 500
    assert "... and 480 more" in str(caught.value)
    assert len(str(caught.value).splitlines()) == 22


def test_missing_values_are_not_claims_and_the_list_is_configurable() -> None:
    rows = [
        ("a", "x", "city", "Not Available"),
        ("b", "x", "city", "  "),
        ("c", "x", "city", "unknown"),
        ("d", "x", "city", "Rome"),
    ]
    columns = Columns(source=0, subject=1, predicate=2, value=3)
    default = from_rows(rows, columns, dataset="t")
    assert sorted(a.source for a in default.assertions) == ["c", "d"]
    assert default.missing == 2
    custom = from_rows(rows, columns, dataset="t", missing=("", "unknown", "not available"))
    assert [a.source for a in custom.assertions] == ["d"]
    assert custom.missing == 3


def test_a_parser_returning_none_means_no_claim() -> None:
    claims = from_rows(
        [("a", "x", "gate", "CHK"), ("b", "x", "gate", "F7")],
        Columns(source=0, subject=1, predicate=2, value=3),
        dataset="t",
        vocabulary=departure_vocabulary(),
        parsers={"gate": lambda cell: None if cell == "CHK" else TextValue(text=cell)},
    )
    assert [a.source for a in claims.assertions] == ["b"]
    assert claims.missing == 1


def test_user_declared_predicates_load_and_undeclared_ones_are_refused() -> None:
    rows = [("aa", "AA-1", "departure", "13:55")]
    columns = Columns(source=0, subject=1, predicate=2, value=3)
    with pytest.raises(ClaimsValidationError, match="departure"):
        from_rows(rows, columns, dataset="t")
    claims = from_rows(rows, columns, dataset="t", vocabulary=departure_vocabulary())
    value = claims.assertions[0].value
    assert isinstance(value, ClockValue)
    assert (value.time.hour, value.time.minute) == (13, 55)
    assert "departure" in claims.vocabulary


def test_a_parser_that_returns_the_wrong_value_type_is_a_row_problem() -> None:
    with pytest.raises(ClaimsValidationError, match="expected a ClockValue for departure"):
        from_rows(
            [("aa", "AA-1", "departure", "13:55")],
            Columns(source=0, subject=1, predicate=2, value=3),
            dataset="t",
            vocabulary=departure_vocabulary(),
            parsers={"departure": lambda cell: TextValue(text=cell)},
        )


def test_a_parser_that_fails_its_own_way_is_a_row_problem_naming_the_cell(tmp_path: Path) -> None:
    """A lookup parser's KeyError (or any other failure) is the cell's problem, by row and
    column, not a misleading file error ("unknown encoding" for a LookupError)."""
    places = {"Istanbul": PlaceValue(place=ng.PlaceId("istanbul"))}
    path = tmp_path / "claims.csv"
    path.write_text(
        "source,subject,predicate,value\nTASS,talks,city,Istanbul\nRIA,talks,city,Ankara\n"
    )
    with pytest.raises(ClaimsValidationError) as info:
        read_csv(path, parsers={"city": lambda cell: places[cell]})
    assert [(p.row, p.column) for p in info.value.problems] == [(3, "value")]
    assert "the parser failed: KeyError: 'Ankara'" in str(info.value)
    skipped = read_csv(path, parsers={"city": lambda cell: places[cell]}, on_error="skip")
    assert (len(skipped.assertions), len(skipped.skipped)) == (1, 1)


def test_a_header_of_the_wrong_kind_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("TASS,talks,city,Istanbul\n")
    with pytest.raises(ColumnMappingError, match="header must be True"):
        read_csv(path, header=5)  # type: ignore[arg-type]


def test_a_constant_predicate_is_checked_before_any_row() -> None:
    with pytest.raises(ColumnMappingError, match="'city'"):
        from_rows(
            iter(()),
            Columns(source=0, subject=1, predicate=Constant("cityy"), value=2),
            header=("a", "b", "c"),
            dataset="t",
        )


def test_a_column_missing_from_the_header_is_named_with_close_matches() -> None:
    with pytest.raises(ColumnMappingError, match="did you mean 'subject'"):
        from_rows(
            [("a", "x", "city", "Rome")],
            Columns(source="source", subject="subjct", predicate="predicate", value="value"),
            header=("source", "subject", "predicate", "value"),
            dataset="t",
        )


def test_short_rows_are_reported_not_crashed_on() -> None:
    with pytest.raises(ClaimsValidationError) as caught:
        from_rows(
            [("a", "x", "city", "Rome"), ("b", "x", "city")],
            Columns(source=0, subject=1, predicate=2, value=3),
            dataset="t",
        )
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "3")
    assert "short" in problem.message


def test_identical_rows_with_one_record_id_are_one_assertion() -> None:
    row = {"id": "r1", "source": "a", "subject": "x", "predicate": "city", "value": "Rome"}
    claims = from_rows(
        [row, dict(row)],
        Columns(
            source="source", subject="subject", predicate="predicate", value="value", record="id"
        ),
        dataset="t",
    )
    assert len(claims.assertions) == 1
    assert claims.duplicates == 1


def test_tsv_is_read_with_its_encoding_and_quotes_as_data(tmp_path: Path) -> None:
    path = tmp_path / "claims.tsv"
    path.write_bytes(
        'source\tsubject\tpredicate\tvalue\nBücher\ttalks\toutcome\t"no deal" said\n'.encode(
            "latin-1"
        )
    )
    with pytest.raises(ClaimsError, match="latin-1"):
        read_tsv(path)
    claims = read_tsv(path, encoding="latin-1")
    assert claims.assertions[0].value == TextValue(text='"no deal" said')
    assert claims.sources[ng.SourceId("bucher")].title == "Bücher"
    assert claims.dataset == "claims.tsv"


def test_a_missing_file_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(ClaimsError, match="cannot read"):
        read_csv(tmp_path / "nowhere.csv")


def test_record_evidence_survives_the_json_round_trip() -> None:
    claims = read_csv(DATA / "bad_claims.csv", on_error="skip")
    for assertion in claims.assertions:
        back = ng.from_json(ng.to_json(assertion), ng.Assertion)
        assert back == assertion
        assert isinstance(back.evidence, RecordRef)
        assert back.evidence.dataset == "bad_claims.csv"


def test_a_claim_set_reconciles_like_a_corpus() -> None:
    claims = from_rows(
        [
            ("TASS", "talks", "city", "Istanbul"),
            ("AP", "talks", "city", "Istanbul"),
            ("Reuters", "talks", "city", "Istanbul"),
        ],
        Columns(source=0, subject=1, predicate=2, value=3),
        dataset="t",
    )
    rec = ng.reconcile(claims, vocabulary=claims.vocabulary)
    (verdict,) = rec.verdicts
    assert verdict.status is ng.VerdictStatus.ACCEPTED
    assert verdict.value == PlaceValue(place=ng.PlaceId("istanbul"))


def test_a_dataframe_reads_like_rows() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "source": ["aa", "ua", "dl"],
            "subject": ["AA-1", "AA-1", "AA-1"],
            "predicate": ["gate", "gate", "gate"],
            "value": ["F7", None, "F7"],
            "time": [pd.Timestamp("2011-12-01"), pd.NaT, pd.Timestamp("2011-12-02")],
        }
    )
    claims = from_dataframe(frame, dataset="frame", vocabulary=departure_vocabulary())
    assert [a.source for a in claims.assertions] == ["aa", "dl"]
    assert claims.missing == 1
    assert claims.assertions[1].asserted_at == PartialDate(year=2011, month=12, day=2)


def test_a_later_chunk_numbers_its_rows_where_the_table_left_off() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "source": ["aa", "ua", "dl", "aa"],
            "subject": ["AA-1", "AA-1", "AA-2", "AA-2"],
            "predicate": ["gate"] * 4,
            "value": ["F7", "F8", "F7", "F9"],
        }
    )
    vocabulary = departure_vocabulary()
    whole = from_dataframe(frame, dataset="t", vocabulary=vocabulary)
    first = from_dataframe(frame.iloc[:2], dataset="t", vocabulary=vocabulary)
    second = from_dataframe(frame.iloc[2:], dataset="t", vocabulary=vocabulary, first_row=3)
    assert [a.evidence.record for a in second.assertions] == ["3", "4"]  # type: ignore[union-attr]
    assert first.assertions + second.assertions == whole.assertions
    for bad in (0, -1, True, "3"):
        with pytest.raises(ColumnMappingError, match="first_row must be a whole number from 1"):
            from_dataframe(frame, dataset="t", vocabulary=vocabulary, first_row=bad)  # type: ignore[arg-type]


def test_an_arrow_table_reads_like_rows() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "source": ["aa", "ua"],
            "subject": ["AA-1", "AA-1"],
            "predicate": ["gate", "gate"],
            "value": ["F7", None],
        }
    )
    claims = from_arrow(table, dataset="arrow", vocabulary=departure_vocabulary())
    assert [a.source for a in claims.assertions] == ["aa"]
    assert claims.missing == 1


def test_a_missing_optional_dependency_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingExtraError, match=r"negotiations\[pandas\]"):
        from_dataframe(object(), dataset="t")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"negotiations\[arrow\]"):
        from_arrow(object(), dataset="t")
    # One kind with the library's own: a caller catching ``negotiations.MissingExtraError``
    # (as around the graph or frames extras) catches the table loaders' too.
    with pytest.raises(ng.MissingExtraError):
        from_arrow(object(), dataset="t")


def test_a_table_with_one_mapped_column_and_constants_for_the_rest() -> None:
    claims = from_rows(
        [("Istanbul",), ("Ankara",)],
        Columns(
            source=Constant("wire"), subject=Constant("talks"), predicate=Constant("city"), value=0
        ),
        dataset="t",
    )
    assert [a.value for a in claims.assertions] == [
        PlaceValue(place=ng.PlaceId("istanbul")),
        PlaceValue(place=ng.PlaceId("ankara")),
    ]
    assert set(claims.sources) == {"wire"}


def test_options_that_cannot_apply_are_refused_before_reading() -> None:
    columns = Columns(source=0, subject=1, predicate=2, value=3)
    with pytest.raises(ColumnMappingError, match="departure"):
        from_rows([], columns, dataset="t", parsers={"departure": lambda cell: None})
    with pytest.raises(ColumnMappingError, match="on_error"):
        from_rows([], columns, dataset="t", on_error="ignore")  # type: ignore[arg-type]


def test_a_denied_claim_is_negative() -> None:
    claims = from_rows(
        [("ria", "talks", "city", "Ankara", "denied"), ("ap", "talks", "city", "Istanbul", "")],
        Columns(source=0, subject=1, predicate=2, value=3, modality=4),
        dataset="t",
    )
    denied, reported = claims.assertions
    assert (denied.modality, denied.polarity) == (Modality.DENIED, ng.Polarity.NEGATIVE)
    assert (reported.modality, reported.polarity) == (Modality.REPORTED, ng.Polarity.POSITIVE)


def test_a_spreadsheet_byte_order_mark_does_not_hide_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text(
        "source,subject,predicate,value\nAP,talks,city,Istanbul\n", encoding="utf-8-sig"
    )
    assert len(read_csv(path).assertions) == 1


def test_the_garbage_collector_is_running_again_after_a_load_good_or_bad() -> None:
    import gc

    assert gc.isenabled()
    from_rows(
        [("a", "x", "city", "Rome")],
        Columns(source=0, subject=1, predicate=2, value=3),
        dataset="t",
    )
    assert gc.isenabled()
    with pytest.raises(ClaimsValidationError):
        from_rows(
            [("a", "x", "citty", "Rome")],
            Columns(source=0, subject=1, predicate=2, value=3),
            dataset="t",
        )
    assert gc.isenabled()


def test_every_spelling_of_an_id_valued_answer_is_kept_and_the_first_shown() -> None:
    """A place, actor, office or event answer is an id (folded); people read the text."""
    rows = [
        ("TASS", "talks", "city", "Istanbul"),
        ("AP", "talks", "city", "  ISTANBUL "),
        ("AP", "other", "city", "Ankara"),
        ("AP", "talks", "outcome", "a prisoner exchange"),
    ]
    claims = from_rows(rows, Columns(source=0, subject=1, predicate=2, value=3), dataset="t")
    assert claims.value_names == {"istanbul": ("Istanbul", "ISTANBUL"), "ankara": ("Ankara",)}
    by_text = {a.value.key(): claims.name_of(a.value) for a in claims.assertions}
    assert by_text["istanbul"] == "Istanbul"
    assert by_text["a prisoner exchange"] == "a prisoner exchange"  # a text is its own name
