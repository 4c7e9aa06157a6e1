"""The model/API/JSON family of the hostile-input catalogue (issue 10), and JSON fuzzing.

Each case damages a valid JSON document (an assertion, a corpus or a verdict) in one
way and names the error class and the JSON path expected. After each case the test
checks that the file read is unchanged and that a second read, in the same process,
of the valid document still works.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from negotiations.serialize import from_json, to_json
from tests.corpus._corpora import write_corpus

Json = Any


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> ng.Corpus:
    """The catalogue's small valid corpus: quick to read thousands of times."""
    return ng.load_corpus(write_corpus(tmp_path_factory.mktemp("small")))


@pytest.fixture(scope="module")
def documents(small_corpus: ng.Corpus) -> dict[str, str]:
    """Valid JSON of each kind the catalogue damages."""
    verdict = ng.reconcile(small_corpus).verdicts[0]
    return {
        "Assertion": to_json(small_corpus.assertions[0]),
        "Corpus": to_json(small_corpus),
        "Verdict": to_json(verdict),
    }


KINDS: dict[str, type] = {"Assertion": ng.Assertion, "Corpus": ng.Corpus, "Verdict": ng.Verdict}


@dataclass(frozen=True)
class JsonCase:
    """One hostile JSON input: a change to a valid document, and where the problem is."""

    name: str
    kind: str
    damage: Callable[[str], str]
    path: str  # the JSON path (or the start of the message) the error must name


def edit(change: Callable[[Json], object]) -> Callable[[str], str]:
    """A damage that edits the parsed document in place and writes it back as JSON."""

    def damage(text: str) -> str:
        data = copy.deepcopy(json.loads(text))
        change(data)
        return json.dumps(data)

    return damage


