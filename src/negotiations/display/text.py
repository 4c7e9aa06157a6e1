"""Verdicts in words: names instead of ids, answers as sentences, negatives as negatives.

Everything a person reads (the command line, ``explain``, HTML, table exports)
renders through these functions, so a verdict reads the same everywhere::

    Volodymyr Zelenskyy did not attend the Russia–Ukraine direct talks in Istanbul,
    May 2025 (settled: reported after the event, 2 reports against 1)
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence

from negotiations.display._labels import NOT_STATED, Labels
from negotiations.model import (
    ActorValue,
    Assertion,
    DateValue,
    EventValue,
    Meeting,
    ModeValue,
    OfficeValue,
    PartialDate,
    PlaceValue,
    PositionValue,
    StatusValue,
    TextValue,
)
from negotiations.reconcile import Reconciliation, Side, Verdict, VerdictStatus

#: One line that says what the four statuses mean.
LEGEND = (
    "accepted: the answer stands · rejected: outweighed, or only its denial stands · "
    "contested: the rules cannot decide · unconfirmed: only ever expected or speculated"
)

#: (affirmative, negative) sentence per predicate; {s} is the subject, {v} the value.
TEMPLATES: dict[str, tuple[str, str]] = {
    "holds_office": ("{s} held the office of {v}", "{s} did not hold the office of {v}"),
    "described_as": ("{s} was described as {v}", "{s} was not described as {v}"),
    "stated": ("{s} said {v}", "{s} did not say {v}"),
    "travels_to": ("{s} travelled to {v}", "{s} did not travel to {v}"),
    "date": ("{S} took place on {v}", "{S} did not take place on {v}"),
    "city": ("{S} was held in {v}", "{S} was not held in {v}"),
    "venue": ("{S} was held at {v}", "{S} was not held at {v}"),
    "host": ("{v} hosted {s}", "{v} did not host {s}"),
    "status": ("{S} was {v}", "{S} was not {v}"),
    "mode": ("{S} was {v}", "{S} was not {v}"),
    "duration": ("{S} lasted {v}", "{S} did not last {v}"),
    "chair": ("{v} chaired {s}", "{v} did not chair {s}"),
    "mediator": ("{v} mediated {s}", "{v} did not mediate {s}"),
    "party": ("{v} was a party to {s}", "{v} was not a party to {s}"),
    "participant": ("{v} attended {s}", "{v} did not attend {s}"),
    "observer": ("{v} observed {s}", "{v} did not observe {s}"),
    "agenda": ("{v} was on the agenda of {s}", "{v} was not on the agenda of {s}"),
    "outcome": ("{S} resulted in {v}", "{S} did not result in {v}"),
    "led_to": ("{S} led to {v}", "{S} did not lead to {v}"),
    "previous_round": (
        "The previous round of {s} was {v}",
        "The previous round of {s} was not {v}",
    ),
    "time_since_previous": (
        "{S} came {v} after the previous round",
        "{S} did not come {v} after the previous round",
    ),
    "head": ("{v} led {s}", "{v} did not lead {s}"),
    "member": ("{v} was a member of {s}", "{v} was not a member of {s}"),
    "appointed_by": ("{v} appointed {s}", "{v} did not appoint {s}"),
    "support_staff": ("{S} was supported by {v}", "{S} was not supported by {v}"),
    "start_time": ("{S} began at {v}", "{S} did not begin at {v}"),
    "end_time": ("{S} ended at {v}", "{S} did not end at {v}"),
    "size": ("{S} numbered {v}", "{S} did not number {v}"),
    "agreed": ("{v} was agreed at {s}", "{v} was not agreed at {s}"),
}

#: Past tense and base form of each stance, for "Zelenskyy opposed negotiations".
_STANCE_VERBS = {
    "demand": ("demanded", "demand"),
    "propose": ("proposed", "propose"),
    "accept": ("accepted", "accept"),
    "support": ("supported", "support"),
    "concede": ("conceded", "concede"),
    "reject": ("rejected", "reject"),
    "oppose": ("opposed", "oppose"),
}

#: Why a rule preferred one answer, in the words of the brief "settled: ..." note.
RULE_REASONS = {
    "AfterEventOverBefore": "reported after the event",
    "FirstPartyStatements": "the party's own statement",
    "ModalityRank": "more firmly reported",
    "IndependentCorroboration": "more independent reports",
    "SourceReliability": "the more reliable source",
    "SourceTrust": "more trusted sources",
}


def _words(name: str) -> str:
    """``SourceReliability`` -> ``source reliability`` (for rules without a phrase)."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def value_text(value: object, labels: Labels) -> str:
    """A value as a reader would say it: names for ids, quoted words for text."""
    if isinstance(value, ActorValue):
        return labels.name(value.actor)
    if isinstance(value, PlaceValue):
        return labels.name(value.place)
    if isinstance(value, OfficeValue):
        return labels.name(value.office)
    if isinstance(value, EventValue):
        return labels.subject(value.event)
    if isinstance(value, TextValue):
        return f"“{value.text}”"
    if isinstance(value, DateValue):
        expression = value.expression
        if expression.value is None:
            return f"“{expression.text}”"
        return f"{expression.value} (“{expression.text}”)"
    if isinstance(value, StatusValue):
        return value.status.value
    if isinstance(value, ModeValue):
        mode = value.mode.value
        return f"{'an' if mode[0] in 'aeiou' else 'a'} {mode} meeting"
    if isinstance(value, PositionValue):
        return f"{value.stance.value} {value.issue.value.replace('_', ' ')}"
    text = getattr(value, "text", None)
    return str(text) if isinstance(text, str) else str(value)


