"""Shared test set-up: hypothesis profiles, and the seed builders of ``examples/``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "examples"))

# "fast" for local runs; "thorough" is what .ci/run uses.
settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile(
    "thorough", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
