"""The CLI family of the hostile-input catalogue (issue 10), run through the real entry
point (``python -m negotiations.cli``) in a shell, as a user runs it.

Each case names the exit status and a text the output must hold; after each the test
checks that there is no traceback, that no corpus file changed, and that a second run
gives the same answer.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus._corpora import ACTORS, write_corpus
from tests.test_cli import _env

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or not Path("/dev/full").exists(),
    reason="runs shell pipelines and /dev/full",
)

#: A folder name that is not UTF-8 (bytes b"caf\xe9"), as Python sees it on POSIX.
NOT_UTF8 = os.fsdecode(b"caf\xe9")


@dataclass(frozen=True)
class CliCase:
    """A shell command line (``{cli}`` is the entry point, ``{valid}``, ``{broken}``,
    ``{odd}`` corpus folders, ``{bad_csv}`` a bad claim table), its exit status, and a
    text that stdout or stderr must hold."""

    name: str
    command: str
    status: int
    says: str
    env: tuple[tuple[str, str], ...] = ()


CLI_CASES = [
    CliCase(
        "validate | head -1 keeps status 1",
        "set -o pipefail; {cli} validate {broken} | head -1",
        1,
        "actors.yaml:",
    ),
    CliCase("validate with stdout closed", "{cli} validate {broken} >&-", 1, ""),
    CliCase(
        "an empty corpus path (an unset variable) for validate",
        "{cli} validate ''",
        2,
        "an empty corpus path",
    ),
    CliCase(
        "an empty corpus path for coverage (read as the current folder before)",
        "{cli} coverage ''",
        2,
        "an empty corpus path",
    ),
    CliCase(
        "a claim table with a corpus layer",
        "{cli} reconcile --claims {bad_csv} --with-reports",
        2,
        "--with-reports cannot apply",
    ),
    CliCase(
        "a chart into a folder that does not exist",
        "{cli} plot timeline -o {valid}/no-such-folder/chart.svg",
        3,
        "cannot write",
    ),
    CliCase(
        "validate into /dev/full",
        "{cli} validate {broken} > /dev/full",
        3,
        "cannot write the output",
    ),
    CliCase(
        "reconcile into /dev/full",
        "{cli} reconcile {valid} --format json > /dev/full",
        3,
        "cannot write the output",
    ),
    CliCase("reconcile with stderr and stdout closed", "{cli} reconcile {broken} >&- 2>&-", 1, ""),
    CliCase(
        "reconcile to an ASCII-only stdout",
        "{cli} reconcile {valid} --all",
        0,
        "Dmitri Peskov",
        (("PYTHONIOENCODING", "ascii"),),
    ),
    CliCase(
        "a lone surrogate in an actor name",
        "{cli} validate {broken}",
        1,
        "actors.yaml:3: invalid YAML: an escaped character '\\udcff'",
    ),
    CliCase(
        "a corpus folder whose name is not UTF-8", "{cli} validate {odd}", 0, "corpus is valid"
    ),
    CliCase(
        "a missing folder whose name is not UTF-8",
        "{cli} validate {odd}-missing",
        1,
        "caf\\udce9-missing: corpus folder not found",
    ),
    CliCase(
        "a missing folder, not UTF-8, to an ASCII stdout",
        "{cli} validate {odd}-missing",
        1,
        "caf\\udce9-missing: corpus folder not found",
        (("PYTHONIOENCODING", "ascii"),),
    ),
    CliCase(
        "explain a name that is not UTF-8",
        "{cli} explain $'\\xff' --corpus {odd}",
        2,
        "no actor",
    ),
    CliCase(
        "a claim table with a NUL byte",
        "{cli} reconcile --claims {bad_csv}",
        2,
        "row 2, column 'source'",
    ),
    CliCase(
        "a missing claim table", "{cli} reconcile --claims {bad_csv}.missing", 2, "cannot read"
    ),
    CliCase("an unknown format", "{cli} reconcile {valid} --format xml", 2, "invalid choice"),
    CliCase("an unknown command", "{cli} frobnicate", 2, "invalid choice"),
]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("cli-hostile")
    valid = write_corpus(
        base / "valid", {"registry/actors.yaml": ACTORS.replace("Dmitry Peskov,", "Dmitrï Peskov,")}
    )
    broken = write_corpus(
        base / "broken",
        {
            "registry/actors.yaml": ACTORS.replace(
                "name: Dmitry Peskov", 'name: "Dmitry \\udcff Peskov"'
            )
        },
    )
    odd = base / NOT_UTF8
    shutil.copytree(valid, odd)
    bad_csv = base / "claims.csv"
    bad_csv.write_bytes(b"source,subject,predicate,value\nTA\x00SS,talks,city,Istanbul\n")
    return {
        "cli": f"{shlex.quote(sys.executable)} -m negotiations.cli",
        "valid": shlex.quote(str(valid)),
        "broken": shlex.quote(str(broken)),
        "odd": shlex.quote(str(odd)),
        "bad_csv": shlex.quote(str(bad_csv)),
        "base": str(base),
    }


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def shell(command: str, env: dict[str, str]) -> tuple[int, str]:
    """Run ``command``; a file name that is not UTF-8 reaches bash as its raw bytes."""
    done = subprocess.run(
        [b"bash", b"-c", os.fsencode(command)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "backslashreplace")


def test_the_cli_family_has_distinct_cases() -> None:
    assert len({case.name for case in CLI_CASES}) == len(CLI_CASES) >= 12


@pytest.mark.parametrize("case", CLI_CASES, ids=[case.name for case in CLI_CASES])
def test_a_hostile_command_line_gets_its_status_and_no_traceback(
    case: CliCase, folders: dict[str, str]
) -> None:
    base = Path(folders["base"])
    before = snapshot(base)
    command = case.command.format(**folders)
    env = _env(**dict(case.env))
    status, output = shell(command, env)
    assert status == case.status, output
    assert case.says in output
    assert "Traceback" not in output
    if dict(case.env).get("PYTHONIOENCODING") == "ascii":
        assert output.isascii()
    assert snapshot(base) == before
    assert shell(command, env) == (status, output)