def _scope_text(scope: str) -> str:
    if not scope or scope == "undated" or "/" not in scope:
        return ""
    start, end = scope.split("/", 1)
    return f" (between {start} and {end})"


def claim_sentence(
    subject: str, predicate: object, value: object, positive: bool, labels: Labels, scope: str = ""
) -> str:
    """One answer as a sentence, negative answers as negatives."""
    predicate = str(getattr(predicate, "value", predicate))  # a Predicate or its name
    if isinstance(value, PositionValue) and predicate == "position":
        past, base = _STANCE_VERBS.get(value.stance.value, (value.stance.value, value.stance.value))
        issue = value.issue.value.replace("_", " ")
        who = labels.subject(subject)
        return f"{who} {past} {issue}" if positive else f"{who} did not {base} {issue}"
    s = labels.subject(subject)
    v = value_text(value, labels)
    affirmative, negative = TEMPLATES.get(predicate, ("{s} " + predicate + " {v}", ""))
    if not negative:
        negative = "not: " + affirmative
    template = affirmative if positive else negative
    sentence = template.format(s=s, S=s[:1].upper() + s[1:], v=v)
    return sentence + _scope_text(scope)


def side_sentence(side: Side, labels: Labels, *, scope: bool = True) -> str:
    """One rival answer as a sentence (with the era it is about, unless ``scope=False``)."""
    key = side.key
    era = key.scope if scope else ""
    return claim_sentence(key.subject, key.predicate, side.value, side.positive, labels, era)


def _sources(assertions: Iterable[Assertion]) -> int:
    return len({a.source for a in assertions})


def reports_text(n: int) -> str:
    return f"{n} report{'s' if n != 1 else ''}"


def deciding_rules(verdict: Verdict) -> tuple[str, ...]:
    """The rule that settled a conflict: with the weighted engine, the one whose
    contribution to the margin was largest; else the last rule of the trace that
    preferred an answer. (A tuple, so a later engine may name several.)"""
    contributions = [c for c in verdict.contributions if c.amount > 0]
    if contributions:
        ranked = sorted(contributions, key=lambda c: -c.amount)
        return (ranked[0].rule,)
    for step in reversed(verdict.trace):
        if step.decision.startswith("prefers"):
            return (step.rule,)
    return ()


def deciding_rule(verdict: Verdict) -> str | None:
    """The first of :func:`deciding_rules`, if any."""
    rules = deciding_rules(verdict)
    return rules[0] if rules else None


def status_note(verdict: Verdict) -> str:
    """Why the answer stands, in a few words: "settled: reported after the event, ..."."""
    n_for, n_against = _sources(verdict.supporting), _sources(verdict.opposing)
    if verdict.status is VerdictStatus.CONTESTED:
        return f"contested: the rules cannot decide, {n_for} against {n_against}"
    if verdict.status is VerdictStatus.UNCONFIRMED:
        return f"unconfirmed: only expected or speculated, {reports_text(n_for)}"
    if verdict.opposing:
        rules = deciding_rules(verdict)
        reasons = [RULE_REASONS.get(rule, _words(rule)) for rule in rules]
        reason = " and ".join(reasons) if reasons else "the more precise answer"
        margin = f" (margin {verdict.margin:.2f})" if verdict.margin is not None else ""
        return f"settled: {reason}{margin}, {reports_text(n_for)} against {n_against}"
    if verdict.status is VerdictStatus.REJECTED:
        return f"rejected: only its denial was reported, {reports_text(n_for)}"
    return f"accepted: {reports_text(n_for)}, none against"


