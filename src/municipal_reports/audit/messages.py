"""Moved to :mod:`municipal_reports.i18n.messages`; this name is kept for code written against it."""

from municipal_reports.i18n.messages import N_, available_locales, translate

__all__ = ["N_", "available_locales", "translate"]
