"""Plugins cannot break the audit: a zoo of broken rule packs and renderers as dist-info folders."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from municipal_reports import (
    AuditError,
    ListedItems,
    PluginError,
    PluginRuntimeError,
    RuleSet,
    Severity,
    audit,
    check,
    default_rules,
    render,
)
from municipal_reports.cli import main

RULES_GROUP = "municipal_reports.rules"
RENDERERS_GROUP = "municipal_reports.renderers"

# One module per plugin; each is a distribution of its own with one entry point.
_HEAD = (
    "from municipal_reports import rule, Severity, ListedItems\n"
    "from municipal_reports.audit import Hit\n"
)
MODULES = {
    "zoo_raises": _HEAD
    + "@rule('XR100', 'zoo-raises', Severity.WARNING, ListedItems, 'never shown')\n"
    "def raises(obj, path):\n"
    "    '''Example: divides by zero.'''\n"
    "    return [1 / 0]\n"
    "RULES = (raises,)\n",
    "zoo_garbage": _HEAD
    + "@rule('XR200', 'zoo-number', Severity.WARNING, ListedItems, 'never shown')\n"
    "def number(obj, path):\n"
    "    '''Example: returns a number, not hits.'''\n"
    "    return 5\n"
    "@rule('XR201', 'zoo-strings', Severity.WARNING, ListedItems, 'never shown')\n"
    "def strings(obj, path):\n"
    "    '''Example: yields strings, not hits.'''\n"
    "    yield 'junk'\n"
    "RULES = (number, strings)\n",
    "zoo_badparam": _HEAD
    + "@rule('XR300', 'zoo-param', Severity.WARNING, ListedItems, 'the {missing} is gone')\n"
    "def param(obj, path):\n"
    "    '''Example: a message parameter no hit gives.'''\n"
    "    yield Hit(path, 1, 2)\n"
    "RULES = (param,)\n",
    "zoo_good": _HEAD
    + "@rule('XR400', 'zoo-good', Severity.WARNING, ListedItems, 'found {found}')\n"
    "def good(obj, path):\n"
    "    '''Example: a working rule.'''\n"
    "    yield Hit(path / 'items', 0, len(obj.items))\n"
    "RULES = (good,)\n",
    "zoo_broken_pack": "raise ImportError('this pack cannot be imported')\n",
    "zoo_not_rules": "RULES = ('not a rule',)\n",
    "zoo_hijack_code": _HEAD
    + "@rule('MR308', 'zoo-hijack', Severity.NOTE, ListedItems, 'hijacked')\n"
    "def hijack(obj, path):\n"
    "    '''Example: takes a built-in code.'''\n"
    "    return ()\n"
    "RULES = (hijack,)\n",
    "zoo_renderers": "class Boom:\n"
    "    name = 'boom'\n"
    "    media_type = 'text/plain'\n"
    "    def __call__(self, obj, *, locale, findings=None):\n"
    "        raise RuntimeError('the renderer exploded')\n"
    "class FakeHtml:\n"
    "    name = 'html'\n"
    "    media_type = 'text/html'\n"
    "    def __call__(self, obj, *, locale, findings=None):\n"
    "        return 'HIJACKED'\n",
}

# (distribution, group, entry point name, target)
ENTRY_POINTS = [
    ("zoo-raises", RULES_GROUP, "raises", "zoo_raises:RULES"),
    ("zoo-garbage", RULES_GROUP, "garbage", "zoo_garbage:RULES"),
    ("zoo-badparam", RULES_GROUP, "badparam", "zoo_badparam:RULES"),
    ("zoo-good", RULES_GROUP, "good", "zoo_good:RULES"),
    ("zoo-broken-pack", RULES_GROUP, "broken", "zoo_broken_pack:RULES"),
    ("zoo-not-rules", RULES_GROUP, "notrules", "zoo_not_rules:RULES"),
    ("zoo-hijack-code", RULES_GROUP, "hijack", "zoo_hijack_code:RULES"),
    # A built-in module, declared by another distribution: still not a built-in.
    ("zoo-hijack-module", RULES_GROUP, "totals", "municipal_reports.audit.rules.totals:RULES"),
    ("zoo-boom", RENDERERS_GROUP, "boom", "zoo_renderers:Boom"),
    ("zoo-fake-html", RENDERERS_GROUP, "html", "zoo_renderers:FakeHtml"),
]

BAD_LIST = ListedItems("навчання", ("a",), declared_count=3)


@pytest.fixture
def zoo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every zoo plugin installed as a dist-info folder on sys.path."""
    for module, source in MODULES.items():
        (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
    for dist, group, name, target in ENTRY_POINTS:
        info = tmp_path / f"{dist.replace('-', '_')}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[{group}]\n{name} = {target}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    default_rules.cache_clear()
    yield tmp_path
    default_rules.cache_clear()
    for module in MODULES:
        sys.modules.pop(module, None)


def _failed(findings: list[object]) -> dict[str, dict[str, str]]:
    return {
        dict(f.params)["rule"]: dict(f.params)  # type: ignore[attr-defined]
        for f in findings
        if f.code == "MR000"  # type: ignore[attr-defined]
    }


def test_a_failing_rule_becomes_one_finding_and_the_others_still_run(zoo: Path) -> None:
    """Raising, garbage and a missing message parameter each give one MR000; the rest run."""
    rules = RuleSet.from_entry_points()
    findings = audit(BAD_LIST, rules=rules)
    codes = [f.code for f in findings]
    assert "MR308" in codes  # the built-in rule
    assert "XR400" in codes  # the working plugin rule
    failed = _failed(findings)
    assert set(failed) == {"XR100", "XR200", "XR201", "XR300", "broken", "notrules"}
    assert failed["XR100"]["distribution"] == "zoo-raises"
    assert "ZeroDivisionError" in failed["XR100"]["error"]
    assert failed["XR300"]["distribution"] == "zoo-badparam"
    for f in findings:
        assert f.message("en")
        assert f.message("uk")
    (raised,) = [f for f in findings if f.code == "MR000" and dict(f.params)["rule"] == "XR100"]
    assert raised.name == "rule-failed"
    assert raised.severity is Severity.ERROR
    assert "XR100" in raised.message("en")
    assert "zoo-raises" in raised.message("en")
    assert "XR100" in raised.message("uk")
    assert "правило" in raised.message("uk")


def test_a_rule_failing_on_many_nodes_gives_one_finding(zoo: Path) -> None:
    """A rule that fails on every node is reported once, at the first node."""
    from municipal_reports import Figure, Quantity

    rules = RuleSet.from_entry_points()
    many = [ListedItems(f"список {i}", ("a",)) for i in range(5)]
    from municipal_reports import Council, Report, ReportingPeriod, ReportMeta, Section

    report = Report(
        ReportMeta("Звіт", Council("Рада"), ReportingPeriod.year(2023)),
        (Section("С", (), (*many, Figure("ф", (Quantity(1),)))),),
    )
    failed = [
        f
        for f in audit(report, rules=rules)
        if f.code == "MR000" and dict(f.params)["rule"].startswith("XR")
    ]
    assert sorted(dict(f.params)["rule"] for f in failed) == ["XR100", "XR200", "XR201", "XR300"]
    assert all(f.path == "$.sections[0].facts[0]" for f in failed)


def test_a_broken_pack_is_reported_and_skipped(zoo: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A pack that cannot load is logged with its distribution, skipped, and reported by audit()."""
    with caplog.at_level(logging.WARNING, logger="municipal_reports"):
        rules = RuleSet.from_entry_points()
    assert {b.distribution for b in rules.broken} == {"zoo-broken-pack", "zoo-not-rules"}
    assert "zoo-broken-pack" in caplog.text
    findings = audit(BAD_LIST, rules=rules)
    failed = _failed(findings)
    assert failed["broken"]["distribution"] == "zoo-broken-pack"
    assert failed["notrules"]["distribution"] == "zoo-not-rules"


def test_strict_mode_raises_for_a_broken_pack_and_a_failing_rule(zoo: Path) -> None:
    """strict=True turns a broken pack into PluginError and a failing rule into an error."""
    with pytest.raises(PluginError, match=r"zoo-broken-pack|zoo-not-rules"):
        RuleSet.from_entry_points(strict=True)
    rules = RuleSet.from_entry_points()
    with pytest.raises(PluginError):
        audit(BAD_LIST, rules=rules, strict=True)
    working = RuleSet(tuple(r for r in rules if r.code != "XR400"))
    with pytest.raises(PluginRuntimeError, match=r"XR100|XR200|XR201|XR300"):
        audit(BAD_LIST, rules=working, strict=True)
    with pytest.raises(PluginRuntimeError):
        check(BAD_LIST, rules=working, strict=True)
    with pytest.raises(AuditError):
        check(BAD_LIST, rules=working)  # MR000 is an error finding


def test_a_plugin_cannot_take_a_builtin_rule_code(
    zoo: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A plugin rule with a built-in code, or a built-in module under another distribution,
    is refused with a warning naming its distribution; the built-in rule stays."""
    with caplog.at_level(logging.WARNING, logger="municipal_reports"):
        rules = RuleSet.from_entry_points()
    assert rules["MR308"].name == "listed-count-mismatch"
    assert "zoo-hijack-code" in caplog.text
    assert "zoo-hijack-module" in caplog.text
    assert len({r.code for r in rules}) == len(rules)


def test_a_renderer_that_raises_fails_alone(zoo: Path) -> None:
    """A plugin renderer that raises gives a clear error for its format; others still work."""
    with pytest.raises(PluginRuntimeError, match=r"boom.*zoo-boom.*exploded"):
        render(BAD_LIST, to="boom", locale="uk")
    assert "навчання" in str(render(BAD_LIST, to="text", locale="uk"))


def test_a_plugin_cannot_take_a_builtin_renderer_name(
    zoo: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A plugin registering «html» is refused with a warning naming its distribution."""
    with caplog.at_level(logging.WARNING, logger="municipal_reports"):
        out = render(BAD_LIST, to="html", locale="uk")
    assert out != "HIJACKED"
    assert "zoo-fake-html" in caplog.text


def test_cli_audit_reports_the_failed_rules_and_strict_exits_2(
    zoo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI audits with the zoo installed: MR000 in the table; --strict is one error, exit 2."""
    from municipal_reports import dumps, load

    examples = Path(__file__).resolve().parents[2] / "examples"
    report = load(examples / "zhytomyr-deputies-department-2017.json")
    (tmp_path / "r.json").write_text(dumps(report), encoding="utf-8")
    code = main(["audit", str(tmp_path / "r.json")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "MR000" in out
    assert "Traceback" not in err
    code = main(["audit", "--strict", str(tmp_path / "r.json")])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err
    assert "zoo-" in err


def test_mr000_is_selected_and_ignored_like_a_rule(zoo: Path) -> None:
    """Ignoring MR000 drops the failures; selecting MR308 gives that rule's findings alone
    (no broken packs); selecting MR0 gives only the broken packs' findings."""
    rules = RuleSet.from_entry_points()
    assert not [f for f in audit(BAD_LIST, rules=rules, ignore=["MR000"]) if f.code == "MR000"]
    assert not [
        f for f in audit(BAD_LIST, rules=rules, ignore=["rule-failed"]) if f.code == "MR000"
    ]
    assert [f.code for f in audit(BAD_LIST, rules=rules, select=["MR308"])] == ["MR308"]
    only = audit(BAD_LIST, rules=rules, select=["MR0"])
    assert {f.code for f in only} == {"MR000"}
    assert set(_failed(only)) == {"broken", "notrules"}


def test_strict_with_workers_names_the_plugin(
    zoo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """audit --strict --jobs 2: the failing plugin is named on one line (the error crosses
    from the worker as itself, not as a worker that died), exit 2."""
    from municipal_reports import dumps, load

    examples = Path(__file__).resolve().parents[2] / "examples"
    report = load(examples / "zhytomyr-deputies-department-2017.json")
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.json").write_text(dumps(report), encoding="utf-8")
    code = main(["audit", "--strict", "--jobs", "2", "--no-progress", str(folder)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "zoo-" in err
    assert "worker process died" not in err
    assert "Traceback" not in err