def answer_sentence(verdict: Verdict, labels: Labels) -> str:
    """The verdict's answer as a sentence, without the note."""
    key = verdict.key
    if verdict.status is VerdictStatus.CONTESTED or verdict.value is None:
        rivals = [side_sentence(s, labels) for s in verdict.sides]
        return "Contested: " + " or ".join(_lower_first(r) for r in rivals)
    return claim_sentence(
        key.subject, key.predicate, verdict.value, verdict.positive, labels, key.scope
    )


def verdict_sentence(verdict: Verdict, labels: Labels) -> str:
    """The answer and why, e.g. "X did not attend Y (settled: ..., 2 reports against 1)"."""
    return f"{answer_sentence(verdict, labels)} ({status_note(verdict)})"


def _lower_first(text: str) -> str:
    """Lower the first letter of a sentence starting with "The" or "A" (not of a name)."""
    if text.startswith(("The ", "A ", "An ")):
        return text[:1].lower() + text[1:]
    return text


def _evidence_of(verdict: Verdict) -> frozenset[str]:
    return frozenset(a.id for side in verdict.sides for a in side.assertions) or frozenset(
        a.id for a in (*verdict.supporting, *verdict.opposing)
    )


def conflict_groups(
    verdicts: Iterable[Verdict], *, overlapping: bool = False
) -> tuple[tuple[Verdict, ...], ...]:
    """Verdicts grouped by the evidence they weigh, so each conflict is shown once.

    By default verdicts weighing exactly the same evidence form a group (the two
    mirrored verdicts of a single-holder conflict, "Kostyukov or Gerasimov"); with
    ``overlapping=True`` verdicts that share any evidence do (every contested
    question about the same rival reports, in one place).
    """
    verdicts = tuple(verdicts)
    groups: list[tuple[set[str], list[Verdict]]] = []
    for verdict in verdicts:
        evidence = set(_evidence_of(verdict))
        matches = [g for g in groups if (g[0] & evidence if overlapping else g[0] == evidence)]
        merged: tuple[set[str], list[Verdict]] = (evidence, [verdict])
        for group in matches:
            groups.remove(group)
            merged = (merged[0] | group[0], group[1] + merged[1])
        groups.append(merged)
    order = {id(v): i for i, v in enumerate(verdicts)}
    result = [tuple(sorted(g[1], key=lambda v: order.get(id(v), 0))) for g in groups]
    return tuple(sorted(result, key=lambda g: min(order.get(id(v), 0) for v in g)))


def evidence_line(assertion: Assertion, verdict: Verdict | None, labels: Labels) -> str:
    """One piece of evidence: who reports it, when, how, and (if it answers a rival
    question) what it says; the quote follows on its own line."""
    parts = [labels.source(assertion.source), assertion.modality.value]
    attribution = assertion.attribution
    if attribution.quoted:
        parts.append(f"quoting {labels.name(attribution.quoted)}")
    elif attribution.text:
        parts.append(attribution.text)
    if assertion.qualifiers.title:
        timing = assertion.qualifiers.timing
        colour = (
            f" ({timing.value.replace('_', ' ')})" if timing and timing.value != "current" else ""
        )
        parts.append(f"title: “{assertion.qualifiers.title}”{colour}")
    if verdict is not None and (
        assertion.value != verdict.value or assertion.subject != verdict.key.subject
    ):
        if assertion.qualifiers.complete and verdict.value is not None:
            parts.append(
                f"a list presented as complete that leaves out {value_text(verdict.value, labels)}"
            )
        else:
            said = claim_sentence(
                assertion.subject,
                assertion.predicate,
                assertion.value,
                assertion.is_positive,
                labels,
            )
            parts.append(f"says: {said}")
    elif not assertion.is_positive:
        parts.append("denial")
    return ", ".join(parts)


def evidence_quote(assertion: Assertion) -> str:
    """The exact words of the report, or, for a record from a table, where it is."""
    evidence: object = assertion.evidence
    exact = getattr(evidence, "exact", None)
    if isinstance(exact, str):
        return exact
    dataset, record = getattr(evidence, "dataset", "?"), getattr(evidence, "record", "?")
    field = getattr(evidence, "field", None)
    return f"record {record} of {dataset}" + (f", field {field}" if field else "")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, 100, initial_indent=indent, subsequent_indent=indent + "  ")


