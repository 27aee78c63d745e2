#!/usr/bin/python3
"""Sharded ingest throughput beside a single-process ingest, PostgreSQL write rate, and fusion
of 1,000,000 claims read from PostgreSQL. Needs a PostgreSQL server (run it under
scripts/with-postgres.sh) and a build with the benchmarks (bench_pg_fuse).

    scripts/with-postgres.sh bench/dask_ingest_bench.py [--build build] [--mb 50] [--runs 3]

Workloads, each into a fresh database, on the news-like corpus of ../shared/bench/make_corpus.py
(the one the fault tests use, tests/dask/harness.py):
  single        ftfwatch ingest --jsonl CORPUS                 (one process, a transaction a document)
  single-1tx    ftfwatch ingest --one-transaction --jsonl CORPUS  (one process, the chunk writer, no Dask)
  dask-1        ftfwatch-dask ingest CORPUS --workers 1        (a local cluster of one worker process)
  dask-2        ftfwatch-dask ingest CORPUS --workers 2
Times are wall-clock of the whole command (the Dask runs include starting their cluster); the
figures printed are medians over the runs. Then 1,000,000 synthetic claims (every country of the
gazetteer, 20 sources, as bench/fuse_bench.cc) are written into a database with one SQL statement and `bench_pg_fuse` reads and fuses them; `ftfwatch ledger
--format json` is timed end to end on the same database with its peak memory (GNU time).
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "dask"))
import harness as h  # noqa: E402  the corpus and scratch databases, shared with the fault tests


def timed(cmd, env=None):
    t = time.monotonic()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t


def counts(db_uri):
    s = h.snapshot(db_uri)
    return len(s["documents"]), len(s["claims"])


def ledger(ftfwatch, db):
    """Wall seconds and peak RSS (MB) of `ftfwatch ledger --format json` (GNU time)."""
    r = subprocess.run(["/usr/bin/time", "-v", ftfwatch, "--quiet", "--db", db, "ledger", "--format", "json"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    s = float(wall.group(2)) * 60 + float(wall.group(3)) + (float(wall.group(1)) * 3600 if wall.group(1) else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    return s, rss


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default=str(HERE.parent / "build"))
    p.add_argument("--mb", type=int, default=50)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--chunk-mb", type=float, default=4)
    p.add_argument("--claims", type=int, default=1_000_000)
    p.add_argument("--only", help="comma-separated workloads to run (default: all); 'fuse' for the fusion part")
    a = p.parse_args()
    build = Path(a.build).resolve()
    work = build / "dask-bench"
    work.mkdir(exist_ok=True)
    h.CORPUS_MB = a.mb
    corpus = h.corpus(work)
    size = corpus.stat().st_size
    ftfwatch, launcher = str(build / "ftfwatch"), str(build / "ftfwatch-dask")
    print(f"corpus: {corpus} {size / 1e6:.1f} MB; {a.runs} runs each; chunks of {a.chunk_mb:g} MB", flush=True)
    workloads = {
        "single": lambda db: [ftfwatch, "--quiet", "--db", db, "ingest", "--jsonl", str(corpus)],
        "single-1tx": lambda db: [ftfwatch, "--quiet", "--db", db, "ingest", "--one-transaction", "--jsonl",
                                  str(corpus)],
        "dask-1": lambda db: [launcher, "ingest", str(corpus), "--db", db, "--workers", "1", "--quiet",
                              "--no-resume", "--chunk-mb", str(a.chunk_mb), "--dashboard-address", "127.0.0.1:0"],
        "dask-2": lambda db: [launcher, "ingest", str(corpus), "--db", db, "--workers", "2", "--quiet",
                              "--no-resume", "--chunk-mb", str(a.chunk_mb), "--dashboard-address", "127.0.0.1:0"],
    }
    only = set(a.only.split(",")) if a.only else None
    workloads = {w: cmd for w, cmd in workloads.items() if only is None or w in only}
    secs = {w: [] for w in workloads}
    rows = {}
    for run in range(a.runs):
        for name, cmd in workloads.items():  # interleaved, so drift in machine load hits all alike
            db = h.fresh_database("ftfwatch_bench")
            subprocess.run([ftfwatch, "--quiet", "--db", db, "sources"], check=True, stdout=subprocess.DEVNULL)
            s = timed(cmd(db))
            secs[name].append(s)
            rows[name] = counts(db)
            print(f"  run {run + 1} {name}: {s:.1f} s", flush=True)
    print(f"\n{'workload':<8} {'median s':>9} {'MB/s':>7} {'docs+claims/s':>14} {'vs single':>10} {'runs (s)'}")
    med = {w: statistics.median(v) for w, v in secs.items()}
    base = med.get("single", min(med.values()) if med else 1)
    for name in workloads:
        docs, claims = rows[name]
        print(f"{name:<8} {med[name]:9.1f} {size / 1e6 / med[name]:7.2f} {(docs + claims) / med[name]:14.0f} "
              f"{base / med[name]:9.2f}x  {' '.join(f'{x:.1f}' for x in secs[name])}")
    if "dask-1" in med and "dask-2" in med:
        print(f"dask-2 / dask-1 throughput: {med['dask-1'] / med['dask-2']:.2f}x "
              f"(documents {rows['dask-2'][0]}, claims {rows['dask-2'][1]} incl. the seeded baseline)", flush=True)
    if only is not None and "fuse" not in only:
        return

    # What was ingested (the last run's database), fused by `ftfwatch ledger`.
    last = list(workloads)[-1] if workloads else None
    for _ in range(a.runs if last else 0):
        s, rss = ledger(ftfwatch, h.uri("ftfwatch_bench"))
        print(f"ftfwatch ledger --format json over the ingested corpus ({rows[last][1]} claims): {s:.2f} s, "
              f"peak RSS {rss:.0f} MB", flush=True)

    # Fusion of a million claims read from PostgreSQL.
    db = h.fresh_database("ftfwatch_bench_fuse")
    subprocess.run([ftfwatch, "--quiet", "--db", db, "sources"], check=True, stdout=subprocess.DEVNULL)
    dbname = "ftfwatch_bench_fuse"
    # The shape of bench/fuse_bench.cc: every country of the gazetteer (up to 250), 20 sources.
    countries = [c["iso3"] for c in json.loads(subprocess.run([ftfwatch, "countries", "--format", "json"], check=True,
                                                              capture_output=True, text=True).stdout)][:250]
    scopes = "ARRAY[" + ",".join(f"'{c}'" for c in countries) + "]"
    sql = f"""
