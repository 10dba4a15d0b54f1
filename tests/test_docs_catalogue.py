"""The rule catalogue of the docs is generated from the registry (docs/hooks/rules.py)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from municipal_reports import ListedItems, Rule, Severity, default_rules, rule
from municipal_reports.audit import Hit
from municipal_reports.paths import Path as DocPath

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"docs_hooks_{name}", DOCS / "hooks" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


hooks = _load("rules")


@rule("XR999", "invented-rule", Severity.NOTE, ListedItems, "an invented message {found}")
def _invented(obj: ListedItems, path: DocPath) -> Iterator[Hit]:
    """An invented rule that only the docs tests know.

    It exists to show that a rule appears in the catalogue with no hand edit.

    Why: a catalogue written by hand falls behind the registry.

    Example: «проведено 5 навчань» with a | in the text.
    """
    yield from ()


def test_every_registered_rule_has_its_entry_and_its_row() -> None:
    """Each rule's code, name, severity, summary and both messages are in the catalogue."""
    rules = list(default_rules())
    page = hooks.catalogue(rules)
    table = hooks.summary_table(rules)
    assert f"{len(rules)} rules are registered" in page
    for r in rules:
        summary = hooks.split_doc(r.doc).summary
        assert summary, f"{r.code} has no docstring summary"
        assert f"### {r.code} `{r.name}` {{#{r.code}}}" in page
        assert f"| {r.severity.value} |" in page
        assert summary in page
        assert f"- en: {r.message}" in page
        assert f"[{r.code}](rules.md#{r.code})" in table


def test_a_new_rule_appears_with_no_hand_edit() -> None:
    """A rule added to the rules given to the generator gets an entry and a table row."""
    rules: list[Rule] = [*default_rules(), _invented]
    markdown = hooks.expand("# Rules\n<!-- rule-table -->\n<!-- rule-catalogue -->\n", rules)
    assert "### XR999 `invented-rule` {#XR999}" in markdown
    assert "| [XR999](rules.md#XR999) | `invented-rule` | note |" in markdown
    assert "<!-- rule-" not in markdown


def test_the_docstring_parts_are_set_apart() -> None:
    """Summary, details, "Why:" and "Example:" are cut apart and rendered as admonitions."""
    doc = hooks.split_doc(_invented.doc)
    assert doc.summary == "An invented rule that only the docs tests know."
    assert doc.details == (
        "It exists to show that a rule appears in the catalogue with no hand edit.",
    )
    assert doc.why == "A catalogue written by hand falls behind the registry."
    assert doc.example == "«проведено 5 навчань» with a | in the text."
    section = hooks.rule_section(_invented)
    assert '!!! info "Why it matters"\n\n    A catalogue written by hand' in section
    assert '!!! example "Example"\n\n    «проведено 5 навчань»' in section


def test_a_docstring_without_parts_is_all_summary_and_details() -> None:
    """A docstring with no "Why:" or "Example:" keeps its paragraphs and leaves both empty."""
    doc = hooks.split_doc("First line.\n\n    Second paragraph,\n    on two lines.\n")
    assert doc == hooks.RuleDoc("First line.", ("Second paragraph, on two lines.",), "", "")


def test_a_pipe_in_a_summary_does_not_break_the_table() -> None:
    """The summary table escapes | so that a row keeps its four cells."""

    @rule("XR998", "piped", Severity.NOTE, ListedItems, "m")
    def piped(obj: ListedItems, path: DocPath) -> Iterator[Hit]:
        """Parts | wholes."""
        yield from ()

    row = hooks.summary_table([piped]).splitlines()[-1]
    assert "Parts \\| wholes." in row


def test_pages_without_markers_are_left_alone() -> None:
    """A page with no marker comes back unchanged, without loading the registry."""
    text = "# Page\n\nNo markers here.\n"
    assert hooks.expand(text, rules=()) is text


@pytest.mark.parametrize(
    ("page", "marker"), [("rules.md", "rule-catalogue"), ("audit.md", "rule-table")]
)
def test_the_pages_carry_their_markers(page: str, marker: str) -> None:
    """The catalogue and the audit page hold the markers the hook replaces."""
    assert f"<!-- {marker} -->" in (DOCS / page).read_text(encoding="utf-8")


def test_rest_roles_become_markdown() -> None:
    """The griffe extension makes :class: roles inline code and code-blocks fences."""
    roles = _load("sphinx_roles")
    text = "Make a :class:`Rule`, see :func:`~municipal_reports.audit`.\n\n.. code-block:: toml\n\n    [a]\n    b = 1\n\nAfter."
    assert roles.markdown_of(text) == (
        "Make a `Rule`, see `municipal_reports.audit`.\n\n```toml\n[a]\nb = 1\n```\n\nAfter."
    )


def test_doctest_examples_become_pycon_fences() -> None:
    """A ``>>>`` example and its output, up to the blank line, become one pycon fence."""
    roles = _load("sphinx_roles")
    text = "Words.\n\n    >>> sorted({'b', 'a'})\n    ['a', 'b']\n\nAfter."
    assert roles.markdown_of(text) == (
        "Words.\n\n```pycon\n>>> sorted({'b', 'a'})\n['a', 'b']\n```\n\nAfter."
    )


def test_the_site_fetches_nothing_from_elsewhere() -> None:
    """No mermaid fence (its script comes from a CDN) and no Google font in the config."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "font: false" in config
    assert "name: mermaid" not in config
    for page in DOCS.glob("*.md"):
        assert "```mermaid" not in page.read_text(encoding="utf-8"), page.name
