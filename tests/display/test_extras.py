"""Optional extras: without one, importing its module raises the library's error naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("module", "blocked", "extra"),
    [
        ("negotiations.testing", "hypothesis", "testing"),
        ("negotiations.frames", "pandas", "pandas"),
        ("negotiations.graph", "networkx", "graph"),
        ("negotiations.plot", "matplotlib", "plot"),
        ("negotiations.export.ftm", "followthemoney", "export"),
        ("negotiations.export.prov", "prov", "export"),
    ],
)
def test_a_missing_extra_is_named_in_a_library_error(module: str, blocked: str, extra: str) -> None:
    """The dependency is hidden (``sys.modules[name] = None`` makes its import fail)."""
    script = f"""
import importlib, sys
sys.modules[{blocked!r}] = None
from negotiations import MissingExtraError, NegotiationsError
try:
    importlib.import_module({module!r})
except MissingExtraError as error:
    assert isinstance(error, NegotiationsError) and isinstance(error, ImportError)
    print(error)
else:
    print("no error")
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"negotiations[{extra}]" in done.stdout, done.stdout
