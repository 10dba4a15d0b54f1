"""The library's exceptions: one root, and concrete errors that are also builtins.

Every error that reports bad data carries the :class:`Problem` records that say where
(`path`), what (`value`) and why (`reason`), one per fault, all of them at once.
"""

from __future__ import annotations

import pickle
import reprlib
from collections.abc import Iterable

import attrs

from municipal_reports.safe_text import visible

__all__ = [
    "AuditError",
    "InputFileError",
    "InvalidTypeError",
    "InvalidValueError",
    "MunicipalReportsError",
    "ParseError",
    "PluginError",
    "PluginRuntimeError",
    "Problem",
    "StructureError",
]


class MunicipalReportsError(Exception):
    """Root of every exception that municipal-reports raises on purpose.

    Every one survives pickling (a worker process of ``--jobs`` hands its errors back to
    the parent): each class rebuilds itself from the arguments it was made with.
    """


def _rebuild(
    cls: type[Exception], args: tuple[object, ...], kwargs: dict[str, object]
) -> Exception:
    """An error made again from its constructor's arguments (for pickling)."""
    return cls(*args, **kwargs)


def _portable(cause: BaseException) -> BaseException:
    """``cause`` if it pickles, else a RuntimeError that says what it was."""
    try:
        pickle.dumps(cause)
    except Exception:
        return RuntimeError(f"{type(cause).__name__}: {cause}")
    return cause


@attrs.frozen
class Problem:
    """One fault of one value: where it is, what it was, and why it is refused.

    >>> str(Problem("$.amount", -1, "must be >= 0"))
    'must be >= 0 (got -1) @ $.amount'
    """

    path: str
    value: object
    reason: str
    is_type: bool = False

    def __str__(self) -> str:
        # One line whatever the path and reason hold: a key with a newline forges nothing.
        return visible(f"{self.reason} (got {self.value!r}) @ {self.path}", single_line=True)


