"""The Python examples of the README and the docs type-check under ``mypy --strict``,
and the pages written for the docs site run as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
NEW_PAGES = ["docs/model.md", "docs/outputs.md"]

#: Pages whose examples do not type-check yet, with why. Listed pages must *fail*
#: (a fixed page fails this test until it is taken off the list), like a strict xfail.
NOT_YET_TYPED: dict[str, str] = {}


def python_blocks(path: Path) -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    return [b for b in blocks if not b.lstrip().startswith(">>>")]  # doctests run elsewhere


def module_name(page: str) -> str:
    return "example_" + re.sub(r"\W", "_", page.removesuffix(".md")).lower()


def test_every_python_example_type_checks_strictly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = pytest.importorskip("mypy.api")
    monkeypatch.setenv("MYPYPATH", str(ROOT / "src"))  # the checkout, installed or not
    files: dict[str, Path] = {}
    for page in PAGES:
        blocks = python_blocks(ROOT / page)
        if blocks:
            # One module per page: its blocks run in order, sharing their names.
            files[page] = tmp_path / f"{module_name(page)}.py"
            files[page].write_text("\n\n".join(blocks), encoding="utf-8")
    assert {"README.md", "docs/index.md", "docs/outputs.md"} <= set(files)
    # The cache of the project's own `mypy --strict src tests` run makes this fast.
    out, err, _ = api.run(
        [
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            *map(str, files.values()),
        ]
    )
    assert not err, err
    failing = {page for page, path in files.items() if f"{path.name}:" in out}
    assert failing == set(NOT_YET_TYPED) & set(files), out


@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_new_pages_run_in_order(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for index, block in enumerate(python_blocks(ROOT / page)):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(block, f"{page}[{index}]", "exec"), namespace)
