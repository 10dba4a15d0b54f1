"""Finding renderers: the entry point group ``municipal_reports.renderers``.

Ours register through the same group as anyone else's (see pyproject.toml), so there is one
way in. Entry points are listed on first use and each is loaded only when asked for, so a
broken plugin breaks only its own name, and says so; a renderer that raises while it works
is a :class:`~municipal_reports.errors.PluginRuntimeError` for its format alone. A plugin
cannot take a built-in renderer's name, whatever module it points at: it is refused with a
warning naming its distribution.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import IO, Final

from municipal_reports.audit import Finding
from municipal_reports.audit.registry import BUILTIN_DISTRIBUTION, distribution_of
from municipal_reports.errors import (
    InvalidValueError,
    MunicipalReportsError,
    PluginError,
    PluginRuntimeError,
    Problem,
)
from municipal_reports.render.base import Renderer
from municipal_reports.safe_text import visible

__all__ = [
    "ENTRY_POINT_GROUP",
    "load_renderer",
    "render",
    "render_chunks",
    "render_to",
    "renderer_names",
    "renderers",
]

log = logging.getLogger(__name__)

#: The entry point group renderers register in.
ENTRY_POINT_GROUP: Final = "municipal_reports.renderers"


def _entry_points() -> dict[str, EntryPoint]:
    # Ours first (by distribution, not module path), so no one else takes a built-in name.
    found: dict[str, EntryPoint] = {}
    eps = sorted(
        entry_points(group=ENTRY_POINT_GROUP),
        key=lambda ep: (distribution_of(ep) != BUILTIN_DISTRIBUTION, ep.name),
    )
    for ep in eps:
        if ep.name in found:
            log.warning(
                "renderer %r of %s refused: the name belongs to %s",
                ep.name,
                distribution_of(ep) or "an unknown distribution",
                distribution_of(found[ep.name]) or "an unknown distribution",
            )
            continue
        found[ep.name] = ep
    return found


def renderer_names() -> list[str]:
    """The names of every registered renderer, sorted; nothing is loaded."""
    return sorted(_entry_points())


def _instantiate(ep: EntryPoint) -> Renderer:
    dist = distribution_of(ep)
    try:
        loaded = ep.load()
        obj = loaded() if isinstance(loaded, type) else loaded
    except Exception as exc:
        raise PluginError(ENTRY_POINT_GROUP, ep.name, exc, distribution=dist) from exc
    if not isinstance(obj, Renderer):
        problem = TypeError(f"{obj!r} has no name, media_type and __call__")
        raise PluginError(ENTRY_POINT_GROUP, ep.name, problem, distribution=dist)
    return obj


def load_renderer(name: str) -> Renderer:
    """The renderer registered as ``name``, built with its default options.

    Raises :class:`~municipal_reports.errors.PluginError` naming the plugin if it fails to
    load, and InvalidValueError if no renderer has that name.
    """
    return _instantiate(_entry_point(name))


def _entry_point(name: str) -> EntryPoint:
    ep = _entry_points().get(name)
    if ep is None:
        raise InvalidValueError(
            [Problem("$.to", name, f"is not a renderer; known: {', '.join(renderer_names())}")],
            subject="renderer",
        )
    return ep


def renderers() -> dict[str, Renderer]:
    """Every registered renderer by name, each built with its default options.

    A plugin that fails to load raises PluginError with its name.
    """
    return {name: _instantiate(ep) for name, ep in sorted(_entry_points().items())}


def render(
    obj: object,
    *,
    to: str,
    locale: str,
    findings: Iterable[Finding] | None = None,
) -> str | bytes:
    """Render ``obj`` with the renderer named ``to`` for ``locale`` ("uk" or "en").

    ``obj`` is an entity, a whole Report or an audit result; ``findings`` (from
    ``audit(obj)``) are shown and their cells marked where the format can.

    >>> from municipal_reports import Money, MoneyBreakdown, MoneyPart
    >>> b = MoneyBreakdown("Видатки", Money(3), (MoneyPart("А", Money(1)), MoneyPart("Б", Money(2))))
    >>> print(render(b, to="markdown", locale="uk"), end="")
    # Видатки
    <BLANKLINE>
    | Складова | Сума, грн |
    | --- | --: |
    | А | 1,00 |
    | Б | 2,00 |
    | **Всього** | **3,00** |
    """
    ep, renderer = _checked(to, locale)
    try:
        output = renderer(obj, locale=locale, findings=findings)
    except MunicipalReportsError:
        raise
    except Exception as exc:
        # A renderer's own fault: a clear error for this format, not a traceback from inside.
        raise PluginRuntimeError(ENTRY_POINT_GROUP, to, distribution_of(ep), exc) from exc
    return _safe(output, to)


def _checked(to: str, locale: str) -> tuple[EntryPoint, Renderer]:
    # babel and num2words: only when rendering
    from municipal_reports.i18n import formatting as i18n

    i18n.check_locale(locale)
    ep = _entry_point(to)
    return ep, _instantiate(ep)


def _safe(output: str | bytes, to: str) -> str | bytes:
    # A plugin's text too: control characters never leave raw (JSON is data: it escapes its
    # own controls, and bidi marks in it are part of the values).
    return visible(output) if isinstance(output, str) and to != "json" else output


def render_chunks(
    obj: object,
    *,
    to: str,
    locale: str,
    findings: Iterable[Finding] | None = None,
) -> Iterator[bytes]:
    """:func:`render`'s output as bytes (text in UTF-8), in pieces made as they are asked
    for when the renderer can make them so (it has a ``chunks`` method taking
    :func:`render`'s arguments and returning an iterable of ``str``: HTML does), else in
    one piece. Joined, the pieces are :func:`render`'s output, byte for byte.

    The locale and the renderer's name are checked at once; a renderer's own fault is a
    :class:`~municipal_reports.errors.PluginRuntimeError` raised while iterating.
    """
    ep, renderer = _checked(to, locale)
    return _chunks(renderer, ep, obj, to, locale, findings)


def _chunks(
    renderer: Renderer,
    ep: EntryPoint,
    obj: object,
    to: str,
    locale: str,
    findings: Iterable[Finding] | None,
) -> Iterator[bytes]:
    try:
        make = getattr(renderer, "chunks", None)
        if callable(make):
            for piece in make(obj, locale=locale, findings=findings):
                yield _encoded(piece, to)
            return
        yield _encoded(renderer(obj, locale=locale, findings=findings), to)
    except MunicipalReportsError:
        raise
    except Exception as exc:
        raise PluginRuntimeError(ENTRY_POINT_GROUP, to, distribution_of(ep), exc) from exc


def _encoded(piece: object, to: str) -> bytes:
    if isinstance(piece, str):
        return (visible(piece) if to != "json" else piece).encode("utf-8")
    if isinstance(piece, bytes):
        return piece
    raise TypeError(f"a renderer gave {type(piece).__name__}, not str or bytes")


def render_to(
    obj: object,
    stream: IO[bytes],
    *,
    to: str,
    locale: str,
    findings: Iterable[Finding] | None = None,
) -> None:
    """Write :func:`render`'s output to the binary ``stream`` (text as UTF-8), a piece at a
    time where the renderer can (see :func:`render_chunks`): an HTML page of a 200 MB
    report is written without ever being held whole.

    >>> import io
    >>> from municipal_reports import Money, MoneyBreakdown, MoneyPart
    >>> b = MoneyBreakdown("Видатки", Money(3), (MoneyPart("А", Money(3)),))
    >>> out = io.BytesIO()
    >>> render_to(b, out, to="html", locale="uk")
    >>> out.getvalue() == render(b, to="html", locale="uk").encode("utf-8")
    True
    """
    for piece in render_chunks(obj, to=to, locale=locale, findings=findings):
        stream.write(piece)
