"""Golden files: every built-in renderer × every example report × both locales.

The expected outputs live in tests/golden/<renderer>/<example>.<locale>.<ext> and were
reviewed by eye once. After an intended change, regenerate them and review the diff:

    MR_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py

Each report is rendered with its audit findings (``--with-audit``), so the goldens also
show how findings are marked. A .docx file is a zip whose compressed bytes depend on the
zlib version, so its golden is the document part (word/document.xml), compared byte for
byte; the whole file's reproducibility is tested separately.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, EXAMPLES_DIR
from municipal_reports import audit, load, render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MR_UPDATE_GOLDEN") == "1"
EXTENSIONS = {
    "text": "txt",
    "markdown": "md",
    "html": "html",
    "csv": "csv",
    "json": "json",
    "docx": "docx.xml",
}


def rendered_bytes(renderer: str, example: str, locale: str) -> bytes:
    """What the golden file of this combination must hold."""
    document = load(EXAMPLES_DIR / f"{example}.json")
    out = render(document, to=renderer, locale=locale, findings=audit(document))
    if isinstance(out, str):
        return out.encode("utf-8")
    return zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")


@pytest.mark.parametrize("locale", ["uk", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("renderer", sorted(EXTENSIONS))
def test_output_matches_golden_file(renderer: str, example: str, locale: str) -> None:
    """The renderer's output for the example is byte for byte its reviewed golden file."""
    path = GOLDEN / renderer / f"{example}.{locale}.{EXTENSIONS[renderer]}"
    actual = rendered_bytes(renderer, example, locale)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"no golden file {path}: run with MR_UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_bytes()


def test_every_example_has_goldens() -> None:
    """There is a golden file for each renderer, example and locale, and no stray one."""
    expected = {
        GOLDEN / r / f"{e}.{loc}.{ext}"
        for r, ext in EXTENSIONS.items()
        for e in EXAMPLES
        for loc in ("uk", "en")
    }
    assert set(GOLDEN.glob("*/*")) == expected
