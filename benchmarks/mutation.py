"""Mutation testing of the time logic and the reconciliation core, one module at a time.

Run (from the checkout; slow, not part of CI; needs the ``mutation`` extra)::

    python benchmarks/mutation.py run                 # every module below, one after another
    python benchmarks/mutation.py run time bounds     # some of them
    python benchmarks/mutation.py rerun               # only the survivors, after adding tests
    python benchmarks/mutation.py resume              # only the mutants an interrupted run left
    python benchmarks/mutation.py report [--write]    # the table of docs/mutation.md

mutmut (configured in ``[tool.mutmut]`` of pyproject.toml) copies the checkout into
``mutants/``, rewrites each function of the modules below into variants, and runs,
per variant, only the tests that reached that function. A variant no test notices
"survives". Each survivor must be killed by a test that states a behaviour, or be
listed below with the reason it cannot be told apart (``EQUIVALENT``), or with the
reason mutmut cannot switch it on (``NOT_SWITCHABLE``: the function runs once, while
the module is imported, before any variant is chosen).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = Path(sys.executable).with_name("mutmut")

#: Short name -> (source file, module) of every mutated module, in the order they run.
MODULES = {
    "time": ("src/negotiations/model/_time.py", "negotiations.model._time"),
    "bounds": ("src/negotiations/model/_bounds.py", "negotiations.model._bounds"),
    "claims": ("src/negotiations/reconcile/_claims.py", "negotiations.reconcile._claims"),
    "rules": ("src/negotiations/reconcile/_rules.py", "negotiations.reconcile._rules"),
    "dates": ("src/negotiations/corpus/_dates.py", "negotiations.corpus._dates"),
    "engine": ("src/negotiations/reconcile/_engine.py", "negotiations.reconcile._engine"),
}

#: Functions whose variants mutmut cannot switch on: they run at import time (building
#: a validator or a table), before a variant is chosen. Their behaviour is tested anyway.
NOT_SWITCHABLE = {
    "negotiations.model._time.x__int_in__mutmut_*": (
        "builds the PartialDate field validators at import; month/day ranges are tested in "
        "tests/model/test_hedges_and_durations.py"
    ),
}

#: Variants that behave exactly like the original (mutant name pattern -> why).
EQUIVALENT: dict[str, str] = {
    "negotiations.reconcile._rules.x_origin__mutmut_1[456]": (
        "the message of an unreachable assertion (every claim has a `source:` label)"
    ),
    "negotiations.reconcile._claims.x__era_scope__mutmut_[23]": (
        "the `None` branch of `_era_scope` is never taken: `_scope_eras` names the era of "
        "undated claims itself (a test checks it is 'undated')"
    ),
    "negotiations.reconcile._rules.xǁAfterEventOverBeforeǁweigh__mutmut_8": (
        "`statistics.get(event) if statistics else None` -> `if True`: the engine always "
        "passes what `prepare` returned, a mapping, and an empty one gives None either way"
    ),
    "negotiations.reconcile._rules.x__check_weights__mutmut_[69]": (
        "`key.split(':', 1)[0]` -> `split(':')[0]` / `split(':', 2)[0]`: the part before the "
        "first colon is the same however many later colons are split"
    ),
    "negotiations.reconcile._claims.x__era_scope__mutmut_1[26]": (
        "drops the argument `Precision.DAY` of `PartialDate.of`, which is its default"
    ),
    "negotiations.reconcile._claims.x__era_scope__mutmut_19": (
        "an era ends at a day boundary (title windows are whole days), so 2 µs before it is "
        "the same day as 1 µs before it"
    ),
    "negotiations.reconcile._claims.x_form_claims__mutmut_2[78]": (
        "the last tie-breaker of the claim order: two claims of one assertion never tie on "
        "key, answer and polarity (an implied exclusion is about another value)"
    ),
    "negotiations.reconcile._claims.x__claim__mutmut_8": (
        "the answer of a title claim is only compared with the answers of the same "
        "question, all title claims, so any one constant serves"
    ),
    "negotiations.reconcile._claims.x__claim__mutmut_2[56]": (
        "the answer of a title claim is only compared with the answers of the same "
        "question, all title claims, so any one constant serves"
    ),
    "negotiations.model._time.xǁDurationǁinterval__mutmut_20": (
        "the else branch of `max(0.1 * total, largest / 2 if single else 0.1 * total)` only "
        "repeats the first argument; any smaller value there (`0.1 / total`) changes nothing"
    ),
    "negotiations.model._bounds.x_hedge_interval__mutmut_45": (
        "drops the argument `high_closed=True`, which is its default"
    ),
    "negotiations.model._bounds.x_hedge_interval__mutmut_57": (
        "drops the argument `high_closed=True`, which is its default"
    ),
    "negotiations.model._time.xǁPartialDateǁas_date__mutmut_9": (
        "`month or 1` -> `month or 2`: a date known to the day always has its month"
    ),
    # corpus/_dates.py, numbered as in the source with the fixes of branch mutation-dates
    "negotiations.corpus._dates.x__weekday_span__mutmut_24": (
        "`0 if low <= anchor <= high and False`: the span holding the anchor then "
        "measures to its nearer end; the other candidate is that span a whole week off, further"
    ),
    "negotiations.corpus._dates.x__weekday_span__mutmut_2[78]": (
        "`low < anchor` / `anchor < high`: with the anchor on that end, the distance "
        "to the nearer end is 0 as well"
    ),
    "negotiations.corpus._dates.x__weekday_span__mutmut_43": (
        "ties broken by the end instead of the start: both candidate spans are `gap` "
        "days long, so the one that starts first ends first"
    ),
    "negotiations.corpus._dates.x__resolve_weekday__mutmut_14": (
        "`wd(+1)` -> `wd(None)`: dateutil reads a weekday without n as +1"
    ),
    "negotiations.corpus._dates.x__resolve_weekday__mutmut_42": (
        "the message for a weekday with no occurrence on either side of the anchor: "
        "every weekday occurs within a week on at least one side inside the calendar"
    ),
    "negotiations.corpus._dates.x__resolve_weekday__mutmut_49": (
        "`<=` -> `<` between the days back and ahead: they add up to 7, so they never tie "
        "(both 0 is the anchor day, decided above)"
    ),
    "negotiations.corpus._dates.x__shift__mutmut_2": (
        "`anchor + relativedelta(weekday=wd)` -> `anchor - ...`: negating a relativedelta "
        "keeps its weekday, and it has nothing else to negate"
    ),
    "negotiations.corpus._dates.x__clean__mutmut_3": (
        "`previous = None` -> `''`: the loop is then skipped only for an empty text, which "
        "has no leading word to strip"
    ),
    "negotiations.corpus._dates.x__day__mutmut_[24]": (
        "the precision DAY of `PartialDate.of` dropped or None: every caller passes a "
        "`date`, not a `datetime`, which `of` keeps to the day whatever the precision"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_3[34]": (
        "the entry 'in recent hours': `_clean` has already stripped the leading 'in', "
        "so 'recent hours' (tested) is what is compared"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_128": (
        "`match.group(1) or ''` -> `or 'XXXX'`: neither is 'last' or 'next', so both "
        "keep the direction given"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_162": (
        "`(n + 23) // 24` -> `/ 24` days: a timedelta keeps the whole days of a "
        "non-negative count and `date - timedelta` ignores the rest"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_24[7-9]": (
        "the branch 'explicit year' is never reached: four digits are read above as an "
        "ISO date (tested: '2022' -> 'explicit ISO date')"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_25[01]": (
        "the branch 'explicit year' is never reached: four digits are read above as an "
        "ISO date (tested: '2022' -> 'explicit ISO date')"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_25[57]": (
        "no default for dateutil in 'March 2022': it fills the day from today but "
        "clamps it to the month, and only the month and year it reads are kept"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_26[4-6]": (
        "the default day of 'March 2022' (year 2001, month 2 or day 2 instead): the text "
        "gives month and year, and the day, valid in every month, is dropped"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_287": (
        "the year 2000 -> 2001 used without an anchor: a day and month without a year and "
        "without an anchor has been refused above, so the text gives the year"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_299": (
        "the default month of 'May 13': the text always gives the month"
    ),
    "negotiations.corpus._dates.x__resolve__mutmut_300": (
        "the default day of 'May 13': the text always gives the day"
    ),
    "negotiations.corpus._dates.x__day_range__mutmut_15": (
        "`if match.group(1)` -> `group(2)`: both are required in one alternative of "
        "_DAY_RANGE, so one is set exactly when the other is"
    ),
    "negotiations.corpus._dates.x__day_range__mutmut_3[89]": (
        "`anchor.year if anchor else 0`: with no year and no anchor the function has "
        "already raised, so the anchor is always there"
    ),
    "negotiations.corpus._dates.x__resolve_slavic__mutmut_12": (
        "`match.group(1) or ''` -> `or 'XXXX'`: the qualifier is only tested for "
        "Russian and Ukrainian prefixes, which neither starts with"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_9": (
        "a reference day without an anchor: any two in different years, months, days of the "
        "month and leap-year cycles read an expression alike only if it states its year"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_1[01]": (
        "a reference day without an anchor: any two in different years, months, days of the "
        "month and leap-year cycles read an expression alike only if it states its year"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_1[89]": (
        "a reference day without an anchor: any two in different years, months, days of the "
        "month and leap-year cycles read an expression alike only if it states its year"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_20": (
        "a reference day without an anchor: any two in different years, months, days of the "
        "month and leap-year cycles read an expression alike only if it states its year"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_53": (
        "the tense of the calendar-edge check: it picks which date dateparser reads from the "
        "reference day, never whether it reads one"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_6[345]": (
        "the day that tells a calendar edge from an unknown form: any ordinary day "
        "reads every form dateparser knows"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_81": (
        "`_need_day(None, text)`: readings differ only when the anchor is not known to "
        "the day (then both reference days are the anchor), and then it raises the same message"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_8[5-9]": (
        "the re-reading after `_need_day` never runs: readings differ only when the "
        "anchor is not known to the day, and `_need_day` then raises"
    ),
    "negotiations.corpus._dates.x__dateparser__mutmut_9[0-6]": (
        "the re-reading after `_need_day` never runs: readings differ only when the "
        "anchor is not known to the day, and `_need_day` then raises"
    ),
    "negotiations.corpus._dates.x__truncate__mutmut_2[13]": (
        "the default of `_PERIODS.get`: dateparser returns a date only with the period "
        "day, week, month or year ('time' needs RETURN_TIME_AS_PERIOD); week is handled above"
    ),
    "negotiations.corpus._dates.x__parse_with__mutmut_19": (
        "`direction or ''` -> `or 'XXXX'`: neither is a key, both give 'current_period'"
    ),
    "negotiations.corpus._dates.x__parse_with__mutmut_24": (
        "RETURN_AS_TIMEZONE_AWARE=True only attaches the zone: the date read is the same "
        "(checked with and without a zone in the text, local zone UTC, Moscow, New York)"
    ),
    "negotiations.corpus._dates.x__parse_with__mutmut_3[89]": (
        "the fallback of `data.period`: dateparser returns a date only with a period, "
        "and without a date the period is never used"
    ),
    "negotiations.corpus._dates.x__parse_with__mutmut_4[12]": (
        "the fallback of `data.locale`: dateparser names the locale of every date it "
        "returns, and without a date the locale is never used"
    ),
}

_STATUS = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    None: "not checked",
}
_TIMEOUTS = {24, -24, 152, 255, 36}


def status(exit_code: int | None) -> str:
    if exit_code in _TIMEOUTS:
        return "killed"  # a variant that hangs is noticed (mutmut's "timeout")
    return _STATUS.get(exit_code, "suspicious")


def reason(name: str, table: dict[str, str]) -> str | None:
    return next((why for pattern, why in table.items() if fnmatch.fnmatch(name, pattern)), None)


def results(short: str) -> dict[str, str]:
    """Mutant name -> killed / survived / equivalent / not switchable / no tests / not checked."""
    path = ROOT / "mutants" / (MODULES[short][0] + ".meta")
    if not path.exists():
        return {}
    codes: dict[str, int | None] = json.loads(path.read_text())["exit_code_by_key"]
    out = {}
    for name, code in codes.items():
        state = status(code)
        if state == "survived" and reason(name, EQUIVALENT):
            state = "equivalent"
        elif state == "survived" and reason(name, NOT_SWITCHABLE):
            state = "not switchable"
        out[name] = state
    return out


def run(modules: Sequence[str], only: tuple[str, ...] = (), jobs: int | None = None) -> None:
    """Run every mutant of each module, or only those whose state is in ``only``,
    ``jobs`` at a time (default: one per core)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # mutants/src, not src
    env["HYPOTHESIS_PROFILE"] = "mutation"  # see tests/conftest.py
    for short in modules:
        _, module = MODULES[short]
        if only:
            names = [n for n, s in results(short).items() if s in only]
            if not names:
                continue
        else:
            names = [f"{module}.*"]
        print(f"== {short}: {len(names) if only else 'all'} mutants", flush=True)
        subprocess.run(
            [str(MUTMUT), "run", "--max-children", str(jobs or os.cpu_count() or 2), *names],
            cwd=ROOT,
            env=env,
            check=False,
        )


