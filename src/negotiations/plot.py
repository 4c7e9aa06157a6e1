"""Pictures of the record (needs the ``plot`` extra: matplotlib, drawn with Agg).

* :func:`timeline` — the meetings on a date axis and, one row per report, when it
  was published and which date it gave for the meeting, coloured by whether that
  answer stands: which report said what, when, relative to the meeting.
* :func:`delegations` — a meeting's delegations side by side: head, members, titles.
* :func:`conflicts` — every conflict in the evidence (contested first) with its
  sides, each bar as long as the number of reports behind it.

Each returns a matplotlib ``Figure`` that belongs to no pyplot state (Agg renders
it when saved; in a notebook, ``%matplotlib inline`` shows it); :func:`save`
writes one to PNG or SVG (``negotiations plot KIND -o FILE.png``).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiations._extras import require
from negotiations.display import Labels, conflict_groups, meetings_in_order
from negotiations.display.text import contested_topic, side_sentence
from negotiations.errors import NegotiationsError
from negotiations.model import DateValue, Meeting, PartialDate
from negotiations.reconcile import Reconciliation, SideStatus, VerdictStatus

require("matplotlib", "plot", "negotiations.plot")  # fail at import, naming the extra


from matplotlib.lines import Line2D  # noqa: E402 - after the check for the extra
from matplotlib.patches import Rectangle  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Colours by what became of an answer (colour-blind-safe Okabe–Ito palette).
COLOURS = {
    "stands": "#009E73",
    "subsumed": "#56B4E9",
    "eliminated": "#D55E00",
    "contested": "#E69F00",
    "unconfirmed": "#999999",
    "published": "#000000",
    "meeting": "#0072B2",
}


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure that belongs to no pyplot state (rendered with Agg when saved), so
    drawing never changes a notebook's or an application's backend."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    return figure, figure.subplots()


def _day(date: PartialDate) -> dt.datetime:
    start, end = date.span()
    return start + (end - start) / 2 if date.day is None else start


def _focus(rec: Reconciliation, meeting: str | None) -> Meeting:
    if meeting is not None:
        return rec.meeting(meeting)
    dated = [m for m in meetings_in_order(rec) if m.date is not None]
    if not dated:
        raise NegotiationsError("no meeting with a known date to draw")
    return max(dated, key=lambda m: len(rec.about(m.id)))


def timeline(rec: Reconciliation, meeting: str | None = None) -> Figure:
    """Meetings, and per report its publication date and the date it gave the meeting."""
    labels = Labels(rec)
    focus = _focus(rec, meeting)
    assert focus.date is not None
    centre = dt.datetime.combine(focus.date, dt.time())
    window = dt.timedelta(days=10)
    verdict = rec.verdict(focus.id, "date")
    status_of: dict[str, str] = {}
    for side in verdict.sides if verdict is not None else ():
        for assertion in side.assertions:
            status_of[assertion.id] = side.status.value
    sources = labels.sources()
    fig, ax = _figure(10, 1.6 + 0.6 * (len(sources) + 1))
    rows = [f"{labels.outlet(s.id) or 'report'} ({s.id.split('_')[0]})" for s in sources]
    for y, source in enumerate(sources, start=1):
        published = labels.published(source.id)
        if published is not None:
            ax.scatter([_day(published)], [y], marker="s", color=COLOURS["published"], zorder=3)
        claims = [
            a
            for side in (verdict.sides if verdict is not None else ())
            for a in side.assertions
            if a.source == source.id and isinstance(a.value, DateValue)
        ]
        for assertion in claims:
            value = assertion.value
            assert isinstance(value, DateValue)
            when = value.expression.value
            if when is None:
                continue
            start, end = when.span()
            colour = COLOURS.get(status_of.get(assertion.id, "unconfirmed"), "#999999")
            ax.plot(
                [start, end], [y, y], color=colour, linewidth=8, alpha=0.8, solid_capstyle="butt"
            )
            if published is not None:
                ax.annotate(
                    "",
                    xy=(start + (end - start) / 2, y),
                    xytext=(_day(published), y),
                    arrowprops={"arrowstyle": "->", "color": colour, "alpha": 0.6},
                )
        words = sorted(
            {f"“{a.value.expression.text}”" for a in claims if isinstance(a.value, DateValue)}
        )
        if words:
            ax.text(
                _day(published) if published is not None else centre,
                y + 0.32,
                ", ".join(words),
                fontsize=7.5,
                va="top",
            )
    nearby = [
        m
        for m in meetings_in_order(rec)
        if m.date is not None and abs(dt.datetime.combine(m.date, dt.time()) - centre) <= window
    ]
    for index, other in enumerate(nearby):
        assert other.date is not None
        day = dt.datetime.combine(other.date, dt.time())
        ax.scatter([day], [0], marker="D", color=COLOURS["meeting"], zorder=3)
        ax.annotate(
            textwrap.shorten(other.name, 48, placeholder="…"),
            xy=(day, 0),
            xytext=(6, 9 + 9 * (index % 3)),
            textcoords="offset points",
            fontsize=7,
            rotation=0,
        )
    ax.axvline(centre, color=COLOURS["meeting"], linestyle="--", linewidth=1)
    ax.set_yticks(range(len(sources) + 1), ["meetings", *rows])
    ax.set_ylim(len(sources) + 0.8, -1.2)
    ax.set_xlim(centre - dt.timedelta(days=4), centre + dt.timedelta(days=2))
    ax.set_title(f"Which report gave which date for {focus.name}", fontsize=10)
    handles = [
        Line2D([], [], color=COLOURS[k], marker=m, linestyle="", label=t)
        for k, m, t in (
            ("published", "s", "published"),
            ("stands", "o", "date that stands"),
            ("subsumed", "o", "less precise, compatible"),
            ("eliminated", "o", "date outweighed"),
            ("meeting", "D", "meeting (reconciled date)"),
        )
    ]
    ax.legend(handles=handles, fontsize=7, loc="lower left", ncols=5, bbox_to_anchor=(0, -0.45))
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def delegations(rec: Reconciliation, meeting: str | None = None) -> Figure:
    """A meeting's delegations side by side: head in bold, members, titles on the day."""
    focus = _focus(rec, meeting)
    parties = focus.delegations
    if not parties:
        raise NegotiationsError(f"{focus.name}: no delegations to draw")
    size = max(1 + len(d.members) for d in parties)
    fig, ax = _figure(3.6 * len(parties), 1.2 + 0.75 * size)
    palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    for x, delegation in enumerate(parties):
        colour = palette[x % len(palette)]
        ax.text(
            x, -0.6, delegation.party.name, ha="center", fontsize=11, weight="bold", color=colour
        )
        people = [(delegation.head, "bold")] if delegation.head else []
        people += [(m, "normal") for m in delegation.members]
        for y, (person, weight) in enumerate(people):
            assert person is not None
            titles = (
                "; ".join(o.name for o in rec.offices(person, at=focus.date))
                if focus.date is not None
                else ""
            )
            box = {"boxstyle": "round", "facecolor": colour, "alpha": 0.15, "edgecolor": colour}
            ax.text(
                x, y, person.name, ha="center", va="center", weight=weight, fontsize=9, bbox=box
            )
            if titles:
                ax.text(x, y + 0.32, textwrap.fill(titles, 40), ha="center", va="top", fontsize=6.5)
    ax.set_xlim(-0.6, len(parties) - 0.4)
    ax.set_ylim(size, -1.1)
    ax.axis("off")
    ax.set_title(f"Delegations at {focus.name} ({focus.when})", fontsize=10)
    fig.tight_layout()
    return fig


