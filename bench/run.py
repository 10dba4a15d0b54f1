"""The benchmark: every pipeline on the same files, side by side, at several sizes.

    python bench/run.py --sizes 2000,4000,8000 [--seed 7] [--data DIR] [--markdown]

For each size it generates (or reuses) the data set, reads every file into memory once, and
runs all pipelines in one process, alternating every ``--chunk`` reports so that drifts of
this machine's speed (other processes share the cores) hit all of them alike. It checks
that every pipeline found the same inconsistencies, then prints seconds, measures per
second, the ratio to the floor (``orjson.loads`` alone) and to each peer.

A memory pass (``tracemalloc``, on the smallest size) gives each pipeline's peak while
streaming and the bytes retained per measure when every object is kept.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_dataset
from peers import PIPELINES, Findings

FLOOR = "orjson floor"


def _available() -> dict[str, Callable[[bytes], Findings]]:
    try:
        import municipal_reports

        has_io = hasattr(municipal_reports, "loads")
    except ImportError:
        has_io = False
    return {k: v for k, v in PIPELINES.items() if has_io or not k.startswith("ours")}


def _dataset(root: Path, reports: int, seed: int) -> list[bytes]:
    folder = root / f"n{reports}-s{seed}"
    marker = folder / "COMPLETE"
    if not marker.exists():
        write_dataset(folder, reports, seed=seed)
        marker.write_text("ok\n")
    return [p.read_bytes() for p in sorted(folder.rglob("*.json"))]


def _measures(docs: list[bytes]) -> int:
    return sum(len(m) for d in docs for t in orjson.loads(d)["tasks"] for m in [t["measures"]])


def _time(
    pipelines: dict[str, Callable[[bytes], Findings]], docs: list[bytes], chunk: int
) -> tuple[dict[str, float], dict[str, set[tuple[int, str, str]]]]:
    seconds = dict.fromkeys(pipelines, 0.0)
    found: dict[str, set[tuple[int, str, str]]] = {k: set() for k in pipelines}
    names = list(pipelines)
    for fn in pipelines.values():  # warm up: imports, caches, converters built on first use
        for d in docs[:chunk]:
            fn(d)
    for n, start in enumerate(range(0, len(docs), chunk)):
        part = docs[start : start + chunk]
        # Rotate the order too: no pipeline always runs first after a pause.
        for name in names[n % len(names) :] + names[: n % len(names)]:
            fn, hits = pipelines[name], found[name]
            t0 = time.perf_counter()
            results = [fn(d) for d in part]
            seconds[name] += time.perf_counter() - t0
            for i, result in enumerate(results, start):
                hits.update((i, code, path) for code, path in result)
    return seconds, found


def _memory(
    fn: Callable[[bytes], Any], docs: list[bytes], load: Callable[[bytes], Any]
) -> tuple[int, int]:
    """(peak bytes while streaming ``fn`` over ``docs``, bytes retained keeping every object)."""
    gc.collect()
    tracemalloc.start()
    for d in docs:
        fn(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    kept = [load(d) for d in docs]
    retained = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del kept
    return peak, retained


def _loaders() -> dict[str, Callable[[bytes], Any]]:
    import peers

    loaders: dict[str, Callable[[bytes], Any]] = {
        FLOOR: orjson.loads,
        "msgspec + checks": peers._MS_DECODER.decode,
        "pydantic v2 + checks": peers.PdProgramReport.model_validate_json,
    }
    try:
        from municipal_reports import loads
    except ImportError:
        return loaders
    loaders["ours (arithmetic audit)"] = loads
    loaders["ours (full audit)"] = loads
    return loaders


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the pipelines against the floor.")
    parser.add_argument("--sizes", default="2000,4000,8000", help="report counts, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk", type=int, default=500, help="reports per turn")
    parser.add_argument("--data", type=Path, default=Path("bench/data"), help="where data sets go")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory pass")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pipelines = _available()
    if len(pipelines) < len(PIPELINES):
        print("note: municipal_reports.loads is not available; 'ours' is left out\n")

    mismatch = False
    rows = []
    for size in sizes:
        docs = _dataset(args.data, size, args.seed)
        measures = _measures(docs)
        megabytes = sum(map(len, docs)) / 1e6
        seconds, found = _time(pipelines, docs, args.chunk)
        reference = found[next(k for k in pipelines if k != FLOOR)]
        print(f"== {size} reports, {measures} measures, {megabytes:.1f} MB")
        print(f"   inconsistencies found: {len(reference)}")
        for name, hits in found.items():
            if name != FLOOR and hits != reference:
                mismatch = True
                print(
                    f"   MISMATCH {name}: {len(hits ^ reference)} differ, e.g. {sorted(hits ^ reference)[:3]}"
                )
        floor = seconds[FLOOR]
        header = f"   {'pipeline':26} {'s':>7} {'measures/s':>11} {'µs/measure':>10} {'× floor':>8}"
        peers = [k for k in ("msgspec + checks", "pydantic v2 + checks") if k in seconds]
        header += "".join(f" {'× ' + p.split()[0]:>11}" for p in peers)
        print(header)
        for name, s in seconds.items():
            line = f"   {name:26} {s:7.2f} {measures / s:11,.0f} {s / measures * 1e6:10.2f} {s / floor:8.2f}"
            line += "".join(f" {s / seconds[p]:11.2f}" for p in peers)
            print(line)
            rows.append((size, measures, name, s))
        print()

    if not args.no_memory:
        docs = _dataset(args.data, sizes[0], args.seed)
        measures = _measures(docs)
        print(f"== memory ({sizes[0]} reports, {measures} measures, tracemalloc)")
        print(f"   {'pipeline':26} {'peak streaming':>15} {'retained/measure':>17}")
        for name, load in _loaders().items():
            if name not in pipelines or name == "ours (arithmetic audit)":
                continue
            peak, retained = _memory(pipelines[name], docs, load)
            print(f"   {name:26} {peak / 1e6:12.1f} MB {retained / measures:14,.0f} B")
        print()
    if mismatch:
        print("the pipelines disagree on the inconsistencies: see MISMATCH above")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
