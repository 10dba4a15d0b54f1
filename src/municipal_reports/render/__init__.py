"""Renderers: write reports back out as documents, in Ukrainian and in English.

>>> from municipal_reports import render, renderers
>>> sorted(renderers())[:3]
['csv', 'csv-excel', 'docx']

A renderer is a configured callable with a ``name`` and a ``media_type``
(:class:`Renderer`); renderers are found through the entry point group
``municipal_reports.renderers``, ours included. Formatting goes through
:mod:`municipal_reports.i18n`, the one package that calls babel.
"""

from municipal_reports.render.base import Renderer
from municipal_reports.render.registry import (
    ENTRY_POINT_GROUP,
    load_renderer,
    render,
    render_chunks,
    render_to,
    renderer_names,
    renderers,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Renderer",
    "load_renderer",
    "render",
    "render_chunks",
    "render_to",
    "renderer_names",
    "renderers",
]
