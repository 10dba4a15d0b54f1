"""MR000 ``rule-failed``: a rule, or a rule pack, that failed instead of checking.

A plugin cannot break the audit: a rule that raises, returns something that is not hits, or
has a message that its hits cannot fill, becomes one finding of this kind (at the first
node where it failed; the rule is not reported again in the same audit) and every other
rule still runs. A pack that could not be loaded is one such finding at ``$``. The finding
is an error: the audit it belongs to is incomplete.
"""

from __future__ import annotations

from typing import Final

from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.i18n.messages import N_

__all__ = ["RULE_FAILED", "RULE_FAILED_NAME", "rule_failed"]

#: The code of the finding; no rule may take it.
RULE_FAILED: Final = "MR000"
RULE_FAILED_NAME: Final = "rule-failed"
_MESSAGE: Final = N_("rule {rule} of {distribution} failed here and was skipped: {error}")
_MAX_ERROR: Final = 200


def rule_failed(rule: str, distribution: str, path: str, error: BaseException | str) -> Finding:
    """The MR000 finding for ``rule`` (a code, or a pack's entry point name) of
    ``distribution``, failed at ``path`` with ``error``."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    # One line, as every finding is: the library's errors list their problems on lines.
    text = " ".join(text.split())
    if len(text) > _MAX_ERROR:
        text = text[: _MAX_ERROR - 1] + "…"
    return Finding(
        code=RULE_FAILED,
        name=RULE_FAILED_NAME,
        severity=Severity.ERROR,
        path=path,
        expected=None,
        found=None,
        template=_MESSAGE,
        params=(
            ("rule", rule),
            ("distribution", distribution or "municipal-reports"),
            ("error", text),
        ),
    )
