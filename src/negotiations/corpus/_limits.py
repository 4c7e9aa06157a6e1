"""Resource limits for reading a corpus (documented in docs/limits.md).

A corpus folder is input from elsewhere: a file may be huge, a YAML file may
expand aliases exponentially or nest thousands of levels deep. Each limit turns
such input into a :class:`~negotiations.errors.LimitExceededError` with the file
and line, instead of exhausted memory, a hang or a ``RecursionError``.
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import ModelError


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ModelError("Limits", attribute.name, value, "a positive int")


@frozen(kw_only=True)
class Limits:
    """How much a corpus may ask of the loader; pass your own to ``load_corpus(..., limits=)``."""

    #: Largest article or YAML file, in bytes (the seed articles are under 10 KB).
    max_file_bytes: int = attrs.field(default=4 * 1024 * 1024, validator=_positive)
    #: Most alias uses (``*name``) in one YAML file; each may stand for a large subtree.
    max_yaml_aliases: int = attrs.field(default=100, validator=_positive)
    #: Most values one YAML file may stand for once its aliases are expanded ("billion laughs").
    max_yaml_nodes: int = attrs.field(default=200_000, validator=_positive)
    #: Deepest nesting of YAML mappings and lists (the format needs fewer than 10 levels).
    max_yaml_depth: int = attrs.field(default=50, validator=_positive)
    #: Most files of one kind (articles, annotation files) in one layer.
    max_files: int = attrs.field(default=10_000, validator=_positive)


DEFAULT_LIMITS = Limits()
