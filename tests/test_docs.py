"""The documentation's code runs as written, and prints what the page says it prints.

The convention (docs/testing.md): each page's ```python blocks run in order in one
namespace; a ```python block followed directly by an ```output block must print
exactly that output (a line ``...`` stands for any lines); ``>>>`` blocks are
doctests. A result is never shown in a comment, where it could drift unchecked.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Pages whose code is left out, with why.
NOT_RUN = {
    "docs/limits.md": "loads a reader's own corpus folder ('my-corpus'), which a checkout lacks",
}
PAGES = [
    page
    for page in ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))]
    if page not in NOT_RUN and "```python" in (ROOT / page).read_text(encoding="utf-8")
]

_BLOCK = re.compile(
    r"```python\n(?P<code>.*?)```[ \t]*\n(?:\s*\n)*(?:```output\n(?P<output>.*?)```)?", re.S
)
#: A comment after code that starts like a printed value: 'text', [..], (..), 42, True, <enum>.
_RESULT_COMMENT = re.compile(
    r"^(?!\s*#).*\S\s+#\s*(?:['\"\[\(\{<]|-?\d|True\b|False\b|None\s*(?::|$))|^#\s*[\[\(\{'\"]"
)


def examples(text: str) -> list[tuple[str, str | None]]:
    """The page's python blocks, each with the output block that follows it (or None)."""
    return [(m["code"], m["output"]) for m in _BLOCK.finditer(text)]


def printed(code: str, namespace: dict[str, object], name: str) -> str:
    """Run one block; what it printed (doctest blocks are checked by doctest itself)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        if code.lstrip().startswith(">>>"):
            test = doctest.DocTestParser().get_doctest(code, namespace, name, name, 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test, clear_globs=False, out=out.write)
            assert runner.failures == 0, out.getvalue()
            return ""
        exec(compile(code, name, "exec"), namespace)
    return out.getvalue()


def check_text(text: str, name: str) -> None:
    """Run a page's blocks in order; each output block must match what its block printed."""
    namespace: dict[str, object] = {}
    for index, (code, expected) in enumerate(examples(text)):
        got = printed(code, namespace, f"{name}[{index}]")
        checker = doctest.OutputChecker()
        if expected is not None and not checker.check_output(expected, got, doctest.ELLIPSIS):
            raise AssertionError(
                f"{name} block {index} printed:\n{got}\nbut the page shows:\n{expected}"
            )


def check_page(page: str) -> None:
    check_text((ROOT / page).read_text(encoding="utf-8"), page)


def test_the_convention_finds_outputs_and_ellipses() -> None:
    text = "```python\nprint(1)\n```\n\n```output\n1\n```\n```python\nx = 2\n```\n"
    assert examples(text) == [("print(1)\n", "1\n"), ("x = 2\n", None)]
    namespace: dict[str, object] = {}
    assert printed("for i in range(4): print(i)\n", namespace, "t") == "0\n1\n2\n3\n"
    assert doctest.OutputChecker().check_output("0\n...\n3\n", "0\n1\n2\n3\n", doctest.ELLIPSIS)
    assert not doctest.OutputChecker().check_output("0\n3\n", "0\n1\n2\n3\n", doctest.ELLIPSIS)


@pytest.mark.parametrize("page", PAGES)
def test_every_python_block_runs_in_order_and_prints_what_the_page_shows(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # paths in the pages are relative to a checkout
    check_page(page)


def test_a_block_that_prints_something_else_fails() -> None:
    check_text("```python\nprint(2 + 2)\n```\n\n```output\n4\n```\n", "right")
    with pytest.raises(AssertionError, match="drift block 0 printed:\n4\n"):
        check_text("```python\nprint(2 + 2)\n```\n\n```output\n5\n```\n", "drift")
    with pytest.raises(AssertionError, match="Failed example"):
        check_text("```python\n>>> 2 + 2\n5\n```\n", "doctest")


def shown_in_comments(text: str) -> list[str]:
    """The lines of a page's python blocks (doctests aside) that show a result in a comment."""
    return [
        line
        for code, _ in examples(text)
        if not code.lstrip().startswith(">>>")
        for line in code.splitlines()
        if _RESULT_COMMENT.search(line)
    ]


def test_a_result_in_a_comment_is_found_and_an_explanation_is_not() -> None:
    shown = [
        "print(verdict.status.value)  # 'accepted'",
        "print(len(rec.verdicts) > 0)  # True",
        "print(again.holder('office'))  # None",
        "len(rec.verdicts)  # 281",
        "# ['Head of the Main Intelligence Directorate (GRU)']",
    ]
    explained = [
        "policy = ng.default_policy()  # the default policy",
        "# a stable shard per group",
        "    x = 1  # None of the rules need it",
    ]
    page = "```python\n" + "\n".join(shown + explained) + "\n```\n"
    assert shown_in_comments(page) == shown
    assert shown_in_comments("```python\n>>> f()  # 'doctests are compared'\n```\n") == []


@pytest.mark.parametrize("page", PAGES)
def test_no_result_is_shown_in_a_comment(page: str) -> None:
    shown = shown_in_comments((ROOT / page).read_text(encoding="utf-8"))
    assert not shown, f"{page}: print these and show an ```output block instead: {shown}"


def test_the_tour_script_runs_from_another_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(ROOT / "examples" / "tour.py"), run_name="__main__")
    assert "2025-05-16" in out.getvalue()
