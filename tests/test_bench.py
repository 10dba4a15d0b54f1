"""The benchmark's peers do the library's work: on documents with a fault for every rule
they find what the library finds, and a peer that misses one rule's findings is caught."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

pytest.importorskip("msgspec")
pytest.importorskip("pydantic")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import peers
from generate import make_report
from run import disagreements

Pipeline = Callable[[bytes], list[tuple[str, str]]]


def _documents() -> list[bytes]:
    """The first generated report with a finding of each rule of the full set."""
    wanted = set(peers.FULL_RULES)
    docs = []
    for i in range(5000):
        raw = orjson.dumps(make_report(i, seed=7))
        codes = {code for code, _ in peers.msgspec_full(raw)}
        if codes & wanted:
            docs.append(raw)
            wanted -= codes
        if not wanted:
            return docs
    raise AssertionError(f"no fault seeded for {sorted(wanted)}")


_DOCS = _documents()


def _found(group: dict[str, Pipeline]) -> dict[str, set[tuple[int, str, str]]]:
    found = {}
    for name, fn in group.items():
        batch = getattr(fn, "batch", None)  # the bulk road takes the documents as one batch
        results = batch(_DOCS) if batch is not None else [fn(d) for d in _DOCS]
        found[name] = {(i, code, path) for i, r in enumerate(results) for code, path in r}
    return found


def test_every_pipeline_finds_the_same_on_every_rule() -> None:
    """The full-rule peers, the exact road and the bulk road agree on a fault of each rule."""
    found = _found(peers.FULL)
    assert disagreements(found, peers.FULL) == []
    codes = {code for _, code, _ in found["ours exact road, full"]}
    assert codes == set(peers.FULL_RULES)


def test_the_arithmetic_pipelines_agree() -> None:
    """The arithmetic peers and ours find the same MR101, MR201 and MR202."""
    found = _found(peers.ARITHMETIC)
    assert disagreements(found, peers.ARITHMETIC) == []
    assert {code for _, code, _ in found["ours, arithmetic"]} == {"MR101", "MR201", "MR202"}


@pytest.mark.parametrize("code", sorted(peers.FULL_RULES))
def test_a_peer_missing_one_rule_is_caught(code: str) -> None:
    """A peer that drops one rule's findings disagrees with the others."""

    def wrong(raw: bytes) -> list[tuple[str, str]]:
        return [(c, p) for c, p in peers.msgspec_full(raw) if c != code]

    group: dict[str, Pipeline] = {"ours exact road, full": peers.ours, "wrong peer": wrong}
    lines = disagreements(_found(group), group)
    assert len(lines) == 1
    assert lines[0].startswith("MISMATCH wrong peer")
