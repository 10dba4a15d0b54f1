"""What a renderer is: a configured callable with a name and a media type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from municipal_reports.audit import Finding

__all__ = ["Renderer"]


@runtime_checkable
class Renderer(Protocol):
    """A renderer: options in ``__init__``, pure work in ``__call__``.

    ``__call__`` takes an entity, a whole Report or an audit result (a list of findings),
    the locale ("uk" or "en") and, optionally, the findings of ``audit(obj)`` to show; it
    returns text (``str``) or, for binary formats, ``bytes``. It must not print, write
    files or keep state between calls.

    A third-party package adds a format by declaring an entry point in the group
    ``municipal_reports.renderers`` that names a class of this shape (built with no
    arguments) or a ready instance.
    """

    #: The name ``render(obj, to=...)`` knows the renderer by: "html", "csv".
    name: str
    #: The IANA media type of the output: "text/html; charset=utf-8".
    media_type: str

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str | bytes:
        """Render ``obj`` for ``locale``, marking ``findings`` where the format can."""
        ...
