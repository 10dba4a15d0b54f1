"""Audit the five seed reports and print what the audit finds in each.

Run: python examples/audit_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seeds import SEEDS

from municipal_reports import Severity, audit


def main() -> int:
    errors = 0
    for name, build in SEEDS.items():
        findings = audit(build())
        print(f"{name}: {len(findings)} finding(s)")
        for f in findings:
            print(f"  {f.severity.value:7} {f.code} {f.name:30} {f.path}")
            print(f"          {f.message('uk')}")
        errors += sum(f.severity is Severity.ERROR for f in findings)
    return 1 if errors else 0


if __name__ == "__main__":
    main()
