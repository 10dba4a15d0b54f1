"""Rules and the registry that finds them through the ``municipal_reports.rules`` group.

A rule is a check function wrapped with its stable code (``MR101``), its name
(``total-mismatch``), a severity, the types it applies to and its message. Other packages
add rules by declaring an entry point in the same group as ours:

.. code-block:: toml

    [project.entry-points."municipal_reports.rules"]
    my-rules = "my_package.rules:RULES"

The entry point names a :class:`Rule` or an iterable of them.

A plugin cannot break the audit: a pack that fails to load is logged and skipped (and
reported by ``audit()`` as an MR000 finding) unless strict mode is asked for; a plugin rule
that takes a built-in rule's code or name, whatever module it points at, is refused with a
warning naming its distribution. Which rules are built in is decided by the distribution
that declares the entry point, never by the module path.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import Any, NamedTuple

import attrs

from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.errors import MunicipalReportsError, PluginError
from municipal_reports.paths import Path

__all__ = [
    "BUILTIN_DISTRIBUTION",
    "ENTRY_POINT_GROUP",
    "BrokenPack",
    "Hit",
    "Rule",
    "RuleSet",
    "default_rules",
    "distribution_of",
    "rule",
]

ENTRY_POINT_GROUP = "municipal_reports.rules"
#: The distribution whose entry points are the built-in rules and renderers.
BUILTIN_DISTRIBUTION = "municipal-reports"

log = logging.getLogger(__name__)


class Hit(NamedTuple):
    """What a check yields: where, what it expected, what it found, extra message values."""

    path: Path
    expected: object
    found: object
    params: tuple[tuple[str, object], ...] = ()


#: A rule's check: given a node and its path, the hits (any iterable: a generator, or a
#: list or tuple, which the walk skips cheaply when empty).
CheckFunction = Callable[[Any, Path], Iterable[Hit]]


@attrs.frozen(cache_hash=True)
class Rule:
    """A consistency rule: a check function with its code, name, severity and message."""

    code: str
    name: str
    severity: Severity
    applies_to: tuple[type, ...]
    message: str
    function: CheckFunction = attrs.field(repr=False)
    #: The distribution that registered the rule; "" for built-in and hand-made rules.
    distribution: str = ""

    @property
    def doc(self) -> str:
        """What the rule checks, why it matters, and an example (the function's docstring)."""
        return (self.function.__doc__ or "").strip()

    def run(self, obj: object, path: Path) -> list[Finding]:
        """Check ``obj`` (found at ``path``) and return a finding for each hit."""
        return self.findings(self.function(obj, path))

    def findings(self, hits: Iterable[Hit]) -> list[Finding]:
        """The findings of this rule for the given hits."""
        return [
            Finding(
                code=self.code,
                name=self.name,
                severity=self.severity,
                path=str(hit.path),
                expected=hit.expected,
                found=hit.found,
                template=self.message,
                params=hit.params,
            )
            for hit in hits
        ]


def rule(
    code: str, name: str, severity: Severity, applies_to: type | tuple[type, ...], message: str
) -> Callable[[CheckFunction], Rule]:
    """Make a :class:`Rule` of the decorated check function."""
    types = applies_to if isinstance(applies_to, tuple) else (applies_to,)

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, types, message, function)

    return wrap


def distribution_of(ep: EntryPoint) -> str:
    """The normalised name of the distribution that declares ``ep`` ("" when unknown)."""
    dist = getattr(ep, "dist", None)
    name = dist.metadata["Name"] if dist is not None else None
    return re.sub(r"[-_.]+", "-", name).lower() if name else ""


@attrs.frozen
class BrokenPack:
    """A rule pack that could not be loaded: its entry point, distribution and the error."""

    name: str
    distribution: str
    error: str


def _matches(rule_: Rule, selectors: frozenset[str]) -> bool:
    return rule_.name in selectors or any(rule_.code.startswith(s) for s in selectors)


