"""Renderers are found through the entry point group, ours and a third party's alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from municipal_reports import (
    InvalidValueError,
    PluginError,
    Renderer,
    load,
    render,
    renderers,
)
from municipal_reports.render import ENTRY_POINT_GROUP, load_renderer, renderer_names

PLUGIN_SRC = Path(__file__).parent / "plugin_example" / "src"
BUILTINS = {"csv", "csv-excel", "docx", "html", "json", "markdown", "text", "xlsx"}
SECRETARY = EXAMPLES_DIR / "zhytomyr-secretary-2023.json"


def install_entry_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dist: str, lines: str
) -> None:
    """Make importlib.metadata see a distribution ``dist`` declaring the given entry points."""
    info = tmp_path / f"{dist}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{lines}\n")
    monkeypatch.syspath_prepend(str(tmp_path))


def test_builtins_are_registered_through_the_group() -> None:
    """Every built-in format is listed by the entry point group."""
    assert set(renderer_names()) >= BUILTINS


def test_every_renderer_satisfies_the_protocol() -> None:
    """Each loaded renderer has its registered name, a media type and is callable."""
    for name, renderer in renderers().items():
        assert isinstance(renderer, Renderer)
        assert renderer.name == name
        assert "/" in renderer.media_type


def test_plugin_package_is_discovered_through_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example plugin package, declared by one entry point, renders by its name."""
    monkeypatch.syspath_prepend(str(PLUGIN_SRC))
    install_entry_points(
        tmp_path, monkeypatch, "mr_plugin_example", "shout = mr_plugin_example:ShoutRenderer"
    )
    assert "shout" in renderer_names()
    document = load(SECRETARY)
    out = render(document, to="shout", locale="uk")
    assert isinstance(out, str)
    assert out.splitlines()[0] == document.meta.title.upper()


def test_failing_plugin_is_reported_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin whose module is missing raises PluginError naming it; others still work."""
    install_entry_points(tmp_path, monkeypatch, "mr_broken", "broken = mr_no_such_module:R")
    with pytest.raises(PluginError) as info:
        load_renderer("broken")
    assert info.value.name == "broken"
    assert "broken" in str(info.value)
    with pytest.raises(PluginError, match="broken"):
        renderers()
    assert isinstance(render(load(SECRETARY), to="text", locale="en"), str)


def test_plugin_that_is_not_a_renderer_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry point naming something without name/media_type/__call__ is a PluginError."""
    install_entry_points(tmp_path, monkeypatch, "mr_odd", "odd = decimal:Context")
    with pytest.raises(PluginError) as info:
        load_renderer("odd")
    assert info.value.name == "odd"


def test_third_party_cannot_take_a_builtin_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin registering "html" does not replace the built-in HTML renderer."""
    monkeypatch.syspath_prepend(str(PLUGIN_SRC))
    install_entry_points(
        tmp_path, monkeypatch, "mr_plugin_example", "html = mr_plugin_example:ShoutRenderer"
    )
    assert type(load_renderer("html")).__module__ == "municipal_reports.render.html"


def test_unknown_format_and_locale_are_refused() -> None:
    """An unknown renderer name or locale raises InvalidValueError with its path."""
    document = load(SECRETARY)
    with pytest.raises(InvalidValueError) as info:
        render(document, to="pdf", locale="uk")
    assert info.value.path == "$.to"
    with pytest.raises(InvalidValueError) as info:
        render(document, to="html", locale="fr")
    assert info.value.path == "$.locale"
