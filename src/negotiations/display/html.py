"""HTML for notebooks: a meeting, a verdict, a reconciliation summary, the contested list.

Every piece of text goes through :func:`html.escape`; the words are those of
:mod:`negotiations.display.text`, so a notebook says what the terminal says.
Model objects' ``_repr_html_`` methods delegate here.

A verdict or a meeting does not carry its corpus; to show names rather than ids
(and a quote in its sentence) these functions use the corpus or reconciliation they
are given, else the last one the display layer has seen that holds the ids
(see :func:`negotiations.display.remember`).
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from html import escape

from negotiations.corpus import Corpus
from negotiations.display._labels import Labels, corpus_with, remember
from negotiations.display.text import (
    LEGEND,
    answer_sentence,
    conflict_groups,
    contested_topic,
    evidence_line,
    evidence_quote,
    humanise,
    meetings_in_order,
    reports_text,
    side_sentence,
    status_note,
    verdict_sentence,
)
from negotiations.errors import NegotiationsError
from negotiations.model import Assertion, Meeting
from negotiations.reconcile import Reconciliation, Verdict, VerdictStatus

_STYLE = (
    "<style>"
    ".ng{font-family:system-ui,sans-serif;line-height:1.4;max-width:60em}"
    ".ng table{border-collapse:collapse;margin:.3em 0}"
    ".ng td,.ng th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    ".ng .st{border-radius:.3em;padding:0 .4em;font-size:.85em;color:#fff}"
    ".ng .accepted{background:#2e7d32}.ng .rejected{background:#c62828}"
    ".ng .contested{background:#ef6c00}.ng .unconfirmed{background:#757575}"
    ".ng blockquote{margin:.2em 0 .6em 1em;color:#333}"
    ".ng mark{background:#fff59d}.ng .muted{color:#666;font-size:.9em}"
    "</style>"
)


def _rec_for(meeting: Meeting) -> Reconciliation | None:
    for ref in reversed(_recent):
        rec = ref()
        if rec is not None and rec.registry is not None:
            try:
                rec.registry.event(meeting.id)
            except NegotiationsError:
                continue
            return rec
    return None


_recent: list[weakref.ref[Reconciliation]] = []


def _seen(rec: Reconciliation) -> None:
    if not any(ref() is rec for ref in _recent):
        _recent.append(weakref.ref(rec))
        del _recent[:-8]


def _badge(status: VerdictStatus) -> str:
    return f'<span class="st {status.value}">{status.value}</span>'


def _wrap(body: str) -> str:
    return f'{_STYLE}<div class="ng">{body}</div>'


# -- a quote in its sentence -----------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def quote_in_sentence(assertion: Assertion, labels: Labels) -> str:
    """The sentence around the quote, escaped, with the quote in ``<mark>`` (the quote
    alone when the document's text is not at hand)."""
    quote = evidence_quote(assertion)
    evidence: object = assertion.evidence
    start, end = getattr(evidence, "start", None), getattr(evidence, "end", None)
    document = getattr(evidence, "document", None)
    text = labels.text_of(document) if isinstance(document, str) else None
    if text is None or not isinstance(start, int) or not isinstance(end, int):
        return f"<mark>{escape(quote)}</mark>"
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    following = _SENTENCE_END.search(text, end)
    right = following.start() if following is not None else len(text)
    return (
        escape(text[left:start])
        + f"<mark>{escape(text[start:end])}</mark>"
        + escape(text[end:right])
    )


# -- a verdict ---------------------------------------------------------------------------


def verdict_html(verdict: Verdict, data: Corpus | Reconciliation | None = None) -> str:
    """The answer (with its status), the evidence with each quote in its sentence, the
    weights that decided it (when the engine gives them) and the rule trace.

    Names come from ``data`` (a corpus or a reconciliation), else from the last
    corpus the display layer has seen that holds the verdict's sources.
    """
    if data is None:
        data = corpus_with(sources={a.source for a in (*verdict.supporting, *verdict.opposing)})
    labels = Labels(data)
    parts = [
        f"<p>{_badge(verdict.status)} <b>{escape(answer_sentence(verdict, labels))}</b></p>",
        f'<p class="muted">{escape(status_note(verdict))}</p>',
    ]
    for title, items in (
        ("Evidence for", verdict.supporting),
        ("Evidence against", verdict.opposing),
    ):
        if not items:
            continue
        count = reports_text(len({a.source for a in items}))
        parts.append(f"<h4>{title} ({count})</h4><ul>")
        for assertion in items:
            parts.append(
                f"<li>{escape(evidence_line(assertion, verdict, labels))}"
                f"<blockquote>{quote_in_sentence(assertion, labels)}</blockquote></li>"
            )
        parts.append("</ul>")
    parts.append(_contributions_html(verdict, labels))
    if verdict.trace:
        steps = "".join(
            f"<li><b>{escape(s.rule)}</b>: {escape(humanise(s.decision, verdict, labels))}<br>"
            f'<span class="muted">because {escape(humanise(s.reason, verdict, labels))}</span></li>'
            for s in verdict.trace
        )
        parts.append(
            f"<details><summary>Reasons ({len(verdict.trace)} steps)</summary><ol>{steps}</ol></details>"
        )
    return _wrap("".join(parts))


def _contributions_html(verdict: Verdict, labels: Labels) -> str:
    """What each rule added to (+) or took from (−) the winning margin."""
    if not verdict.contributions:
        return ""
    rows = "".join(
        f"<tr><td>{escape(c.rule)}</td><td>{escape(humanise(c.answer, verdict, labels))}</td>"
        f'<td style="text-align:right">{c.amount:+.2f}</td>'
        f"<td>{escape(humanise(c.reason, verdict, labels))}</td></tr>"
        for c in verdict.contributions
    )
    margin = f" (margin {verdict.margin:+.2f})" if verdict.margin is not None else ""
    return (
        f"<h4>Contributions{escape(margin)}</h4><table><tr><th>rule</th><th>answer</th>"
        f"<th>amount</th><th>why</th></tr>{rows}</table>"
    )


# -- a meeting ----------------------------------------------------------------------------


def _titles(rec: Reconciliation | None, person: str, on: dt.date | None) -> str:
    if rec is None or on is None:
        return ""
    try:
        offices = rec.offices(person, at=on)
    except Exception:  # a person the registry does not know has no titles to show
        return ""
    return "; ".join(o.name for o in offices)


def meeting_html(meeting: Meeting, rec: Reconciliation | None = None) -> str:
    """Date, place, status, chair, and each delegation with its members' titles on the day."""
    rec = rec if rec is not None else _rec_for(meeting)
    where = ", ".join(p.name for p in (meeting.venue, meeting.city) if p is not None)
    facts = [
        ("date", str(meeting.when) if meeting.when is not None else "unknown"),
        ("status", meeting.status.value if meeting.status else "unknown"),
        ("mode", meeting.mode.value if meeting.mode else "unknown"),
        ("where", where or "unknown"),
    ]
    for role, actor in (("chaired by", meeting.chair), ("hosted by", meeting.host)):
        if actor is not None:
            facts.append((role, actor.name))
    if meeting.duration is not None:
        facts.append(("lasted", str(meeting.duration)))
    if meeting.absent:
        facts.append(("did not attend", ", ".join(a.name for a in meeting.absent)))
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    parts = [f"<h3>{escape(meeting.name)}</h3><table>{rows}</table>"]
    if meeting.delegations:
        parts.append(
            "<h4>Delegations</h4><table><tr><th>party</th><th>name</th><th>role</th><th>title on the day</th></tr>"
        )
        for delegation in meeting.delegations:
            people = [(delegation.head, "head")] if delegation.head else []
            people += [(m, "member") for m in delegation.members]
            if not people:
                parts.append(
                    f"<tr><td>{escape(delegation.party.name)}</td><td colspan=3>none named</td></tr>"
                )
            for person, role in people:
                assert person is not None
                title = _titles(rec, person.id, meeting.date)
                parts.append(
                    f"<tr><td>{escape(delegation.party.name)}</td><td>{escape(person.name)}</td>"
                    f"<td>{role}</td><td>{escape(title)}</td></tr>"
                )
        parts.append("</table>")
    return _wrap("".join(parts))


# -- the reconciliation ----------------------------------------------------------------------


def contested_html(rec: Reconciliation) -> str:
    """Each contested question once, with every rival answer and the reports behind it."""
    _seen(rec)
    labels = Labels(rec)
    groups = conflict_groups(rec.contested, overlapping=True)
    if not groups:
        return _wrap("<p>Nothing is contested.</p>")
    items = []
    for group in groups:
        verdict = group[0]
        seen: set[tuple[str, str, bool]] = set()
        sides = []
        for side in (side for v in group for side in v.sides):
            ident = (side.key.subject, side_sentence(side, labels, scope=False), side.positive)
            if ident in seen:
                continue
            seen.add(ident)
            reports = "; ".join(sorted({labels.source(a.source) for a in side.assertions}))
            sides.append(
                f"<li>{escape(side_sentence(side, labels, scope=False))} "
                f'<span class="muted">({escape(reports)})</span></li>'
            )
        items.append(
            f"<li>{_badge(VerdictStatus.CONTESTED)} {escape(contested_topic(verdict, labels, group[1:]))}"
            f"<ul>{''.join(sides)}</ul></li>"
        )
    return _wrap(f"<h4>Contested ({len(groups)})</h4><ul>{''.join(items)}</ul>")


def reconciliation_html(rec: Reconciliation) -> str:
    """Counts by status, the legend, the contested questions, the meetings in date order
    and the settled conflicts, each once."""
    _seen(rec)
    labels = Labels(rec)
    counts: dict[VerdictStatus, int] = {}
    for verdict in rec.verdicts:
        counts[verdict.status] = counts.get(verdict.status, 0) + 1
    summary = " ".join(
        f"{_badge(s)} {n}" for s, n in sorted(counts.items(), key=lambda x: x[0].value)
    )
    parts = [
        f"<h3>Reconciliation: {len(rec.verdicts)} verdicts</h3><p>{summary}</p>",
        f'<p class="muted">{escape(LEGEND)}</p>',
        f'<p class="muted">Policy: {escape(" > ".join(rec.policy_rules))}</p>',
        contested_html(rec),
    ]
    if rec.registry is not None:
        rows = "".join(
            f"<tr><td>{escape(str(m.when) if m.when else 'unknown')}</td><td>{escape(m.name)}</td>"
            f"<td>{escape(m.status.value if m.status else 'unknown')}</td>"
            f"<td>{escape(', '.join(p.name for p in (m.venue, m.city) if p is not None))}</td></tr>"
            for m in meetings_in_order(rec)
            if m.when is not None or m.status is not None
        )
        parts.append(
            "<h4>Meetings</h4><table><tr><th>date</th><th>meeting</th><th>status</th><th>where</th></tr>"
            f"{rows}</table>"
        )
    settled = conflict_groups(v for v in rec.conflicts if v.status is not VerdictStatus.CONTESTED)
    items = "".join(
        f"<li>{_badge(g[0].status)} {escape(verdict_sentence(g[0], labels))}</li>" for g in settled
    )
    parts.append(f"<h4>Settled conflicts ({len(settled)})</h4><ul>{items}</ul>")
    return _wrap("".join(parts))


class HTML:
    """Rendered HTML that a notebook displays (``_repr_html_``) and a script can save."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def contested(rec: Reconciliation) -> HTML:
    """The contested list, for a notebook cell: ``contested(rec)``."""
    return HTML(contested_html(rec))


def meeting(rec: Reconciliation, name: str) -> HTML:
    """A meeting with its delegations and their titles on the day, for a notebook cell."""
    return HTML(meeting_html(rec.meeting(name), rec))


__all__ = [
    "HTML",
    "contested",
    "contested_html",
    "meeting",
    "meeting_html",
    "quote_in_sentence",
    "reconciliation_html",
    "remember",
    "verdict_html",
]
