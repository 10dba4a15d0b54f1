"""What a renderer is: a configured callable with a name and a media type."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from municipal_reports.audit import Finding

__all__ = ["Renderer", "reproducible_zip"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def reproducible_zip(data: bytes) -> bytes:
    """The same zip (a .docx, a .xlsx) with fixed timestamps: equal documents, equal bytes.

    The zip entries' times, and the document's own «modified» time in
    ``docProps/core.xml`` (which openpyxl sets to the time of saving), are fixed.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()


@runtime_checkable
class Renderer(Protocol):
    """A renderer: options in ``__init__``, pure work in ``__call__``.

    ``__call__`` takes an entity, a whole Report or an audit result (a list of findings),
    the locale ("uk" or "en") and, optionally, the findings of ``audit(obj)`` to show; it
    returns text (``str``) or, for binary formats, ``bytes``. It must not print, write
    files or keep state between calls.

    A renderer of text may also have a ``chunks`` method taking the same arguments and
    returning the same text as an iterable of ``str`` pieces, made as they are asked for:
    :func:`~municipal_reports.render.render_to` then writes a big document without ever
    holding it whole (the HTML renderer does).

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
