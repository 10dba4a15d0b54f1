"""Every code example of the documentation runs, so the docs cannot rot.

Two sources of examples:

- the fenced ```python blocks of ``docs/**/*.md`` and ``README.md``: the blocks of one file
  run in order in one namespace (a later block may use an earlier block's names), with the
  repository root as the working directory (so ``examples/...`` paths resolve). A block
  whose first line is ``# not run`` is skipped. A block written in the doctest style
  (its first line starts with ``>>>``) runs as a doctest, so its shown output is checked;
- the ``>>>`` examples in the docstrings of every module of the installed package.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import municipal_reports

ROOT = Path(__file__).resolve().parent.parent
SKIP_MARK = "# not run"
# An opening fence: up to any indentation (admonitions, tabs), three or more backticks or
# tildes, then the language. The closing fence is the same characters at the same indent.
_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)")
_PYTHON = frozenset({"python", "py", "python3", "pycon"})


@dataclass(frozen=True)
class Block:
    """A fenced code block of a Markdown file: where its code starts, and the code."""

    path: Path
    line: int  # 1-based line of the block's first line of code
    lang: str
    code: str

    @property
    def where(self) -> str:
        """``docs/audit.md:12``, for failure messages."""
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def is_doctest(self) -> bool:
        """Whether the block is written as an interactive session (``>>>``)."""
        return self.lang == "pycon" or self.code.lstrip().startswith(">>>")

    @property
    def skipped(self) -> bool:
        """Whether the block opts out with ``# not run`` on its first line."""
        return self.code.lstrip().startswith(SKIP_MARK)


def code_blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, in order, with their indentation removed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _OPENING.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        start = i + 1
        end = start
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line.removeprefix(indent) for line in lines[start:end]]
        blocks.append(Block(path, start + 1, opening["lang"].lower(), "\n".join(body) + "\n"))
        i = end + 1
    return blocks


def python_blocks(path: Path) -> list[Block]:
    """The blocks of ``path`` that are Python examples to run."""
    return [b for b in code_blocks(path) if b.lang in _PYTHON and not b.skipped]


def run_block(block: Block, namespace: dict[str, Any]) -> None:
    """Run one block in ``namespace``; a failure names the file and line of the block."""
    if block.is_doctest:
        test = doctest.DocTestParser().get_doctest(
            block.code, namespace, block.where, str(block.path), block.line - 1
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report: list[str] = []
        runner.run(test, out=report.append, clear_globs=False)
        namespace.update(test.globs)  # the test ran on a copy; later blocks see its names
        if runner.failures:
            pytest.fail(f"doctest failed in {block.where}:\n{''.join(report)}", pytrace=False)
        return
    # Padding with blank lines makes a traceback point at the line in the Markdown file.
    source = "\n" * (block.line - 1) + block.code
    try:
        exec(compile(source, str(block.path), "exec"), namespace)
    except Exception as exc:
        raise AssertionError(f"the example at {block.where} failed: {exc!r}") from exc


def markdown_files() -> list[Path]:
    """README.md and every Markdown page under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_examples_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python block of a page runs, in order, in one namespace per page."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": f"docs_example_{path.stem}"}
    for block in python_blocks(path):
        run_block(block, namespace)


def _modules() -> list[str]:
    package = municipal_reports.__path__
    found = pkgutil.walk_packages(package, prefix="municipal_reports.")
    # __main__ is left out: importing it runs the command line.
    names = sorted(m.name for m in found if not m.name.endswith("__main__"))
    return ["municipal_reports", *names]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    """The ``>>>`` examples in the docstrings of a module of the package hold."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True, verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


# The collector itself: a wrong parser would make the tests above pass vacuously.


def test_the_collector_finds_blocks_their_lines_and_the_skip_mark(tmp_path: Path) -> None:
    """Fenced blocks are found with their language, first code line and dedented code."""
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n"
        "```python\n"
        "x = 1\n"
        "```\n"
        "```bash\n"
        "echo no\n"
        "```\n"
        '!!! note "Indented"\n'
        "    ```python\n"
        "    y = x + 1\n"
        "    ```\n"
        "```python\n"
        "# not run\n"
        "open('missing')\n"
        "```\n",
        encoding="utf-8",
    )
    blocks = code_blocks(page)
    assert [(b.lang, b.line) for b in blocks] == [
        ("python", 3),
        ("bash", 6),
        ("python", 10),
        ("python", 13),
    ]
    assert blocks[2].code == "y = x + 1\n"
    assert [b.line for b in python_blocks(page)] == [3, 10]


def test_a_failing_block_names_its_file_and_line(tmp_path: Path) -> None:
    """A block that raises fails the test with the Markdown file and line of the block."""
    page = tmp_path / "page.md"
    page.write_text("text\n\n```python\nok = 1\n1 / 0\n```\n", encoding="utf-8")
    (block,) = python_blocks(page)
    bad = Block(ROOT / "docs" / "page.md", block.line, block.lang, block.code)
    with pytest.raises(AssertionError, match=r"docs/page\.md:4") as info:
        run_block(bad, {})
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_a_doctest_block_checks_its_output(tmp_path: Path) -> None:
    """A ``>>>`` block passes when its output is right, fails when wrong, and shares names."""
    good = Block(ROOT / "docs" / "page.md", 1, "python", ">>> 1 + 1\n2\n")
    namespace: dict[str, Any] = {}
    run_block(good, namespace)
    run_block(Block(ROOT / "docs" / "page.md", 4, "python", ">>> answer = 42\n"), namespace)
    assert namespace["answer"] == 42
    wrong = Block(ROOT / "docs" / "page.md", 7, "python", ">>> 1 + 1\n3\n")
    with pytest.raises(pytest.fail.Exception, match=r"docs/page\.md:7"):
        run_block(wrong, {})
