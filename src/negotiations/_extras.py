"""Optional dependencies: a clear library error naming the extra that provides them."""

from __future__ import annotations

import importlib
from types import ModuleType

from negotiations.errors import NegotiationsError


class MissingExtraError(NegotiationsError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{feature} needs {module.split('.')[0]}: pip install 'negotiations[{extra}]'"
        ) from None


def optional(module: str) -> ModuleType | None:
    """Import ``module`` if it is installed, else None: for a dependency that only makes
    something faster or nicer (the same results without it)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None
