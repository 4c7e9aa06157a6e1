"""Fuzzing annotation and registry files: whatever the bytes, the loader answers with the
library's own errors (each naming its file), in bounded time, and leaves the files alone."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from tests.corpus._corpora import ACTORS, ANNOTATION, ANNOTATION_TEXT, FOLDER, write_corpus

YAML_PIECES = st.sampled_from(
    [*" \n\t-:,[]{}&*!|>'\"#%@`?<=~", "yes", "null", "0x1", "<<", "\x00", "\ufeff", "é", "📜"]
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few lines deleted, duplicated or swapped, and a few spans replaced."""
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    out = "".join(lines)
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(out)))
        end = draw(st.integers(start, min(len(out), start + 20)))
        insert = draw(st.lists(YAML_PIECES, max_size=8).map("".join) | st.text(max_size=8))
        out = out[:start] + insert + out[end:]
    return out


def check(relative: str, text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_corpus(Path(folder))
        path = root / relative
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        before = path.read_bytes()
        started = time.perf_counter()
        problems = ng.validate_corpus(root)  # anything but a library error fails the test
        assert time.perf_counter() - started < 5
        assert all(isinstance(p, ng.CorpusError) for p in problems)
        assert all(p.file.startswith(FOLDER) for p in problems)
        assert path.read_bytes() == before
        assert [str(p) for p in ng.validate_corpus(root)] == [str(p) for p in problems]


@given(mutated(ANNOTATION_TEXT))
def test_a_mutated_annotation_file_gives_only_library_errors(text: str) -> None:
    check(ANNOTATION, text)


@given(mutated(ACTORS))
def test_a_mutated_registry_file_gives_only_library_errors(text: str) -> None:
    check("registry/actors.yaml", text)


@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_an_annotation_file_give_only_library_errors(data: bytes) -> None:
    check(ANNOTATION, data)
