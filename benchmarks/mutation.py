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
import random
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
    "negotiations.reconcile._engine.x__conflicts__mutmut_5": (
        "`and` -> `or` where two answers of one question have the same text: they differ "
        "only in polarity, and the positive and negative answers of one era always overlap "
        "(an era is a connected chain of overlapping windows)"
    ),
    "negotiations.reconcile._engine.x__conflicts__mutmut_24": (
        "answers to different questions reach `_conflicts` from the sweep in `_overlapping`, "
        "which yields only pairs whose windows overlap (or an undated one): the check repeats it"
    ),
    "negotiations.reconcile._engine.x__overlapping__mutmut_32": (
        "`<=` -> `<` lets windows that only touch through the sweep; `_conflicts`' own overlap "
        "check then refuses them"
    ),
    "negotiations.reconcile._engine.x__conflicts__mutmut_44": (
        "the last `return False` is not reached: answers to one question return first, and "
        "answers to different questions are only paired within time-scoped or stance buckets"
    ),
    "negotiations.reconcile._engine.x__overlapping__mutmut_18": (
        "`j > i` -> `j >= i` adds the pair (i, i), which `_Rivals.index` skips (same key)"
    ),
    "negotiations.reconcile._engine.x__leave_one_out__mutmut_7": (
        "`strict=True` -> `None`: origins and their publishers are built together, one each"
    ),
    "negotiations.reconcile._engine.x__leave_one_out__mutmut_5[02]": (
        "the default of `loss.get(key, {})`: every publisher that said something has an "
        "origin, so is in `loss`"
    ),
    "negotiations.reconcile._engine.x__leave_one_out__mutmut_61": (
        "`> 1e-12` -> `>= 1e-12`: other origins' evidence would have to sum to exactly 1e-12 "
        "(a guard against rounding, not a threshold any input reaches)"
    ),
    "negotiations.reconcile._engine.x__contributions__mutmut_7": (
        "`reasons[name]` is a dict used as an ordered set: its values are never read"
    ),
    "negotiations.reconcile._engine.x__learn_trust__mutmut_3[13]": (
        "the default of `agreement.get(key, 0)`: a publisher counted on a question always "
        "has an agreement entry (added with it, if only 0)"
    ),
    "negotiations.reconcile._engine.x_prepare_questions__mutmut_9": (
        "questions in another order: agreement is summed in whole numbers, exact in any "
        "order (the law that lets a run be partitioned)"
    ),
    "negotiations.reconcile._engine.xǁWeigherǁstatic_weight__mutmut_18": (
        "keeping no weight: each factor is then weighed again for the decision, the same "
        "value (a cache, not a behaviour)"
    ),
    "negotiations.reconcile._engine.xǁ_Candidateǁlabel__mutmut_14": (
        "`and` -> `or`: a value with text only answers yes/no or single-valued questions, "
        "where both branches show the value's own label"
    ),
    "negotiations.reconcile._engine.xǁ_Rivalsǁindex__mutmut_20": (
        "pooling nothing: exact answers are then also compared pair by pair, finding the "
        "rivals the pool already gives (twice over; the pool is for speed)"
    ),
    "negotiations.reconcile._engine.x__cross_buckets__mutmut_1[05]": (
        "another tag for the holder or hierarchy bucket: tags only need to differ from one "
        "another (only 'stance' is read)"
    ),
    "negotiations.reconcile._engine.x__cross_buckets__mutmut_2[56]": (
        "the issue in a stance bucket: a stance predicate's values are positions, which have "
        "an issue; one bucket for every issue only compares more pairs, and stances on "
        "different issues are compatible"
    ),
    "negotiations.reconcile._engine.x__support__mutmut_7": (
        "'yes' -> 'YES': a yes/no answer's question has no other positive answer to contain"
    ),
    "negotiations.reconcile._engine.x__verdict__mutmut_17": (
        "the last tie-breaker between standing answers of one text and opposite polarity: "
        "the two contradict each other within one era, so never both stand"
    ),
    "negotiations.reconcile._engine.xǁ_Rivalsǁindex__mutmut_42": (
        "stance buckets swept, other buckets paired in full: the sweep pairs every "
        "undated answer (stances have no window) with every other, the same pairs"
    ),
    "negotiations.reconcile._engine.x__verdict__mutmut_101": (
        "the default of `next(...)`: an answer lost to a rival of another question is "
        "positive (only positive answers have rivals across questions)"
    ),
    "negotiations.reconcile._engine.x__verdict__mutmut_112": (
        "`if winner or True`: every answer of a question that neither stands nor is "
        "contested was eliminated, so has a winner"
    ),
    "negotiations.reconcile._engine.x_decide_group__mutmut_123": (
        "verdicts sorted by the ClaimKey itself, which orders as its `order` tuple does"
    ),
    "negotiations.reconcile._engine.x__candidates__mutmut_[68]": (
        "sorted by the tuples themselves: ClaimKey orders as its `order` tuple does "
        "(the key is for speed)"
    ),
    "negotiations.reconcile._engine.x__partition__mutmut_2[26]": (
        "`strict=True` -> None/False: claims and their first labels are built together"
    ),
    "negotiations.reconcile._engine.x__verdict__mutmut_190": (
        "every answer opposing: `build` leaves out of the opposing evidence every "
        "assertion that supports the answer"
    ),
    "negotiations.reconcile._engine.x_group_labels__mutmut_47": (
        "another tag for a kind of group: tags only need to differ from one another"
    ),
    "negotiations.reconcile._engine.x_group_labels__mutmut_7": (
        "another tag for a kind of group: tags only need to differ from one another"
    ),
    "negotiations.reconcile._engine.x_group_labels__mutmut_9": (
        "`and` -> `or`: the only time-scoped built-in predicate (holds_office) has exclusive "
        "holders; for others it only joins more questions into one group, same verdicts"
    ),
    "negotiations.reconcile._engine.x__merge_shared__mutmut_15": (
        "`owner` is only read when one assertion's claims fall in two groups, which "
        "`form_claims` never produces (an implied exclusion cites its list, in the list's group)"
    ),
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


