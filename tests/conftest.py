"""Shared test set-up: hypothesis profiles, and where the example and seed documents are."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
EXAMPLES_DIR = ROOT / "examples"
EXAMPLES = sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))

# "fast" for local runs; "thorough" is what .ci/run uses.
settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile(
    "thorough", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# "mutation" for mutmut (pyproject.toml): the same examples every run and no example database,
# so whether a mutant is killed does not depend on what an earlier run found.
settings.register_profile(
    "mutation", max_examples=50, deadline=None, derandomize=True, database=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
