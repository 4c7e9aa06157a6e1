"""Compatibility re-export: name resolution now lives in :mod:`negotiations.model._names`."""

from negotiations.model._names import Gazetteer, Named, fold, skeleton

__all__ = ["Gazetteer", "Named", "fold", "skeleton"]
