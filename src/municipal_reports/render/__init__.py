"""Renderers: write reports back out as documents, in Ukrainian and in English."""

__all__: list[str] = []