@attrs.frozen(cache_hash=True)
class RuleSet:
    """An immutable collection of rules with unique codes and names."""

    rules: tuple[Rule, ...]
    #: The packs that failed to load and were skipped (see :meth:`from_entry_points`).
    broken: tuple[BrokenPack, ...] = ()

    def __attrs_post_init__(self) -> None:
        codes: dict[str, Rule] = {}
        names: dict[str, Rule] = {}
        for r in self.rules:
            if r.code in codes or r.name in names:
                raise MunicipalReportsError(
                    f"two rules share the code or name of {r.code} {r.name}"
                )
            codes[r.code] = r
            names[r.name] = r

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, code_or_name: str) -> Rule:
        for r in self.rules:
            if code_or_name in (r.code, r.name):
                return r
        raise KeyError(code_or_name)

    def filtered(self, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> RuleSet:
        """The rules whose code starts with, or whose name is, one of ``select`` (all when
        ``None``) and none of ``ignore``: ``select=["MR1"]`` keeps the MR1xx rules."""
        if select is None and not ignore:
            return self  # the common call: keep the one object, so its walk plan is reused
        chosen = self.rules
        if select is not None:
            sel = frozenset(select)
            chosen = tuple(r for r in chosen if _matches(r, sel))
        ign = frozenset(ignore)
        if ign:
            chosen = tuple(r for r in chosen if not _matches(r, ign))
        if len(chosen) == len(self.rules):
            return self  # nothing left out: keep the hash and the walk plan cached on self
        return RuleSet(chosen, self.broken)

    @classmethod
    def from_entry_points(cls, group: str = ENTRY_POINT_GROUP, *, strict: bool = False) -> RuleSet:
        """Every rule that the installed packages register in ``group``.

        Built-in rules come first. A plugin pack that fails to load (or names something that
        is not a Rule) is logged and kept in :attr:`broken`, unless ``strict``: then it raises
        :class:`~municipal_reports.errors.PluginError` naming its distribution. A plugin rule
        whose code or name is taken (by a built-in or an earlier plugin) is refused with a
        warning.
        """
        found: list[Rule] = []
        broken: list[BrokenPack] = []
        codes: dict[str, str] = {}
        eps = sorted(
            entry_points(group=group),
            key=lambda ep: (distribution_of(ep) != BUILTIN_DISTRIBUTION, ep.name),
        )
        for ep in eps:
            dist = distribution_of(ep)
            builtin = dist == BUILTIN_DISTRIBUTION
            try:
                items = _rules_of(ep.load())
            except Exception as exc:
                if strict or builtin:
                    raise PluginError(group, ep.name, exc, distribution=dist) from exc
                log.warning("rule pack %r of %s is broken and skipped: %r", ep.name, dist, exc)
                broken.append(BrokenPack(ep.name, dist, f"{type(exc).__name__}: {exc}"))
                continue
            for item in items:
                owner = codes.get(item.code) or codes.get(item.name)
                if owner is not None:
                    log.warning(
                        "rule %s %s of %s refused: its code or name belongs to %s",
                        item.code,
                        item.name,
                        dist or "an unknown distribution",
                        owner,
                    )
                    continue
                codes[item.code] = codes[item.name] = dist
                found.append(item if builtin else attrs.evolve(item, distribution=dist))
            log.debug("loaded %d rule(s) from %s of %s", len(items), ep.name, dist)
        if not any(distribution_of(ep) == BUILTIN_DISTRIBUTION for ep in eps):
            raise MunicipalReportsError(
                "the built-in rules are not registered: install municipal-reports "
                "(pip install .) rather than running it from a source tree"
            )
        return cls(tuple(found), tuple(broken))


def _rules_of(loaded: object) -> list[Rule]:
    items = [loaded] if isinstance(loaded, Rule) else list(loaded)  # type: ignore[call-overload]
    for item in items:
        if not isinstance(item, Rule):
            raise TypeError(f"{item!r} is not a Rule")
    return items


@functools.cache
def default_rules() -> RuleSet:
    """Every registered rule, loaded once on first use."""
    return RuleSet.from_entry_points()
