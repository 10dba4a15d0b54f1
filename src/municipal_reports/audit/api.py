"""``audit()`` returns findings; ``check()`` raises one exception carrying every error."""

from __future__ import annotations

from collections.abc import Iterable

from municipal_reports.audit.failed import RULE_FAILED, RULE_FAILED_NAME, rule_failed
from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.audit.registry import ENTRY_POINT_GROUP, RuleSet, default_rules
from municipal_reports.audit.walk import walk
from municipal_reports.errors import AuditError, PluginError

__all__ = ["audit", "check"]


def audit(
    obj: object,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules: RuleSet | None = None,
    strict: bool = False,
) -> list[Finding]:
    """Every finding of every registered rule on ``obj`` and everything inside it.

    ``obj`` is any entity or a whole ``Report``. ``select`` keeps only rules whose code
    starts with, or whose name equals, one of its items (``["MR1", "percent-mismatch"]``);
    ``ignore`` drops rules the same way. Findings come in the order of the tree.

    A rule that fails, or a rule pack that could not be loaded, is one MR000
    ``rule-failed`` finding (an error) and every other rule still runs. ``strict`` raises
    instead: :class:`~municipal_reports.errors.PluginError` for a broken pack,
    :class:`~municipal_reports.errors.PluginRuntimeError` for a failing rule. ``select`` and
    ``ignore`` treat MR000 as a rule of its own: a broken pack is reported when MR000 is
    selected (or nothing is), a chosen rule's failure unless MR000 is ignored.
    """
    ruleset = rules if rules is not None else default_rules()
    if strict and ruleset.broken:
        pack = ruleset.broken[0]
        raise PluginError(
            ENTRY_POINT_GROUP, pack.name, RuntimeError(pack.error), distribution=pack.distribution
        )
    ignored = _names_failed(ignore)
    selected = select is None or _names_failed(select)
    found = (
        [rule_failed(p.name, p.distribution, "$", p.error) for p in ruleset.broken]
        if selected and not ignored
        else []
    )
    walked = walk(obj, ruleset.filtered(select, ignore), strict=strict)
    found.extend(f for f in walked if not (ignored and f.code == RULE_FAILED))
    return found


def _names_failed(selectors: Iterable[str]) -> bool:
    """Whether a selector names MR000 ``rule-failed`` (its code, a prefix of it, its name)."""
    return any(s == RULE_FAILED_NAME or RULE_FAILED.startswith(s) for s in selectors)


def check(
    obj: object,
    *,
    fail_on: Severity = Severity.ERROR,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules: RuleSet | None = None,
    strict: bool = False,
) -> None:
    """Raise :class:`~municipal_reports.errors.AuditError` carrying every finding at least as
    severe as ``fail_on`` (errors by default; ``Severity.WARNING`` is strict mode).
    ``strict`` is :func:`audit`'s: a broken plugin raises rather than being a finding."""
    findings = [
        f
        for f in audit(obj, select=select, ignore=ignore, rules=rules, strict=strict)
        if f.severity.rank >= fail_on.rank
    ]
    if findings:
        raise AuditError(findings)
