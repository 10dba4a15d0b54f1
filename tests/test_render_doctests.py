"""The examples in the render modules' docstrings hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "municipal_reports.render.registry",
    "municipal_reports.i18n.labels",
    "municipal_reports.i18n",
    "municipal_reports.render.markdown",
    "municipal_reports.render.base",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """Every docstring example of the module gives the output it shows."""
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_package_docstring_example() -> None:
    """The render package's docstring example holds."""
    package = importlib.import_module("municipal_reports.render")
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner()
    for test in finder.find(package, "municipal_reports.render"):
        runner.run(test)
    assert runner.summarize(verbose=False).attempted > 0
    assert runner.summarize(verbose=False).failed == 0
