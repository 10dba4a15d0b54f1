"""A screenshot of the HTML form taken by headless Chromium (Debian's chromium package).

Skipped where /usr/bin/chromium is absent; .ci/run installs it when it can. The picture in
docs/ was taken this way and reviewed by eye:

    MR_UPDATE_SCREENSHOT=1 python -m pytest tests/test_render_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR, ROOT
from municipal_reports import audit, load, render

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1400, 1800


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium package")
def test_html_form_screenshot(tmp_path: Path) -> None:
    """Chromium opens the rendered form and takes a screenshot of the window's size."""
    document = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    page = tmp_path / "form.html"
    out = render(document, to="html", locale="uk", findings=audit(document))
    assert isinstance(out, str)
    page.write_text(out, encoding="utf-8")
    shot = tmp_path / "form.png"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            f"--window-size={WIDTH},{HEIGHT}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    if os.environ.get("MR_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "rendered-program-report.png")
