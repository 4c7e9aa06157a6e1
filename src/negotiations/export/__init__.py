"""Formats other tools read: FollowTheMoney entities, W3C PROV, a JSON Schema.

* :mod:`negotiations.export.ftm` — Person, Organization, Position, Occupancy,
  Membership, Event and Article entities with their provenance (extra ``export``).
* :mod:`negotiations.export.prov` — PROV-JSON: each verdict derived from its
  assertions, each assertion quoted from its report, reports attributed to outlets
  (extra ``export``).
* :mod:`negotiations.export.schema` — the JSON Schema of ``Reconciliation.to_json()``,
  shipped in the package (no extra needed to read it).
"""