class _ProblemsError(MunicipalReportsError):
    """An error that carries every problem found in one value or object."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], *, subject: str = "") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        lines = "\n".join(f"  {p}" for p in self.problems)
        head = f"invalid {subject}" if subject else "invalid value"
        count = len(self.problems)
        super().__init__(f"{head}: {count} problem{'s' if count != 1 else ''}\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.problems,), {"subject": self.subject}))

    @property
    def path(self) -> str:
        """The path of the first problem (the only one, for a single value)."""
        return self.problems[0].path

    @property
    def value(self) -> object:
        """The value of the first problem."""
        return self.problems[0].value


class InvalidValueError(_ProblemsError, ValueError):
    """A value of the right type that cannot be: a negative amount, an empty title, NaN."""


class InvalidTypeError(_ProblemsError, TypeError):
    """A value of the wrong type: a float where money is expected, a str for a date."""


def raise_problems(problems: list[Problem], *, subject: str = "") -> None:
    """Raise the right error for a non-empty list of problems (a type fault wins)."""
    if any(p.is_type for p in problems):
        raise InvalidTypeError(problems, subject=subject)
    raise InvalidValueError(problems, subject=subject)


class InputFileError(MunicipalReportsError, OSError):
    """A file the library will not read: not a regular file (a FIFO, a device, a folder), a
    dangling link, or larger than the size limit. Also an ``OSError``, so code that handles
    unreadable files handles these too.

    >>> str(InputFileError("r.json", "is a FIFO, not a regular file"))
    "cannot read 'r.json': is a FIFO, not a regular file"
    """

    def __init__(self, filename: str, reason: str) -> None:
        self.message = visible(f"cannot read {filename!r}: {reason}", single_line=True)
        super().__init__(self.message)
        self.filename = filename
        self.reason = reason

    def __str__(self) -> str:
        # OSError would write "[Errno None] None: 'r.json'" once ``filename`` is set.
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.filename, self.reason), {}))


class PluginError(MunicipalReportsError, ImportError):
    """A plugin (rule pack or renderer) named by an entry point could not be loaded."""

    def __init__(
        self, group: str, name: str, cause: BaseException, *, distribution: str = ""
    ) -> None:
        of = f" of {distribution}" if distribution else ""
        super().__init__(f"plugin {name!r}{of} in group {group!r} failed to load: {cause!r}")
        # After ImportError.__init__, which would reset ``name`` to None.
        self.group = group
        self.name = name
        self.distribution = distribution
        self.cause = cause

    def __reduce__(self) -> tuple[object, ...]:
        args = (self.group, self.name, _portable(self.cause))
        return (_rebuild, (type(self), args, {"distribution": self.distribution}))


class PluginRuntimeError(MunicipalReportsError, RuntimeError):
    """A loaded plugin failed while it worked: a rule raised or returned garbage (in strict
    mode; otherwise the audit reports it as an MR000 finding), or a renderer raised.

    ``name`` is the rule's code or the renderer's name; ``distribution`` the package that
    installed it."""

    def __init__(self, group: str, name: str, distribution: str, cause: BaseException) -> None:
        super().__init__(
            f"plugin {name!r} of {distribution or 'an unknown distribution'} failed: "
            f"{type(cause).__name__}: {cause}"
        )
        self.group = group
        self.name = name
        self.distribution = distribution
        self.cause = cause

    def __reduce__(self) -> tuple[object, ...]:
        args = (self.group, self.name, self.distribution, _portable(self.cause))
        return (_rebuild, (type(self), args, {}))


class AuditError(MunicipalReportsError, ValueError):
    """Raised by :func:`municipal_reports.check`: carries every error finding at once."""

    def __init__(self, findings: Iterable[object]) -> None:
        self.findings = tuple(findings)
        lines = "\n".join(f"  {f}" for f in self.findings)
        super().__init__(f"{len(self.findings)} error finding(s)\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.findings,), {}))


# Short, depth-safe reprs for error lines: a bad value may be a 50 MB array.
_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlevel = 2


class StructureError(MunicipalReportsError, ValueError):
    """A document (JSON) that is not a valid report: every problem at once, each one a
    :class:`Problem` whose path starts at the document root, read as ``message @ $.path``.

    ``source`` names where the document came from (a file name), when known. A problem
    without a value (a missing key) has ``attrs.NOTHING`` as its value.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        count = len(self.problems)
        head = f"invalid report{f' {visible(source, single_line=True)}' if source else ''}"
        lines = "\n".join(f"  {_line(p)}" for p in self.problems)
        super().__init__(f"{head}: {count} problem{'s' if count != 1 else ''}\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.problems,), {"source": self.source}))

    def lines(self) -> list[str]:
        """Each problem as one ``message @ $.path`` line."""
        return [_line(p) for p in self.problems]


def _line(problem: Problem) -> str:
    """One problem as one line, its control characters (newlines too) escaped."""
    if problem.value is attrs.NOTHING:
        line = f"{problem.reason} @ {problem.path}"
    else:
        line = f"{problem.reason} (got {_SHORT.repr(problem.value)}) @ {problem.path}"
    return visible(line, single_line=True)


class ParseError(MunicipalReportsError, ValueError):
    """Text that cannot be read as the value asked for: it names the text and the position.

    >>> str(ParseError("12,3,4", 4, "a second decimal separator", expected="a number"))
    "cannot read '12,3,4' as a number: a second decimal separator (at position 4)"
    """

    def __init__(self, text: str, position: int, reason: str, *, expected: str = "") -> None:
        self.text = text
        self.position = position
        self.reason = reason
        self.expected = expected
        shown = text if len(text) <= 80 else text[:77] + "..."
        what = f" as {expected}" if expected else ""
        message = f"cannot read {shown!r}{what}: {reason} (at position {position})"
        super().__init__(visible(message, single_line=True))

    def __reduce__(self) -> tuple[object, ...]:
        args = (self.text, self.position, self.reason)
        return (_rebuild, (type(self), args, {"expected": self.expected}))
