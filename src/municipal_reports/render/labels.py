"""Moved to :mod:`municipal_reports.i18n.labels`; this name is kept for code written against it."""

from municipal_reports.i18n.labels import label

__all__ = ["label"]