def conflicts(rec: Reconciliation, *, settled: bool = True) -> Figure:
    """Every conflict (contested first), each side a bar as long as its number of reports.

    ``settled=False`` draws the contested ones only.
    """
    labels = Labels(rec)
    groups = conflict_groups(rec.contested, overlapping=True)
    if settled:
        groups += conflict_groups(
            v for v in rec.conflicts if v.status is not VerdictStatus.CONTESTED
        )
    bars: list[tuple[str, int, str]] = []
    titles: list[tuple[int, str]] = []
    for group in groups:
        verdict = group[0]
        topic = (
            f"Contested: {contested_topic(verdict, labels, group[1:])}"
            if verdict.status is VerdictStatus.CONTESTED
            else f"Settled: {contested_topic(verdict, labels)}"
        )
        titles.append((len(bars), topic))
        seen: set[tuple[str, str, bool]] = set()
        for side in (side for v in group for side in v.sides):
            ident = (side.key.subject, side_sentence(side, labels, scope=False), side.positive)
            if ident in seen:
                continue
            seen.add(ident)
            reports = len({a.source for a in side.assertions})
            status = side.status.value if side.status is not SideStatus.STANDS else "stands"
            bars.append((side_sentence(side, labels, scope=False), reports, status))
    fig, ax = _figure(11, 1 + 0.38 * (len(bars) + len(titles)))
    y = 0.0
    ticks: list[float] = []
    names: list[str] = []
    starts = dict(titles)
    for index, (sentence, reports, status) in enumerate(bars):
        if index in starts:
            y += 0.6
            ax.text(0, y - 0.55, starts[index], fontsize=8, weight="bold", va="center")
        ax.barh(y, reports, color=COLOURS.get(status, "#999999"), height=0.7)
        ticks.append(y)
        names.append(textwrap.shorten(sentence, 80, placeholder="…"))
        y += 1
    ax.set_yticks(ticks, names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("reports behind the side")
    ax.set_title("Conflicts in the evidence and their sides", fontsize=10)
    handles = [
        Rectangle((0, 0), 1, 1, color=COLOURS[k], label=k)
        for k in ("stands", "subsumed", "eliminated", "contested")
    ]
    ax.legend(handles=handles, fontsize=7, loc="lower right")
    fig.tight_layout()
    return fig


KINDS: dict[str, Callable[[Reconciliation], Figure]] = {
    "timeline": timeline,
    "delegations": delegations,
    "contested": conflicts,
}


def save(kind: str, rec: Reconciliation, path: str | Path) -> str:
    """Draw ``kind`` (timeline, delegations, contested) to ``path`` (.png or .svg)."""
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg"):
        raise NegotiationsError(f"{target}: write a .png or an .svg file")
    if kind not in KINDS:
        raise NegotiationsError(f"unknown plot {kind!r}; one of {', '.join(KINDS)}")
    figure = KINDS[kind](rec)
    figure.savefig(target, dpi=120, bbox_inches="tight")
    return str(target)


__all__ = ["COLOURS", "KINDS", "conflicts", "delegations", "save", "timeline"]