def explain_text(verdicts: Sequence[Verdict], labels: Labels) -> str:
    """The answer first, then the evidence (quotes with outlet and date), then the reasons."""
    blocks = []
    for group in conflict_groups(verdicts):
        verdict = group[0]
        lines = [_wrap(verdict_sentence(verdict, labels), "")]
        if labels.ids:
            lines.append(f"  question: {verdict.key}")
        for title, items in (
            ("Evidence for", verdict.supporting),
            ("Evidence against", verdict.opposing),
        ):
            if not items:
                continue
            lines.append(f"  {title} ({reports_text(_sources(items))}):")
            for assertion in items:
                lines.append(_wrap(f"- {evidence_line(assertion, verdict, labels)}:", "    "))
                # The quote is the evidence: printed whole, never wrapped, so it can be found.
                lines.append(f"      “{evidence_quote(assertion)}”")
        if verdict.trace:
            lines.append("  Reasons:")
            for step in verdict.trace:
                lines.append(
                    _wrap(f"- {step.rule}: {humanise(step.decision, verdict, labels)}", "    ")
                )
                lines.append(_wrap(f"because {humanise(step.reason, verdict, labels)}", "      "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


_ID = re.compile(r"\b[a-z0-9][a-z0-9_]*[a-z0-9]\b")


def _short_answers(verdict: Verdict, labels: Labels) -> dict[str, str]:
    """Each side's label in the rule trace, shortened to what tells the sides apart
    ("yes"/"no", the value, or the subject), so a reason reads in one line."""
    sides = {s.label: s for s in verdict.sides}
    if len(sides) < 2:
        return {label: f"“{side_sentence(s, labels)}”" for label, s in sides.items()}
    subjects = {s.key.subject for s in sides.values()}
    values = {value_text(s.value, labels) for s in sides.values()}
    polarities = {s.positive for s in sides.values()}
    out = {}
    for label, side in sides.items():
        parts = []
        if len(subjects) > 1:
            parts.append(labels.name(side.key.subject))
        if len(values) > 1:
            parts.append(value_text(side.value, labels))
        if len(polarities) > 1:
            parts.append("yes" if side.positive else "no")
        out[label] = "“" + ", ".join(parts or [side_sentence(side, labels)]) + "”"
    return out


def humanise(text: str, verdict: Verdict, labels: Labels) -> str:
    """Replace the claim labels a rule trace repeats ("NOT x participant y") by short
    answers, and remaining ids by names."""
    shorts = _short_answers(verdict, labels)
    slots: list[str] = []
    for label in sorted(shorts, key=len, reverse=True):
        if label in text:
            slots.append(shorts[label])
            text = text.replace(label, f"\x00{len(slots) - 1}\x00")
    text = _ORIGIN.sub(lambda m: _origin_words(m.group(1), m.group(2), labels), text)
    text = _ID.sub(lambda m: _name_or_word(m.group(0), labels), text)
    return re.sub("\x00(\\d+)\x00", lambda m: slots[int(m.group(1))], text)


#: An origin label in a reason (``quoted:dmitry_peskov``, ``outlet:tass``,
#: ``source:004_...``): the rules name origins so; a reader wants the name.
#: Ids may hold hyphens and dots (a claim table's ``kyiv-independent``); the last
#: character is a letter or digit, so a sentence's full stop is not taken in.
_ORIGIN = re.compile(r"\b(quoted|outlet|source):([a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?)")


def _origin_words(kind: str, token: str, labels: Labels) -> str:
    if kind == "quoted":
        return f"{_name_or_word(token, labels)}, quoted"
    return _name_or_word(token, labels)


def _name_or_word(token: str, labels: Labels) -> str:
    if labels.kind(token) is not None:
        return labels.name(token)
    if labels.source_of(token) is not None:
        return labels.source(token)
    return token


# -- the reconciliation as a report ----------------------------------------------


def meeting_sort_key(meeting: Meeting) -> tuple[int, str, str]:
    """Meetings in date order; undated ones last, by name."""
    when = meeting.when
    if when is None:
        return (1, "", meeting.name)
    start = when.span()[0]
    return (0, start.isoformat(), meeting.name)


def meetings_in_order(rec: Reconciliation) -> tuple[Meeting, ...]:
    return tuple(sorted(rec.meetings, key=meeting_sort_key))


def meeting_lines(meeting: Meeting, labels: Labels) -> list[str]:
    """A meeting as a few lines: when, where, how, who chaired, delegations, absentees."""
    name = labels.name(meeting.id) if labels.ids else meeting.name
    where = ", ".join(labels.name(p.id) for p in (meeting.venue, meeting.city) if p is not None)
    lines = [name]
    facts = [
        f"date {meeting.when or NOT_KNOWN}",
        f"status {meeting.status.value if meeting.status else NOT_KNOWN}",
        f"mode {meeting.mode.value if meeting.mode else NOT_KNOWN}",
        f"where {where or NOT_KNOWN}",
    ]
    lines.append("  " + " · ".join(facts))
    if meeting.chair is not None:
        lines.append(f"  chaired by {labels.name(meeting.chair.id)}")
    if meeting.host is not None:
        lines.append(f"  hosted by {labels.name(meeting.host.id)}")
    if meeting.duration is not None:
        lines.append(f"  lasted {meeting.duration}")
    for delegation in meeting.delegations:
        head = labels.name(delegation.head.id) if delegation.head else NOT_KNOWN
        members = ", ".join(labels.name(m.id) for m in delegation.members) or "none named"
        lines.append(
            f"  {labels.name(delegation.party.id)} delegation: led by {head}; members: {members}"
        )
    if meeting.absent:
        names = ", ".join(labels.name(a.id) for a in meeting.absent)
        lines.append(f"  did not attend: {names}")
    return lines


NOT_KNOWN = "unknown"


def article_lines(labels: Labels) -> list[str]:
    """Each article by its publisher as the verdicts cite it (outlet, a claim table's
    source, or "report 000"), then its date, title and URL, "not stated" where the
    text is silent; a title that only repeats the publisher's name is left out."""
    lines = []
    for source in labels.sources():
        info = labels.article(source)
        named = labels.publisher_name(source.id) is not None
        parts = [labels.publisher(source.id), f"published {info['published']}"]
        if info["title"] != labels.plain(source.id) or not named:
            parts.append(f"title: {info['title']}")
        if not named:
            parts.append(f"outlet: {info['outlet']}")
        parts.append(f"URL: {info['url']}")
        lines.append(" · ".join(parts) + (f"  [{source.id}]" if labels.ids else ""))
    return lines


def _counts(rec: Reconciliation) -> str:
    counts: dict[str, int] = {}
    for verdict in rec.verdicts:
        counts[verdict.status.value] = counts.get(verdict.status.value, 0) + 1
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))