INSERT INTO sources (id, publisher, kind, published)
  SELECT 'bench' || g, 'Bench source ' || g,
         (ARRAY['government','intergovernmental','think_tank','academic','news'])[1 + g % 5], '2017-10-31'
  FROM generate_series(0, 19) g;
WITH s AS (SELECT {scopes} a)
INSERT INTO claims (fingerprint, scope, category, subgroup, unit, low, best, high, qualifier, as_of, source_id, origin)
SELECT 'bench-' || i, s.a[1 + (i * 7919) % array_length(s.a, 1)],
       (ARRAY['departed','returned','killed','in_theater','detained'])[1 + (i / 7) % 5],
       CASE WHEN i % 3 = 0 THEN (ARRAY['women','minors'])[1 + i % 2] ELSE 'all' END, 'persons',
       CASE WHEN i % 6 IN (2, 5) THEN v WHEN i % 6 = 4 THEN floor(v * 0.9) END,
       CASE WHEN i % 6 IN (0, 1) THEN v END,
       CASE WHEN i % 6 = 3 THEN v + 10 WHEN i % 6 = 4 THEN ceil(v * 1.2) + 1 END,
       (ARRAY['exact','approx','at_least','fewer_than','range','more_than'])[1 + i % 6],
       (2013 + i % 7)::text || '-' || lpad((1 + 3 * (i % 4))::text, 2, '0') || '-15',
       'bench' || (i % 20), 'bench'
FROM generate_series(1::bigint, {a.claims}) i, s, LATERAL (SELECT (10 + (i * 13) % 5000)::float8 AS v) x;
"""
    t = time.monotonic()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-h", h.PG_SOCKET, "-c", sql], check=True)
    print(f"\nwrote {a.claims} synthetic claims in {time.monotonic() - t:.1f} s", flush=True)
    print(subprocess.run([str(build / "bench" / "bench_pg_fuse"), db], check=True, capture_output=True, text=True).stdout)
    for _ in range(a.runs):
        s, rss = ledger(ftfwatch, db)
        print(f"ftfwatch ledger --format json over {a.claims} claims from PostgreSQL: {s:.2f} s, peak RSS {rss:.0f} MB",
              flush=True)


if __name__ == "__main__":
    main()
