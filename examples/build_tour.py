"""Rebuild ``examples/tour.ipynb`` from the cells below and store it with its outputs.

    python examples/build_tour.py

Needs the ``dev`` extra (nbformat, nbclient, ipykernel and the optional extras the
tour uses). The test suite executes the stored notebook again, so it never rots.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent

CELLS: list[tuple[str, str]] = [
    (
        "md",
        "# A tour of `negotiations`\n\n"
        "Five news reports on the Russia–Ukraine talks in Istanbul (May 2025) disagree about "
        "the date, the delegations and who holds which office. This notebook loads them, looks "
        "at the reconciled record, opens a conflict, changes the policy and watches a verdict "
        "change, then exports the record for other tools.",
    ),
    (
        "md",
        "## Load and reconcile\n\nThe bundled seed corpus; `ng.load_corpus(path)` reads your own.",
    ),
    (
        "code",
        "%matplotlib inline\n"
        "import negotiations as ng\n\n"
        "corpus = ng.load_corpus()\n"
        "rec = ng.reconcile(corpus)\n"
        "rec",
    ),
    (
        "md",
        "## A meeting\n\nEvery field comes from an accepted verdict; the delegations show each "
        "member's titles on the day of the meeting.",
    ),
    ("code", 'talks = rec.meeting("istanbul_talks_2025")\ntalks'),
    (
        "md",
        "## Open a conflict\n\nThe reports gave three dates. The verdict shows the answer, each "
        "quote highlighted in its sentence, and what each rule added to the margin.",
    ),
    ("code", 'rec.verdict("istanbul_talks_2025", "date")'),
    (
        "md",
        "## Change the policy, watch the verdict change\n\nUnder the default policy the "
        "weighted rules settle Zelenskyy's position on the negotiations. Keep only two rules "
        "(how firmly it is reported, and whether it was reported after the event) and the "
        "verdicts turn.",
    ),
    (
        "code",
        "from negotiations.display import Labels, verdict_sentence\n\n"
        "labels = Labels(corpus)\n"
        'kept = ("ModalityRank", "AfterEventOverBefore")\n'
        "narrow = ng.Policy(rules=tuple(r for r in ng.default_policy().rules if r.name in kept))\n"
        "other = ng.reconcile(corpus, narrow)\n"
        'for name, result in (("default", rec), ("two rules", other)):\n'
        '    print(f"-- {name}")\n'
        '    for verdict in result.about("Zelenskyy", "position"):\n'
        '        if verdict.key.value.startswith("negotiations:"):\n'
        '            print("  ", verdict_sentence(verdict, labels))',
    ),
    (
        "md",
        "With no rules at all nothing can be decided: every conflict in the evidence is "
        "contested, and each is listed once.",
    ),
    (
        "code",
        "from negotiations.display.html import contested\n\n"
        "contested(ng.reconcile(corpus, ng.Policy(rules=())))",
    ),
    (
        "md",
        "## Tables\n\nOne row per item, names beside ids (`pip install 'negotiations[pandas]'`).",
    ),
    (
        "code",
        "import negotiations.frames as frames\n\n"
        "rows = frames.delegations(rec)\n"
        'rows[rows["meeting_id"] == "istanbul_talks_2025"][["party", "person", "role", "titles"]]',
    ),
    ("code", 'frames.verdicts(rec).query("opposing_reports > 0")[["status", "sentence"]].head(8)'),
    (
        "md",
        "## Pictures\n\nWhich report gave which date, relative to the meeting "
        "(`pip install 'negotiations[plot]'`; `negotiations plot timeline -o timeline.png`).",
    ),
    ("code", "import negotiations.plot as plot\n\nplot.timeline(rec)"),
    ("code", "plot.delegations(rec)"),
    (
        "md",
        "## Export\n\nFollowTheMoney entities, W3C PROV and a network for Gephi "
        "(`pip install 'negotiations[export,graph]'`).",
    ),
    (
        "code",
        "from collections import Counter\n\n"
        "import negotiations.graph as graph\n"
        "from negotiations.export import ftm, prov\n\n"
        "entities = ftm.entities(rec)\n"
        'print("FtM:", dict(Counter(e["schema"] for e in entities)))\n'
        'print("PROV records:", len(prov.document(rec).get_records()))\n'
        "met = graph.met_graph(rec)\n"
        'print("who met whom:", met.number_of_nodes(), "people,", met.number_of_edges(), "pairs")',
    ),
]


def build() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        for kind, text in CELLS
    ]
    return notebook


def main() -> None:
    notebook = build()
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}
    ).execute()
    for index, cell in enumerate(notebook.cells):  # stable ids keep the diff to what changed
        cell["id"] = f"cell-{index:02d}"
        for output in cell.get("outputs", ()):
            data = output.get("data", {})
            # HTML or a picture is what a reader sees; a model's full text repr can run
            # to megabytes, so it is not stored beside them.
            if "text/plain" in data and ("text/html" in data or "image/png" in data):
                del data["text/plain"]
    target = HERE / "tour.ipynb"
    nbformat.write(notebook, target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