def contested_lines(group: Sequence[Verdict], labels: Labels) -> list[str]:
    """One contested question (or group): each rival answer with the reports behind it."""
    verdict = group[0]
    lines = [f"Contested: {contested_topic(verdict, labels, group[1:])}"]
    seen: set[tuple[str, str, str, bool]] = set()
    for side in (side for v in group for side in v.sides):
        said = side_sentence(side, labels, scope=False)
        ident = (side.key.subject, side.key.predicate, said, side.positive)
        if ident in seen:
            continue
        seen.add(ident)
        sources = "; ".join(sorted({labels.source(a.source) for a in side.assertions}))
        lines.append(f"  - {side_sentence(side, labels, scope=False)}  ({sources})")
    return lines


def contested_topic(verdict: Verdict, labels: Labels, group: Sequence[Verdict] = ()) -> str:
    """What a contested question (or group of them) is about: "who held the office of
    X", "which offices Y held", or the predicate and subject."""
    verdicts = [verdict, *group]
    key = verdict.key
    sides = [side for v in verdicts for side in v.sides]
    if key.predicate == "holds_office":
        subjects = sorted({s.key.subject for s in sides})
        offices = sorted({s.key.value for s in sides})
        era = _scope_text(key.scope)
        if len(offices) == 1 and len(subjects) == 1:
            return f"whether {labels.name(subjects[0])} held the office of {labels.name(offices[0])}{era}"
        if len(offices) == 1:
            return f"who held the office of {labels.name(offices[0])}{era}"
        if len(subjects) == 1:
            return f"which office {labels.name(subjects[0])} held{era}"
        names = ", ".join(labels.name(s) for s in subjects)
        return f"who held which office ({names}){era}"
    topic = f"{key.predicate.replace('_', ' ')} of {labels.subject(key.subject)}"
    if key.predicate == "position" and key.value:
        return f"{topic} on {key.value.split(':', 1)[0].replace('_', ' ')}"
    if key.value and labels.plain(key.value) != key.value:
        return f"{topic}: {labels.name(key.value)}"
    return topic