def table() -> str:
    rows = [
        "| module | mutants | killed | survived | equivalent | not switchable | no test reaches | not run | killed of non-equivalent |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for short, (source, _) in MODULES.items():
        counts = Counter(results(short).values())
        total = sum(counts.values())
        not_run = counts["not checked"] + counts["suspicious"]
        judged = counts["killed"] + counts["survived"]
        score = f"{100 * counts['killed'] / judged:.1f} %" if judged else "-"
        rows.append(
            f"| `{source.removeprefix('src/negotiations/')}` | {total} | {counts['killed']} | "
            f"{counts['survived']} | {counts['equivalent']} | {counts['not switchable']} | "
            f"{counts['no tests']} | {not_run} | {score} |"
        )
    return "\n".join(rows)


def survivors() -> str:
    lines = []
    for short in MODULES:
        for name, state in sorted(results(short).items()):
            if state == "survived":
                lines.append(f"- `{name}`")
    return "\n".join(lines) or "None."


def write(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for marker, body in (("table", table()), ("survivors", survivors())):
        text = re.sub(
            rf"(<!-- mutation:{marker} -->\n).*?(<!-- /mutation:{marker} -->)",
            lambda m, body=body: m[1] + body + "\n" + m[2],
            text,
            flags=re.S,
        )
    doc.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    for command in ("run", "rerun", "resume"):
        p = sub.add_parser(command)
        p.add_argument("modules", nargs="*", choices=[*MODULES, []], default=list(MODULES))
        p.add_argument("--jobs", type=int, help="mutants run at once (default: one per core)")
    p = sub.add_parser("report")
    p.add_argument("--write", action="store_true", help="update docs/mutation.md")
    args = parser.parse_args(argv)
    if args.command in ("run", "rerun", "resume"):
        only = {"run": (), "rerun": ("survived",), "resume": ("not checked",)}[args.command]
        run(args.modules or list(MODULES), only, args.jobs)
    elif args.write:
        write(ROOT / "docs" / "mutation.md")
    else:
        print(table())
        print()
        print(survivors())


if __name__ == "__main__":
    main()
