"""The documentation's code runs as written: README, user guide, reconciliation guide, tour."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", "docs/index.md", "docs/reconciliation.md"]


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("doc", DOCS)
def test_every_python_block_runs_in_order(doc: str) -> None:
    blocks = python_blocks(ROOT / doc)
    assert blocks, f"{doc} has no python blocks"
    namespace: dict[str, object] = {}
    for index, block in enumerate(blocks):
        with contextlib.redirect_stdout(io.StringIO()):
            if block.lstrip().startswith(">>>"):
                test = doctest.DocTestParser().get_doctest(
                    block, namespace, f"{doc}[{index}]", doc, 0
                )
                runner = doctest.DocTestRunner(
                    optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
                )
                runner.run(test, clear_globs=False)
                assert runner.failures == 0, f"{doc} block {index} doctest failed"
            else:
                exec(compile(block, f"{doc}[{index}]", "exec"), namespace)


def test_the_tour_script_runs_from_another_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(ROOT / "examples" / "tour.py"), run_name="__main__")
    assert "2025-05-16" in out.getvalue()
