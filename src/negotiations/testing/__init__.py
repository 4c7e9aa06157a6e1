"""Public hypothesis strategies for every model type, and synthetic inputs.

Downstream tools use these to property-test their own code::

    from hypothesis import given
    from negotiations.testing import assertions, reconciliation_inputs

Requires the ``testing`` extra (``pip install negotiations[testing]``).
"""

from negotiations._extras import require

require("hypothesis", "testing", "negotiations.testing")

from negotiations.testing._scale import (  # noqa: E402
    ScaleInput,
    crowded_question,
    office_history,
    scale_input,
)
from negotiations.testing._strategies import (  # noqa: E402 - after the check for the extra
    LAW_CONTEXT,
    actor_values,
    actors,
    assertions,
    attributions,
    clock_times,
    clock_values,
    date_ranges,
    date_values,
    delegation_refs,
    delegations,
    documents,
    durations,
    events,
    identifiers,
    law_assertions,
    meetings,
    model_objects,
    names,
    office_terms,
    offices,
    organizations,
    partial_dates,
    persons,
    places,
    position_values,
    positions,
    predicate_specs,
    publication_dates,
    qualifiers,
    quantities,
    quantity_values,
    reconciliation_inputs,
    record_refs,
    sources,
    states,
    text_anchors,
    time_expressions,
    time_values,
    values,
)
from negotiations.testing._synthetic import synthetic_assertions  # noqa: E402

__all__ = [
    "LAW_CONTEXT",
    "ScaleInput",
    "actor_values",
    "actors",
    "assertions",
    "attributions",
    "clock_times",
    "clock_values",
    "crowded_question",
    "date_ranges",
    "date_values",
    "delegation_refs",
    "delegations",
    "documents",
    "durations",
    "events",
    "identifiers",
    "law_assertions",
    "meetings",
    "model_objects",
    "names",
    "office_history",
    "office_terms",
    "offices",
    "organizations",
    "partial_dates",
    "persons",
    "places",
    "position_values",
    "positions",
    "predicate_specs",
    "publication_dates",
    "qualifiers",
    "quantities",
    "quantity_values",
    "reconciliation_inputs",
    "record_refs",
    "scale_input",
    "sources",
    "states",
    "synthetic_assertions",
    "text_anchors",
    "time_expressions",
    "time_values",
    "values",
]