#: Where mutmut keeps its results: ``mutants/`` of this checkout, and of any other
#: checkout given with ``report --mutants`` (runs of different modules may be made in
#: separate checkouts, side by side); the newest result file of a module is read.
MUTANTS = [ROOT / "mutants"]


def results(short: str) -> dict[str, str]:
    """Mutant name -> killed / survived / equivalent / not switchable / no tests / not checked."""
    found = [d / (MODULES[short][0] + ".meta") for d in MUTANTS]
    found = [path for path in found if path.exists()]
    if not found:
        return {}
    path = max(found, key=lambda p: p.stat().st_mtime)
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


def run(
    modules: Sequence[str],
    only: tuple[str, ...] = (),
    jobs: int | None = None,
    sample: int | None = None,
) -> None:
    """Run every mutant of each module, or only those whose state is in ``only``,
    ``jobs`` at a time (default: one per core); with ``sample``, a random sample of
    that many of the mutants not yet checked (seeded: the same sample every time)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # mutants/src, not src
    env["HYPOTHESIS_PROFILE"] = "mutation"  # see tests/conftest.py
    for short in modules:
        _, module = MODULES[short]
        if sample:
            waiting = sorted(n for n, s in results(short).items() if s == "not checked")
            names = sorted(random.Random(short).sample(waiting, min(sample, len(waiting))))
        elif only:
            names = [n for n, s in results(short).items() if s in only]
        else:
            names = [f"{module}.*"]
        if not names:
            continue
        print(f"== {short}: {len(names) if only or sample else 'all'} mutants", flush=True)
        subprocess.run(
            [str(MUTMUT), "run", "--max-children", str(jobs or os.cpu_count() or 2), *names],
            cwd=ROOT,
            env=env,
            check=False,
        )


def verify(short: str, tests: Sequence[Path], mutants: Path) -> None:
    """Run ``tests`` (new test files) against each survivor of ``short`` kept in
    ``mutants`` and mark those they kill: the tests are copied into ``mutants/``,
    run once with no mutant (a test that fails there is left out, as it would
    "kill" every mutant), then once per survivor with mutmut's
    ``MUTANT_UNDER_TEST``. Much faster than ``rerun`` when the new tests are few."""
    env = dict(os.environ, PYTHONPATH=str(mutants / "src"), HYPOTHESIS_PROFILE="mutation")
    copies = []
    for test in tests:
        target = mutants / test.resolve().relative_to(ROOT)
        target.write_bytes(test.read_bytes())
        copies.append(str(target.relative_to(mutants)))
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *copies]
    env.pop("MUTANT_UNDER_TEST", None)
    clean = subprocess.run(
        [*pytest[: -len(copies)], "-rf", *copies],
        cwd=mutants,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if clean.returncode not in (0, 1):
        raise SystemExit(f"the new tests do not run in {mutants}:\n{clean.stdout[-2000:]}")
    failing = re.findall(r"^FAILED (\S+)", clean.stdout, re.M)
    deselect = [arg for test_id in failing for arg in ("--deselect", test_id)]
    if failing:
        print(f"left out (fail with no mutant): {', '.join(failing)}")
    meta_path = mutants / (MODULES[short][0] + ".meta")
    meta = json.loads(meta_path.read_text())
    survivors = [n for n, code in meta["exit_code_by_key"].items() if code == 0]
    killed = 0
    for name in survivors:
        env["MUTANT_UNDER_TEST"] = name
        run = subprocess.run(
            [*pytest, *deselect], cwd=mutants, env=env, capture_output=True, check=False
        )
        if run.returncode == 1:  # a test failed; 2+ is an error of the run itself
            meta["exit_code_by_key"][name] = 1
            killed += 1
    meta_path.write_text(json.dumps(meta))
    print(f"== {short}: {killed} of {len(survivors)} survivors killed by {', '.join(copies)}")


def table(previous: dict[str, str] | None = None) -> str:
    """The summary table; a module with no results here keeps its row from ``previous``
    (the table as the docs show it), so a run of some modules updates only theirs."""
    rows = [
        "| module | mutants | killed | survived | equivalent | not switchable | no test reaches | not run | killed of non-equivalent |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for short, (source, _) in MODULES.items():
        name = f"`{source.removeprefix('src/negotiations/')}`"
        ran = any(state != "not checked" for state in results(short).values())
        if not ran and previous and name in previous:
            rows.append(previous[name])
            continue
        counts = Counter(results(short).values())
        total = sum(counts.values())
        not_run = counts["not checked"] + counts["suspicious"]
        judged = counts["killed"] + counts["survived"]
        score = f"{100 * counts['killed'] / judged:.1f} %" if judged else "-"
        rows.append(
            f"| {name} | {total} | {counts['killed']} | "
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


def shown_rows(text: str) -> dict[str, str]:
    """The rows of the table a page shows, by module."""
    block = re.search(r"<!-- mutation:table -->\n(.*?)<!-- /mutation:table -->", text, re.S)
    rows = block[1].splitlines() if block else []
    return {row.split("|")[1].strip(): row for row in rows if row.startswith("| `")}


def write(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for marker, body in (("table", table(shown_rows(text))), ("survivors", survivors())):

        def replace(found: re.Match[str], body: str = body) -> str:
            return found[1] + body + "\n" + found[2]

        text = re.sub(
            rf"(<!-- mutation:{marker} -->\n).*?(<!-- /mutation:{marker} -->)",
            replace,
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
        p.add_argument(
            "--sample",
            type=int,
            help="run a seeded random sample of this many mutants not yet checked "
            "(after a first `run` has listed them; for modules too slow to run whole)",
        )
    p = sub.add_parser("verify", help="run new test files against the survivors")
    p.add_argument("module", choices=list(MODULES))
    p.add_argument("tests", type=Path, nargs="+")
    p.add_argument("--mutants", type=Path, default=ROOT / "mutants", help="mutmut's folder")
    p = sub.add_parser("report")
    p.add_argument("--write", action="store_true", help="update docs/mutation.md")
    p.add_argument(
        "--mutants",
        type=Path,
        nargs="*",
        default=[],
        help="other checkouts' mutants/ folders to read results from too",
    )
    args = parser.parse_args(argv)
    if args.command == "report":
        MUTANTS.extend(args.mutants)
    if args.command == "verify":
        verify(args.module, args.tests, args.mutants)
    elif args.command in ("run", "rerun", "resume"):
        only = {"run": (), "rerun": ("survived",), "resume": ("not checked",)}[args.command]
        run(args.modules or list(MODULES), only, args.jobs, args.sample)
    elif args.write:
        write(ROOT / "docs" / "mutation.md")
    else:
        print(table(shown_rows((ROOT / "docs" / "mutation.md").read_text(encoding="utf-8"))))
        print()
        print(survivors())


if __name__ == "__main__":
    main()
