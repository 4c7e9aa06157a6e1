"""Rendering verdicts as text a policy analyst can read."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from negotiations.model import Assertion, Registry, Source, SourceId, TextAnchor
from negotiations.reconcile._verdicts import Verdict


def _quote(
    assertion: Assertion, registry: Registry | None, sources: Mapping[SourceId, Source] | None
) -> str:
    source: str = assertion.source
    known = (sources or {}).get(assertion.source)
    if known is not None and known.outlet:
        outlet = registry.label(known.outlet) if registry is not None else known.outlet
        source = f"{source} ({outlet})"
    who = f", quoting {assertion.attribution.quoted}" if assertion.attribution.quoted else ""
    if assertion.attribution.text and not assertion.attribution.quoted:
        who = f", {assertion.attribution.text}"
    title = f" [title: {assertion.qualifiers.title!r}]" if assertion.qualifiers.title else ""
    timing = assertion.qualifiers.timing
    timing_text = f" [{timing.value}]" if timing is not None and timing.value != "current" else ""
    header = _wrap(
        f"- {source}, {assertion.modality.value}{who}{title}{timing_text}:", "    ", "      "
    )
    # The quote is the evidence: printed whole, never wrapped, so it can be searched for.
    if isinstance(assertion.evidence, TextAnchor):
        return f"{header}\n      “{assertion.evidence.exact}”"
    return f"{header}\n      [{assertion.evidence.describe()}]"


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(text, 100, initial_indent=first, subsequent_indent=rest)


def explain_verdict(
    verdict: Verdict,
    registry: Registry | None = None,
    sources: Mapping[SourceId, Source] | None = None,
) -> str:
    lines = [f"{verdict.key}", f"  verdict: {verdict.status.value.upper()}"]
    if verdict.value is not None:
        answer = "holds" if verdict.positive else "does not hold"
        lines.append(f"  answer:  {verdict.label} ({answer})")
    if verdict.trace:
        lines.append("  rule trace:")
        for step in verdict.trace:
            lines.append(_wrap(f"- {step.rule}: {step.decision}", "    ", "      "))
            lines.append(_wrap(f"because {step.reason}", "        ", "        "))
    for title, items in (("supporting", verdict.supporting), ("opposing", verdict.opposing)):
        lines.append(f"  {title} evidence ({len(items)}):")
        for assertion in items:
            lines.append(_quote(assertion, registry, sources))
    return "\n".join(lines)


def explain_verdicts(
    verdicts: Sequence[Verdict],
    registry: Registry | None = None,
    sources: Mapping[SourceId, Source] | None = None,
) -> str:
    return "\n\n".join(explain_verdict(v, registry, sources) for v in verdicts)
