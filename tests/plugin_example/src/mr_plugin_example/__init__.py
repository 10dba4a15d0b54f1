"""An example renderer plugin: the headings of a report, in capitals, one a line."""

from __future__ import annotations

from collections.abc import Iterable

from municipal_reports import Finding
from municipal_reports.render.layout import Heading, layout

__all__ = ["ShoutRenderer"]


class ShoutRenderer:
    """Every heading of the laid-out page, upper-cased."""

    name = "shout"
    media_type = "text/plain; charset=utf-8"

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as its headings, shouted."""
        page = layout(obj, locale=locale, findings=findings)
        return "".join(b.text.upper() + "\n" for b in page.blocks if isinstance(b, Heading))
