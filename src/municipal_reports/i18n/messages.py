"""Finding messages in every language that has a gettext catalogue.

The English text is the message id; translations live in
``municipal_reports/locale/<lang>/LC_MESSAGES/municipal_reports.po``, kept with babel's
tooling (``pybabel extract -k N_``, ``update``). Catalogues are read on first use.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["N_", "available_locales", "translate"]

DOMAIN = "municipal_reports"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, when shown."""
    return message


def _normalise(locale: str) -> str:
    return locale.replace("-", "_").split("_")[0].lower()


@functools.cache
def _catalogue(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    path = resources.files("municipal_reports") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def translate(message: str, locale: str) -> str:
    """``message`` in ``locale``; English (the message itself) when there is no translation."""
    lang = _normalise(locale)
    if lang == "en":
        return message
    return _catalogue(lang).get(message, message)


def available_locales() -> tuple[str, ...]:
    """The locales that have a catalogue, English included."""
    base = resources.files("municipal_reports") / "locale"
    found = sorted(p.name for p in base.iterdir() if p.is_dir())
    return ("en", *found)
