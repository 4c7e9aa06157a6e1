"""Typed identifiers: a document id can never be passed where an actor id belongs."""

from __future__ import annotations

import re
from typing import NewType

ActorId = NewType("ActorId", str)
PlaceId = NewType("PlaceId", str)
OfficeId = NewType("OfficeId", str)
EventId = NewType("EventId", str)
DelegationId = NewType("DelegationId", str)
DocumentId = NewType("DocumentId", str)
SourceId = NewType("SourceId", str)
AssertionId = NewType("AssertionId", str)
#: The subject of an assertion: an actor, an event or a delegation id.
EntityId = NewType("EntityId", str)

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.:-]*")
