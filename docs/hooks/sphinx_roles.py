"""Griffe extension: the reST bits of our docstrings read as Markdown in the API pages.

The package's docstrings use ``double backticks`` (valid Markdown code too), roles such as
:class:`Rule` and ``.. code-block:: toml`` directives. Roles become inline code and
directives become fenced blocks, and so do doctest examples (``>>>`` up to the next blank
line: their output, «['a', 'b']», would otherwise read as a Markdown link); the docstrings
themselves stay as they are.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

try:
    from griffe import Extension, Object
except ImportError:  # griffe comes with the docs extra; the tests check markdown_of without it
    Extension = object  # type: ignore[assignment,misc]

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj|const):`~?\.?([^`]+)`")
_CODE_BLOCK = re.compile(r"^\.\. code-block:: *(\w*)\n\n((?:[ \t]+\S.*\n?|[ \t]*\n)+)", re.M)


def markdown_of(text: str) -> str:
    """``text`` with reST roles made inline code and code-block directives made fences."""
    text = _ROLE.sub(r"`\1`", text)

    def fence(match: re.Match[str]) -> str:
        body = textwrap.dedent(match[2]).strip("\n")
        return f"```{match[1]}\n{body}\n```\n\n"

    return _fence_doctests(_CODE_BLOCK.sub(fence, text))


def _fence_doctests(text: str) -> str:
    """Each doctest example (``>>>`` to the next blank line) as a ``pycon`` fence."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_fence or not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        body = textwrap.dedent("\n".join(block))
        out.extend(["```pycon", body, "```"])
    return "\n".join(out)


class SphinxRoles(Extension):
    """Rewrites each object's docstring for the Markdown renderer."""

    def on_object(self, *, obj: Object, **kwargs: Any) -> None:
        """Convert the docstring of every loaded object."""
        if obj.docstring is not None:
            obj.docstring.value = markdown_of(obj.docstring.value)
