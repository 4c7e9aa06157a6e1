"""Every public name and public method of the front door says what it is for (help() reads well)."""

from __future__ import annotations

import inspect

import negotiations as ng


def test_every_public_callable_has_a_docstring() -> None:
    missing = []
    for name in ng.__all__:
        obj = getattr(ng, name)
        if inspect.isclass(obj):
            for attr, raw in vars(obj).items():
                if attr.startswith("_"):
                    continue
                target = raw.fget if isinstance(raw, property) else getattr(obj, attr, None)
                is_method = callable(target) or isinstance(raw, property)
                if is_method and not inspect.isclass(target) and not inspect.getdoc(target):
                    missing.append(f"{name}.{attr}")
        elif callable(obj) and not inspect.getdoc(obj):
            missing.append(name)
    assert missing == []
