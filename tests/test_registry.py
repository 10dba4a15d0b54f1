"""The rule registry: entry points, select and ignore, plugin failures, rule documentation."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from municipal_reports import (
    AuditError,
    ListedItems,
    Money,
    MunicipalReportsError,
    PluginError,
    RuleSet,
    Severity,
    audit,
    check,
    default_rules,
)
from municipal_reports.audit.registry import ENTRY_POINT_GROUP
from municipal_reports.i18n.messages import translate

BAD_LIST = ListedItems("навчання", ("a",), declared_count=3)


def test_builtin_rules_come_through_entry_points_with_stable_codes() -> None:
    """Every built-in rule is registered, with an MRnnn code, a kebab-case name and a docstring."""
    rules = default_rules()
    assert len(rules) >= 25
    for r in rules:
        assert re.fullmatch(r"MR[1-7]\d\d", r.code), r.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", r.name), r.name
        assert "Example" in r.doc, r.code
        assert r.applies_to


def test_every_message_has_a_ukrainian_translation() -> None:
    """The uk catalogue translates every rule's message, keeping its placeholders."""
    for r in default_rules():
        uk = translate(r.message, "uk")
        assert uk != r.message, r.code
        assert set(re.findall(r"{(\w+)}", uk)) == set(re.findall(r"{(\w+)}", r.message)), r.code


def test_findings_speak_both_languages() -> None:
    """A finding's message is English by default and Ukrainian on request."""
    (f,) = audit(BAD_LIST)
    assert f.message("en") == "the text announces 3 items but lists 1"
    assert f.message("uk") == "у тексті заявлено 3, а перелічено 1"
    assert f.message("uk_UA") == f.message("uk")
    assert f.message("de") == f.message("en")


def test_select_and_ignore_by_code_prefix_or_name() -> None:
    """Rules are chosen by code prefix or by name, and dropped the same way."""
    rules = default_rules()
    assert {r.code for r in rules.filtered(select=["MR1"])} == {"MR101", "MR102", "MR103"}
    assert [r.code for r in rules.filtered(select=["listed-count-mismatch"])] == ["MR308"]
    assert "MR308" not in {r.code for r in rules.filtered(ignore=["MR3"])}
    assert audit(BAD_LIST, ignore=["listed-count-mismatch"]) == []
    assert rules["MR308"].name == "listed-count-mismatch"


def test_check_raises_one_error_carrying_every_error_finding() -> None:
    """check() raises AuditError with all error findings; warnings only in strict mode."""
    with pytest.raises(AuditError) as info:
        check(BAD_LIST)
    assert [f.code for f in info.value.findings] == ["MR308"]
    assert isinstance(info.value, MunicipalReportsError)
    from municipal_reports import Task

    mixed = Task("Кoнкурс")  # a Latin «o»: a warning
    check(mixed)
    with pytest.raises(AuditError):
        check(mixed, fail_on=Severity.WARNING)


def _install_fake_distribution(tmp_path: Path, entry: str) -> None:
    dist = tmp_path / "fake_rules_pkg-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-rules-pkg\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nfake = {entry}\n")


def test_a_third_party_rule_pack_is_found_through_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package that declares an entry point in our group adds its rules to the audit."""
    (tmp_path / "fake_rules.py").write_text(
        "from municipal_reports import rule, Severity, ListedItems\n"
        "from municipal_reports.audit import Hit\n"
        "@rule('XR001', 'empty-list', Severity.WARNING, ListedItems, 'the list is empty')\n"
        "def empty(obj, path):\n"
        "    '''Example: a list with no items.'''\n"
        "    if not obj.items:\n"
        "        yield Hit(path / 'items', 1, 0)\n"
        "RULES = (empty,)\n"
    )
    _install_fake_distribution(tmp_path, "fake_rules:RULES")
    monkeypatch.syspath_prepend(str(tmp_path))
    rules = RuleSet.from_entry_points()
    assert "XR001" in {r.code for r in rules}
    findings = audit(ListedItems("порожньо"), rules=rules)
    assert [(f.code, f.path) for f in findings] == [("XR001", "$.items")]
    sys.modules.pop("fake_rules", None)


def test_a_failing_plugin_is_reported_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry point that cannot load raises PluginError naming the plugin (in strict
    mode; otherwise it is skipped and kept as a broken pack)."""
    _install_fake_distribution(tmp_path, "no_such_module_anywhere:RULES")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError, match="'fake'"):
        RuleSet.from_entry_points(strict=True)
    assert [b.name for b in RuleSet.from_entry_points().broken] == ["fake"]


def test_duplicate_codes_are_refused() -> None:
    """Two rules with one code cannot share a rule set."""
    r = default_rules()["MR101"]
    with pytest.raises(MunicipalReportsError):
        RuleSet((r, r))


def test_ukrainian_messages_show_values_in_ukrainian() -> None:
    """Qualified counts and dates inside a Ukrainian message read as Ukrainian text does."""
    import datetime as dt

    from municipal_reports import Figure, Quantity
    from municipal_reports.domain.quantity import Qualifier

    (f,) = audit(Figure("учасники", (12527, Quantity(9000, Qualifier.ABOUT))))
    assert "близько 9\u00a0000" in f.message("uk")
    assert "about 9,000" in f.message("en")
    from municipal_reports import Decision, Program

    p = Program(
        "П", Decision(dt.date(2020, 12, 24), "31"), (Decision(dt.date(2019, 9, 23), "279"),)
    )
    (g,) = audit(p)
    assert "23.09.2019" in g.message("uk")
    assert "2019-09-23" in g.message("en")


@pytest.mark.parametrize("value", [Money("1.00"), "текст", 5, None, (1, 2)])
def test_auditing_a_plain_value_finds_nothing(value: object) -> None:
    """audit() accepts any object; values that are not entities have nothing to find."""
    assert audit(value) == []


def test_a_rule_failing_with_a_multiline_error_is_one_line() -> None:
    """MR000 keeps a finding on one line even when the error lists its problems on lines."""
    from municipal_reports import rule
    from municipal_reports.errors import InvalidValueError, Problem

    error = InvalidValueError([Problem("$.a", 1, "first"), Problem("$.b", 2, "second")])
    assert "\n" in str(error)

    def broken(obj: object, path: object) -> object:
        """Fails with a library error of two problems.

        Why: a test of MR000.

        Example: any list.
        """
        raise error

    raising = rule("XR002", "always-raises", Severity.ERROR, ListedItems, "never shown")(broken)
    (finding,) = audit(BAD_LIST, rules=RuleSet((raising,)))
    assert finding.code == "MR000"
    for locale in ("en", "uk"):
        message = finding.message(locale)
        assert "\n" not in message
        assert "invalid value: 2 problems first (got 1) @ $.a second (got 2) @ $.b" in message
    assert "\n" not in str(finding)
