"""MkDocs hook: the rule catalogue, generated from the rule registry at build time.

A page that contains the marker ``<!-- rule-catalogue -->`` gets, in its place, every
registered rule (``municipal_reports.default_rules()``) with its code, name, severity, the
types it applies to, its docstring (the "Why:" and "Example:" parts set apart) and its
message in English and Ukrainian. ``<!-- rule-table -->`` gets a one-line-per-rule summary
table linking to the catalogue. A rule added to the registry, by this package or by a
plugin installed beside it, appears with no hand edit.

Only the standard library and municipal_reports are imported here, so the tests can check
the generated Markdown without MkDocs installed.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from municipal_reports import Rule, default_rules
from municipal_reports.i18n.messages import translate

CATALOGUE_MARKER = "<!-- rule-catalogue -->"
TABLE_MARKER = "<!-- rule-table -->"
#: The page the summary table links to.
CATALOGUE_PAGE = "rules.md"

_PART = re.compile(r"^(Why|Example):\s*", re.MULTILINE)


@dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring cut into its parts."""

    summary: str
    details: tuple[str, ...]
    why: str
    example: str


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``, each on one line (docstring line breaks are not meaningful)."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def split_doc(doc: str) -> RuleDoc:
    """Cut a rule's docstring into its summary line, details, "Why:" and "Example:" parts.

    The parts are paragraphs that start with ``Why:`` or ``Example:``; either may be missing.
    """
    parts = {"Why": "", "Example": ""}
    pieces = _PART.split(inspect.cleandoc(doc))
    head = pieces[0]
    for label, text in zip(pieces[1::2], pieces[2::2], strict=True):
        joined = " ".join(_paragraphs(text))
        parts[label] = joined[:1].upper() + joined[1:]
    paragraphs = _paragraphs(head) or [""]
    return RuleDoc(paragraphs[0], tuple(paragraphs[1:]), parts["Why"], parts["Example"])


def _group_title(module_name: str) -> str:
    """A group's heading: the first paragraph of the rules' module docstring."""
    module = sys.modules.get(module_name)
    doc = inspect.cleandoc(getattr(module, "__doc__", None) or "")
    return _paragraphs(doc)[0].rstrip(".") if doc else module_name


def _groups(rules: Iterable[Rule]) -> list[tuple[str, list[Rule]]]:
    """Rules grouped by the module that defines them, groups and rules in code order."""
    by_module: dict[str, list[Rule]] = {}
    for r in sorted(rules, key=lambda r: r.code):
        by_module.setdefault(r.function.__module__, []).append(r)
    return list(by_module.items())


def _types(rule: Rule) -> str:
    return ", ".join(f"`{t.__name__}`" for t in rule.applies_to)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def rule_section(rule: Rule) -> str:
    """The catalogue entry of one rule, in Markdown."""
    doc = split_doc(rule.doc)
    lines = [
        f"### {rule.code} `{rule.name}` {{#{rule.code}}}",
        "",
        f"**{doc.summary}**" if doc.summary else "*(no docstring)*",
        "",
        "| severity | applies to | defined in |",
        "| --- | --- | --- |",
        f"| {rule.severity.value} | {_types(rule)} | `{rule.function.__module__}` |",
        "",
    ]
    for paragraph in doc.details:
        lines += [paragraph, ""]
    if doc.why:
        lines += ['!!! info "Why it matters"', "", _indent(doc.why), ""]
    if doc.example:
        lines += ['!!! example "Example"', "", _indent(doc.example), ""]
    lines += [
        "Message:",
        "",
        f"- en: {translate(rule.message, 'en')}",
        f"- uk: {translate(rule.message, 'uk')}",
        "",
    ]
    return "\n".join(lines)


def catalogue(rules: Iterable[Rule]) -> str:
    """Every rule, grouped by concern, in Markdown."""
    groups = _groups(rules)
    count = sum(len(members) for _, members in groups)
    out = [f"{count} rules are registered.", ""]
    for module_name, members in groups:
        out += [f"## {_group_title(module_name)}", ""]
        out += [rule_section(r) for r in members]
    return "\n".join(out)


def summary_table(rules: Iterable[Rule], page: str = CATALOGUE_PAGE) -> str:
    """One row per rule: code (linking to its catalogue entry), name, severity, summary."""
    rows = ["| code | name | severity | what it finds |", "| --- | --- | --- | --- |"]
    for r in sorted(rules, key=lambda r: r.code):
        summary = split_doc(r.doc).summary.replace("|", "\\|")
        rows.append(
            f"| [{r.code}]({page}#{r.code}) | `{r.name}` | {r.severity.value} | {summary} |"
        )
    return "\n".join(rows) + "\n"


def expand(markdown: str, rules: Iterable[Rule] | None = None, page: str = "") -> str:
    """``markdown`` with its markers replaced by the generated parts (unchanged without)."""
    if CATALOGUE_MARKER not in markdown and TABLE_MARKER not in markdown:
        return markdown
    chosen = list(default_rules() if rules is None else rules)
    # The summary table links to the catalogue; on the catalogue page itself, to anchors.
    target = "" if page == CATALOGUE_PAGE else CATALOGUE_PAGE
    markdown = markdown.replace(CATALOGUE_MARKER, catalogue(chosen))
    return markdown.replace(TABLE_MARKER, summary_table(chosen, target))


def on_page_markdown(markdown: str, *, page: Any, **kwargs: Any) -> str:
    """MkDocs event: expand the markers of each page."""
    return expand(markdown, page=page.file.src_uri)