def replace(old: str, new: str) -> Callable[[str], str]:
    def damage(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return damage


def const(text: str) -> Callable[[str], str]:
    return lambda _: text


def first_value(key: str, new: str) -> Callable[[str], str]:
    """The first ``"key": <scalar>`` in the text with its value replaced by raw JSON ``new``."""

    def damage(text: str) -> str:
        data = json.loads(text)
        old = json.dumps(data[key]) if key in data else None
        assert old is not None, key
        return text.replace(f'"{key}": {old}', f'"{key}": {new}', 1)

    return damage


DEEP = "[" * 100_000 + "]" * 100_000
A, C, V = "Assertion", "Corpus", "Verdict"
JSON_CASES = [
    JsonCase("not JSON", A, const("{"), "Expecting property name"),
    JsonCase("empty text", A, const(""), "Expecting value"),
    JsonCase("an array where an object belongs", A, const("[]"), "found an array @ Assertion"),
    JsonCase("a string where an object belongs", V, const('"x"'), "found a string @ Verdict"),
    JsonCase("null where an object belongs", C, const("null"), "found null @ Corpus"),
    JsonCase("100,000 nested arrays", A, const(DEEP), "JSON nested too deeply"),
    JsonCase(
        "deep nesting inside a field",
        A,
        lambda text: text[:-1] + ', "note": ' + DEEP + "}",
        "JSON nested too deeply",
    ),
    JsonCase("a 5,000-digit number", A, const("1" * 5000), "Exceeds the limit"),
    JsonCase(
        "infinite offset",
        A,
        edit(lambda d: d["evidence"].__setitem__("end", float("inf"))),
        "number out of range",
    ),
    JsonCase(
        "NaN offset",
        A,
        edit(lambda d: d["evidence"].__setitem__("start", float("nan"))),
        "@ Assertion.evidence.start",
    ),
    JsonCase(
        "a huge offset",
        A,
        edit(lambda d: d["evidence"].__setitem__("end", 10**4000)),
        "@ Assertion.evidence",
    ),
    JsonCase(
        "a lone surrogate in a quote",
        A,
        edit(lambda d: d["evidence"].__setitem__("exact", "\udcff")),
        "lone surrogate (text no UTF-8 file can hold) @ Assertion.evidence.exact",
    ),
    JsonCase(
        "a lone surrogate in a key",
        A,
        edit(lambda d: d.__setitem__("\ud800", 1)),
        "lone surrogate (text no UTF-8 file can hold) @ Assertion (a key)",
    ),
    JsonCase(
        "an unknown evidence type",
        A,
        edit(lambda d: d["evidence"].__setitem__("type", "Rumour")),
        "@ Assertion.evidence",
    ),
    JsonCase(
        "evidence without its type tag",
        A,
        edit(lambda d: d["evidence"].pop("type")),
        "@ Assertion.evidence",
    ),
    JsonCase(
        "evidence as an array",
        A,
        edit(lambda d: d.__setitem__("evidence", [1])),
        "@ Assertion.evidence",
    ),
    JsonCase(
        "a value as a bare string",
        A,
        edit(lambda d: d.__setitem__("value", "x")),
        "found a string @ Assertion.value",
    ),
    JsonCase(
        "qualifiers as a string",
        A,
        edit(lambda d: d.__setitem__("qualifiers", "x")),
        "found a string @ Assertion.qualifiers",
    ),
    JsonCase(
        "month 13",
        A,
        edit(lambda d: d.__setitem__("asserted_at", "2025-13-01")),
        "@ Assertion.asserted_at",
    ),
    JsonCase(
        "a 5,000-digit year",
        A,
        edit(lambda d: d.__setitem__("asserted_at", "9" * 5000)),
        "@ Assertion.asserted_at",
    ),
    JsonCase(
        "an unknown modality",
        A,
        edit(lambda d: d.__setitem__("modality", "x" * 100_000)),
        "expected Modality @ Assertion.modality",
    ),
    JsonCase(
        "a tampered id",
        A,
        edit(lambda d: d.__setitem__("id", "a-0")),
        "expected the content hash",
    ),
    JsonCase(
        "a 100,000-character unknown key",
        A,
        edit(lambda d: d.__setitem__("x" * 100_000, 1)),
        "extra fields found",
    ),
    JsonCase(
        "a retrieval time that is not ISO",
        A,
        edit(
            lambda d: d.__setitem__(
                "evidence", {"type": "RecordRef", "dataset": "d", "record": "r", "retrieved": "9"}
            )
        ),
        "@ Assertion.evidence.retrieved",
    ),
    JsonCase(
        "a verdict status that is a number", V, first_value("status", "7"), "@ Verdict.status"
    ),
    JsonCase("a margin that is text", V, first_value("margin", '"wide"'), "@ Verdict.margin"),
    # JSON's scalars as they are, not coerced: "NaN" is no number, NaN no finite one,
    # null no text (it would become the text "None", under the same content id).
    JsonCase(
        "a margin that is NaN",
        V,
        first_value("margin", "NaN"),
        "a finite number, found nan @ Verdict.margin",
    ),
    JsonCase(
        "a margin that is numeric text", V, first_value("margin", '"0.5"'), "@ Verdict.margin"
    ),
    JsonCase("a margin that is true", V, first_value("margin", "true"), "@ Verdict.margin"),
    JsonCase(
        "a note that is an object",
        A,
        edit(lambda d: d.__setitem__("note", {"a": [1]})),
        "expected a string, found an object @ Assertion.note",
    ),
    JsonCase(
        "a subject that is null",
        A,
        edit(lambda d: d.__setitem__("subject", None)),
        "expected a string, found null @ Assertion.subject",
    ),
    JsonCase(
        "an offset with a fraction",
        A,
        edit(lambda d: d["evidence"].__setitem__("start", 1.5)),
        "@ Assertion.evidence.start",
    ),
    JsonCase(
        "a verdict without its key",
        V,
        edit(lambda d: d.pop("key")),
        "@ Verdict",
    ),
    JsonCase(
        "documents null",
        C,
        edit(lambda d: d.__setitem__("documents", None)),
        "@ Corpus.documents",
    ),
    JsonCase(
        "a registry that is a string",
        C,
        edit(lambda d: d.__setitem__("registry", "x")),
        "found a string @ Corpus.registry",
    ),
    JsonCase(
        "assertions as an object",
        C,
        edit(lambda d: d.__setitem__("assertions", {"a": 1})),
        "@ Corpus.assertions[0]",
    ),
    JsonCase(
        "an assertion twice",
        C,
        edit(lambda d: d["assertions"].append(d["assertions"][0])),
        "appears twice @ Corpus",
    ),
    JsonCase(
        "an actor id twice",
        C,
        edit(lambda d: d["registry"]["actors"].append(d["registry"]["actors"][0])),
        "@ Corpus",
    ),
    JsonCase(
        "an assertion from a missing document",
        C,
        edit(lambda d: d.__setitem__("documents", [])),
        "@ Corpus",
    ),
    JsonCase(
        "a vocabulary that is a number",
        C,
        edit(lambda d: d.__setitem__("vocabulary", 5)),
        "found a number @ Corpus.vocabulary",
    ),
]


def test_the_json_family_has_distinct_cases_of_each_kind() -> None:
    assert len({case.name for case in JSON_CASES}) == len(JSON_CASES) >= 30
    assert {case.kind for case in JSON_CASES} == set(KINDS)


@pytest.mark.parametrize("case", JSON_CASES, ids=[case.name for case in JSON_CASES])
def test_hostile_json_gets_a_serialization_error_naming_its_path(
    case: JsonCase, documents: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(case.damage(documents[case.kind]).encode("utf-8", "surrogatepass"))
    before = path.read_bytes()
    started = time.perf_counter()
    with pytest.raises(ng.SerializationError) as info:
        from_json(before.decode("utf-8", "surrogatepass"), KINDS[case.kind])
    assert time.perf_counter() - started < 2
    message = str(info.value)
    assert case.path in message, message
    assert len(message) < 2_000
    assert path.read_bytes() == before
    # The same process reads a good document afterwards, and gives the same answer twice.
    assert to_json(from_json(documents[case.kind], KINDS[case.kind])) == documents[case.kind]
    with pytest.raises(ng.SerializationError) as again:
        from_json(before.decode("utf-8", "surrogatepass"), KINDS[case.kind])
    assert str(again.value) == message


def test_a_serialization_error_lists_at_most_100_problems_and_counts_the_rest() -> None:
    error = ng.SerializationError("Corpus", [f"problem {i} " + "x" * 10_000 for i in range(500)])
    assert len(error.problems) == 500
    assert all(len(problem) <= 500 for problem in error.problems)
    assert "and 400 more" in str(error)
    assert len(str(error)) < 60_000


def test_escaped_surrogate_pairs_are_ordinary_text(documents: dict[str, str]) -> None:
    """Only a *lone* surrogate is refused: an escaped pair is one character (here an emoji)."""
    data = json.loads(documents[A])
    data["note"] = "\U0001f4dc"
    text = json.dumps(data, ensure_ascii=True)
    assert "\\ud83d\\udcdc" in text
    assert from_json(text, ng.Assertion).note == "\U0001f4dc"


# -- fuzzing -------------------------------------------------------------------------------------

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["TextAnchor", "RecordRef", "EventValue", "2025-05-16", "held", "\udcff"])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated_json(draw: st.DrawFn, text: str) -> str:
    """A valid document with a few of its values (at any depth) replaced, deleted or added."""
    data = json.loads(text)
    for _ in range(draw(st.integers(1, 3))):
        node = data
        while True:  # walk down to a random container
            children = (
                list(node.values())
                if isinstance(node, dict)
                else node
                if isinstance(node, list)
                else []
            )
            containers = [c for c in children if isinstance(c, dict | list) and c]
            if not containers or draw(st.booleans()):
                break
            node = draw(st.sampled_from(containers))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if action == "delete":
                del node[key]
            elif action == "replace":
                node[key] = draw(JSON_VALUES)
            else:
                node[draw(st.text(max_size=8))] = draw(JSON_VALUES)
        elif isinstance(node, list) and node:
            index = draw(st.integers(0, len(node) - 1))
            if action == "delete":
                del node[index]
            elif action == "replace":
                node[index] = draw(JSON_VALUES)
            else:
                node.append(copy.deepcopy(node[index]))
    return json.dumps(data)


def only_library_errors(text: str, cls: type) -> None:
    started = time.perf_counter()
    message = ""
    try:
        from_json(text, cls)
    except ng.SerializationError as error:
        message = str(error)
    assert len(message) < 60_000
    assert time.perf_counter() - started < 2


@given(data=st.data())
def test_mutated_assertion_json_gives_a_model_object_or_a_serialization_error(
    data: st.DataObject, documents: dict[str, str]
) -> None:
    only_library_errors(data.draw(mutated_json(documents[A])), ng.Assertion)


@given(data=st.data())
def test_mutated_verdict_json_gives_a_model_object_or_a_serialization_error(
    data: st.DataObject, documents: dict[str, str]
) -> None:
    only_library_errors(data.draw(mutated_json(documents[V])), ng.Verdict)


@given(data=st.data())
def test_mutated_corpus_json_gives_a_model_object_or_a_serialization_error(
    data: st.DataObject, documents: dict[str, str]
) -> None:
    only_library_errors(data.draw(mutated_json(documents[C])), ng.Corpus)


@given(JSON_VALUES.map(json.dumps) | st.text(max_size=40))
def test_arbitrary_json_text_gives_a_serialization_error(text: str) -> None:
    for cls in KINDS.values():
        with pytest.raises(ng.SerializationError):
            from_json(text, cls)


def test_a_number_json_cannot_write_is_refused_by_to_json() -> None:
    """Strict JSON out: NaN or infinity in a model object (made through the API) is an
    error, not ``NaN`` text that strict JSON readers refuse."""
    import attrs

    verdict = ng.reconcile(ng.load_corpus()).verdicts[0]
    with pytest.raises(ng.SerializationError, match="cannot be written as JSON"):
        to_json(attrs.evolve(verdict, margin=float("nan")))


def test_a_whole_number_written_with_a_point_is_read_as_one(documents: dict[str, str]) -> None:
    data = json.loads(documents["Assertion"])
    if not isinstance(data["evidence"].get("start"), int):
        pytest.skip("the catalogue's first assertion has no offsets")
    data["evidence"]["start"] = float(data["evidence"]["start"])
    assert to_json(from_json(json.dumps(data), ng.Assertion)) == documents["Assertion"]
