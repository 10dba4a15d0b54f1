"""Scale-out of the bulk road: audit_many serial, on a process pool and on dask, same files.

    python bench/scale.py [--reports 2000] [--workers 2] [--chunk-files 256] [--no-dask]

Checks that every run gives the serial run's results and prints the speed-up over it.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _dataset

from municipal_reports.bulk import DEFAULT_CHUNK_FILES, audit_many


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=Path("bench/data"))
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument(
        "--chunk-files", type=int, default=DEFAULT_CHUNK_FILES, help="files a worker takes at a time"
    )
    args = parser.parse_args()
    _dataset(args.data, args.reports, args.seed)
    folder = next(args.data.glob(f"v*-n{args.reports}-s{args.seed}"))
    audit_many(sorted(folder.rglob("*.json"))[:64])  # warm up, as the pools are: imports, caches
    t0 = time.perf_counter()
    serial = audit_many([folder])
    base = time.perf_counter() - t0
    print(f"serial: {base:.2f} s, {len(serial)} documents")
    runs = {}
    with ProcessPoolExecutor(args.workers) as pool:
        audit_many([folder], pool, chunk_files=args.chunk_files)  # start the workers
        t0 = time.perf_counter()
        result = audit_many([folder], pool, chunk_files=args.chunk_files)
        runs[f"process pool ×{args.workers}"] = (result, time.perf_counter() - t0)
    if not args.no_dask:
        from dask.distributed import Client, LocalCluster

        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster:
            with Client(cluster) as client:
                executor = client.get_executor()
                audit_many([folder], executor, chunk_files=args.chunk_files)
                t0 = time.perf_counter()
                result = audit_many([folder], executor, chunk_files=args.chunk_files)
                runs[f"dask LocalCluster ×{args.workers}"] = (result, time.perf_counter() - t0)
    status = 0
    for name, (result, seconds) in runs.items():
        same = result == serial
        status |= not same
        print(f"{name}: {seconds:.2f} s, speed-up ×{base / seconds:.2f}, equal to serial: {same}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
