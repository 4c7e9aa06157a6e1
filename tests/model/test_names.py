"""ASCII folding of names, and the transliteration library loaded only when needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from negotiations.model._names import fold, to_ascii


@pytest.mark.parametrize(
    ("text", "ascii_text"),
    [
        ("Zürich", "Zurich"),
        ("Москва", "Moskva"),
        ("Türkiye", "Turkiye"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_to_ascii_transliterates(text: str, ascii_text: str) -> None:
    assert to_ascii(text) == ascii_text


def test_an_ascii_text_is_returned_as_it_is() -> None:
    text = "Hakan Fidan"
    assert to_ascii(text) is text


def test_fold_reads_any_spelling_alike() -> None:
    assert fold("Zelenskyy") == fold("ZELENSKYY") == "zelenskyy"
    assert fold("Володимир Зеленський") == fold("Volodimir  ZELENSKIY") == "volodimir zelenskiy"


def test_importing_the_library_does_not_import_anyascii() -> None:
    """anyascii costs a fifth of the import: it is loaded by the first non-ASCII name."""
    code = (
        "import sys, negotiations; before = 'anyascii' in sys.modules; "
        "negotiations.model._names.fold('Zürich'); print(before, 'anyascii' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