def reconciliation_text(
    rec: Reconciliation, labels: Labels, *, show_all: bool = False, markdown: bool = False
) -> str:
    """The whole reconciliation for a reader: contested first, then meetings in date
    order, then the conflicts the rules settled, each once."""

    def heading(title: str) -> list[str]:
        return [f"## {title}", ""] if markdown else [title, "-" * len(title)]

    def item(text: str) -> str:
        return f"- {text}" if markdown else f"* {text}"

    out: list[str] = []
    if markdown:
        out += ["# Reconciliation", ""]
    if rec.registry is not None:
        out.append(f"Registry: {rec.registry.summary()}; {len(rec.sources or {})} reports")
    out.append(f"Policy: {' > '.join(rec.policy_rules)}")
    out.append(
        f"Verdicts: {len(rec.verdicts)} ({_counts(rec)}); "
        f"{len(conflict_groups(rec.conflicts))} conflicts in the evidence"
    )
    out.append(f"Statuses: {LEGEND}")
    out.append("")
    out += heading("Contested (the rules cannot decide)")
    groups = conflict_groups(rec.contested, overlapping=True)
    for group in groups:
        first, *rest = contested_lines(group, labels)
        out.append(item(first))
        out += [f"  {line.strip()}" for line in rest]
    if not groups:
        out.append("nothing is contested")
    out.append("")
    out += heading("Meetings (in date order)")
    for meeting in meetings_in_order(rec):
        if meeting.status is None and meeting.when is None:
            continue
        first, *rest = meeting_lines(meeting, labels)
        out.append(item(f"**{first}**" if markdown else first))
        out += rest
    out.append("")
    out += heading("Settled conflicts")
    for group in conflict_groups(
        v for v in rec.conflicts if v.status is not VerdictStatus.CONTESTED
    ):
        out.append(item(verdict_sentence(group[0], labels)))
    out.append("")
    out += heading("Reports")
    out += [item(line) for line in article_lines(labels)]
    if show_all:
        out.append("")
        out += heading("All verdicts")
        out += [item(verdict_sentence(v, labels)) for v in rec.verdicts]
    return "\n".join(out) + "\n"


def format_date(date: PartialDate | None) -> str:
    return str(date) if date is not None else NOT_STATED


__all__ = [
    "LEGEND",
    "NOT_STATED",
    "RULE_REASONS",
    "TEMPLATES",
    "Labels",
    "answer_sentence",
    "article_lines",
    "claim_sentence",
    "conflict_groups",
    "contested_lines",
    "contested_topic",
    "deciding_rule",
    "deciding_rules",
    "evidence_line",
    "evidence_quote",
    "explain_markdown",
    "explain_text",
    "humanise",
    "meeting_lines",
    "meetings_in_order",
    "reconciliation_text",
    "reports_text",
    "side_sentence",
    "status_note",
    "value_text",
    "verdict_sentence",
]


def explain_markdown(verdicts: Sequence[Verdict], labels: Labels) -> str:
    """:func:`explain_text` as Markdown: a heading per answer, quotes as block quotes."""
    blocks = []
    for group in conflict_groups(verdicts):
        verdict = group[0]
        lines = [f"### {answer_sentence(verdict, labels)}", "", f"*{status_note(verdict)}*", ""]
        if labels.ids:
            lines += [f"Question: `{verdict.key}`", ""]
        for title, items in (
            ("Evidence for", verdict.supporting),
            ("Evidence against", verdict.opposing),
        ):
            if not items:
                continue
            lines += [f"**{title}** ({reports_text(_sources(items))}):", ""]
            for assertion in items:
                lines += [f"- {evidence_line(assertion, verdict, labels)}:", ""]
                lines += [f"  > {evidence_quote(assertion)}", ""]
        if verdict.trace:
            lines += ["**Reasons:**", ""]
            for step in verdict.trace:
                decision = humanise(step.decision, verdict, labels)
                reason = humanise(step.reason, verdict, labels)
                lines.append(f"- *{step.rule}*: {decision}, because {reason}")
            lines.append("")
        blocks.append("\n".join(lines).rstrip())
    return "\n\n".join(blocks) + "\n"
