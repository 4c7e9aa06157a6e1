"""Pictures: PNG and SVG files that hold a real drawing (size, colours, elements)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from negotiations.reconcile import Reconciliation

pytest.importorskip("matplotlib")

import negotiations.plot as plot

ROOT = Path(__file__).resolve().parents[2]


def distinct_colours(png: Path) -> int:
    import matplotlib.image
    import numpy as np

    pixels = matplotlib.image.imread(str(png))
    rgb = (pixels[..., :3] * 255).astype(np.uint32).reshape(-1, 3)
    packed = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    return len(np.unique(packed))


@pytest.mark.parametrize("kind", sorted(plot.KINDS))
def test_each_chart_is_a_nontrivial_png(rec: Reconciliation, kind: str, tmp_path: Path) -> None:
    path = Path(plot.save(kind, rec, tmp_path / f"{kind}.png"))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 20_000
    assert distinct_colours(path) >= 6  # the palette, text and antialiasing: not a blank


@pytest.mark.parametrize("kind", sorted(plot.KINDS))
def test_each_chart_is_a_nontrivial_svg(rec: Reconciliation, kind: str, tmp_path: Path) -> None:
    path = Path(plot.save(kind, rec, tmp_path / f"{kind}.svg"))
    root = ET.parse(path).getroot()
    elements = [e.tag.rsplit("}", 1)[-1] for e in root.iter()]
    assert elements.count("path") + elements.count("use") >= 20
    assert "Russia" in path.read_text(encoding="utf-8") or kind == "timeline"


def test_the_timeline_colours_the_date_that_stands_apart_from_those_outweighed(
    rec: Reconciliation,
) -> None:
    figure = plot.timeline(rec)
    colours = {
        line.get_color()
        for ax in figure.axes
        for line in ax.get_lines()
        if line.get_linewidth() > 4
    }
    assert {plot.COLOURS["stands"], plot.COLOURS["eliminated"]} <= colours


def test_an_unknown_file_type_is_refused(rec: Reconciliation, tmp_path: Path) -> None:
    with pytest.raises(Exception, match=r"\.png or an \.svg"):
        plot.save("timeline", rec, tmp_path / "chart.gif")


def test_the_plot_command_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "delegations.svg"
    done = subprocess.run(
        [sys.executable, "-m", "negotiations.cli", "plot", "delegations", "-o", str(target)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Vladimir Medinsky" in target.read_text(encoding="utf-8")
