"""HTML: one self-contained page (styles inline), drawn by a jinja2 template with autoescape.

Every piece of text goes through jinja2's escaping; the only values written unescaped are
bar widths, which are numbers computed here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal

import jinja2

from municipal_reports.audit import Finding
from municipal_reports.domain import Percent
from municipal_reports.i18n import formatting as i18n
from municipal_reports.i18n.labels import label
from municipal_reports.render.layout import layout
from municipal_reports.safe_text import visible

__all__ = ["HtmlRenderer"]


@functools.cache
def _environment() -> jinja2.Environment:
    # Built on first use, then shared: a jinja2 Environment is safe to share once set up.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("municipal_reports.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


# Column widths of the official form, in percent of the page: the texts get the room.
_FORM_WIDTHS = (3, 13, 17, 6, 10, 7, 7, 7, 7, 23)


def _bar_width(p: Percent) -> str:
    """The bar's width in percent of the cell, 0 to 100, as plain digits."""
    value = min(max(p.value, Decimal(0)), Decimal(100))
    return f"{value.normalize():f}"


_BATCH = 4096


def _batched(chunks: Iterator[str]) -> Iterator[str]:
    """The template's output a few thousand chunks at a time: jinja yields a piece per
    cell attribute, and a write or a join per piece costs more than the piece."""
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == _BATCH:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)


class HtmlRenderer:
    """A self-contained HTML page: the official form, with execution bars per measure and,
    when findings are given, the offending cells marked and the findings listed."""

    name = "html"
    media_type = "text/html; charset=utf-8"

    def __init__(self, template: str = "page.html.j2") -> None:
        self.template = template

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as an HTML page."""
        return "".join(self.chunks(obj, locale=locale, findings=findings))

    def chunks(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> Iterator[str]:
        """The HTML page of ``obj`` in pieces, made as they are asked for: a big report's
        page is written out without ever being one string (see
        :func:`~municipal_reports.render.render_to`)."""
        page = layout(obj, locale=locale, findings=findings)
        chunks = (
            _environment()
            .get_template(self.template)
            .generate(
                page=page,
                pct=lambda p: i18n.format_percent(p, locale),
                bar_width=_bar_width,
                over=lambda p: p.value > 100,
                form_widths=_FORM_WIDTHS,
                computed=label("computed", locale),
            )
        )
        # Control characters are single characters: escaping piece by piece is escaping
        # the whole.
        return map(visible, _batched(chunks))
