"""Lets a stage package be called as its entry point: ``marsad.entities(text)``, ``marsad.quotes(article)``,
``marsad.events(article)`` — while ``marsad.entities.train`` and friends stay importable submodules.

Python sets ``marsad.entities`` to the package once it is imported, so a plain function of that name would be
shadowed; giving the package module a ``__call__`` serves both uses.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return self.__entry_point__(*args, **kwargs)


def make_callable(module_name: str, entry_point: Callable) -> None:
    module = sys.modules[module_name]
    module.__entry_point__ = entry_point
    module.__class__ = _CallableModule
