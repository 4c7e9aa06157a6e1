"""The tour notebook runs as stored, and what it stores is what it prints today."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]
TOUR = ROOT / "examples" / "tour.ipynb"


def shapes(notebook: Any) -> list[tuple[int, str, tuple[str, ...]]]:
    """Per code cell and output: its kind and mime types (images vary by version; the
    stored notebook keeps no text/plain beside HTML or a picture). Printed text counts
    once per cell (a kernel may split it into chunks); warnings on stderr vary with
    library versions and are not compared."""
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if any(o["output_type"] == "stream" and o.get("name") == "stdout" for o in cell.outputs):
            found.append((index, "stream", ()))
        for output in cell.outputs:
            if output["output_type"] != "stream":
                found.append((index, output["output_type"], _mimes(output.get("data", {}))))
    return found


def _mimes(data: dict[str, Any]) -> tuple[str, ...]:
    rich = "text/html" in data or "image/png" in data
    return tuple(sorted(m for m in data if not (rich and m == "text/plain")))


def streams(notebook: Any) -> list[str]:
    """What each code cell printed to stdout."""
    return [
        "".join(
            o["text"]
            for o in cell.outputs
            if o["output_type"] == "stream" and o.get("name") == "stdout"
        )
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


@pytest.fixture(scope="module")
def executed() -> Any:
    stored = nbformat.read(TOUR, as_version=4)
    notebook = copy.deepcopy(stored)
    path = os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = path  # the kernel inherits it
    try:
        client = nbclient.NotebookClient(
            notebook,
            timeout=180,
            kernel_name="python3",
            resources={"metadata": {"path": str(ROOT / "examples")}},
        )
        client.execute()
    finally:
        if previous is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = previous
    return notebook


def test_the_notebook_is_stored_with_outputs() -> None:
    stored = nbformat.read(TOUR, as_version=4)
    code = [c for c in stored.cells if c.cell_type == "code"]
    assert code
    assert all(cell.outputs for cell in code)
    kinds = {mime for _, _, mimes in shapes(stored) for mime in mimes}
    assert {"text/html", "image/png"} <= kinds


def test_the_notebook_runs_without_errors(executed: Any) -> None:
    errors = [o for _, kind, o in shapes(executed) if kind == "error"]
    assert not errors
    html = "".join(
        output.get("data", {}).get("text/html", "")
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "Vladimir Medinsky" in html
    assert "<mark>" in html  # a quote in its sentence


def test_the_stored_outputs_are_what_the_notebook_prints_today(executed: Any) -> None:
    stored = nbformat.read(TOUR, as_version=4)
    message = "examples/tour.ipynb is stale: run `python examples/build_tour.py`"
    assert shapes(stored) == shapes(executed), message
    assert streams(stored) == streams(executed), message
