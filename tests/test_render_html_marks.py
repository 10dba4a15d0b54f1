"""HTML marks link to their findings; the computed percent is labelled; styles by role."""

from __future__ import annotations

import re

from conftest import EXAMPLES_DIR
from municipal_reports import audit, load, render

POWER = EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json"


def _page(locale: str = "uk") -> str:
    document = load(POWER)
    out = render(document, to="html", locale=locale, findings=audit(document))
    assert isinstance(out, str)
    return out


def test_every_mark_links_to_a_finding_of_the_list() -> None:
    """Each link of a mark points at an id that a finding of the list carries."""
    page = _page()
    targets = set(re.findall(r'<a href="#(finding-\d+)"', page))
    ids = set(re.findall(r'<li id="(finding-\d+)"', page))
    assert targets
    assert targets <= ids


def test_a_mark_carries_its_message_on_hover() -> None:
    """The link's title is the finding's message in the page's language."""
    page = _page()
    assert re.search(
        r'<a href="#finding-\d+" title="задекларовано виконання 100%, а фактичне до планового '
        r'становить 80,00%">MR201</a>',
        page,
    )


def test_the_computed_percent_is_labelled() -> None:
    """Under a declared percent the computed one reads «розрахунок: 80,00%» ("computed")."""
    assert "розрахунок: 80,00%" in _page("uk")
    assert "computed: 80.00%" in _page("en")


def test_only_task_cells_are_bold_tasks() -> None:
    """The class «task» marks the cells of the priority-task column only: one per task."""
    document = load(POWER)
    page = _page()
    tasks = sum(len(f.tasks) for s in document.sections for f in s.facts)  # type: ignore[union-attr]
    assert page.count('<td class="task"') == tasks


def test_headers_hyphenate_in_the_pages_language() -> None:
    """The page declares its language and lets header words hyphenate."""
    page = _page()
    assert '<html lang="uk">' in page
    assert "hyphens: auto" in page
