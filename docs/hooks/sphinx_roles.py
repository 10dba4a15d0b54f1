"""Griffe extension: the reST bits of our docstrings read as Markdown in the API pages.

The package's docstrings use ``double backticks`` (valid Markdown code too), roles such as
:class:`Rule` and ``.. code-block:: toml`` directives. Roles become inline code and
directives become fenced blocks; the docstrings themselves stay as they are.
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

    return _CODE_BLOCK.sub(fence, text)


class SphinxRoles(Extension):
    """Rewrites each object's docstring for the Markdown renderer."""

    def on_object(self, *, obj: Object, **kwargs: Any) -> None:
        """Convert the docstring of every loaded object."""
        if obj.docstring is not None:
            obj.docstring.value = markdown_of(obj.docstring.value)
