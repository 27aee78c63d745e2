"""The API server reads the PostgreSQL database that a sharded ingest (a local Dask cluster of
two workers, started by ftfwatch-dask itself) is writing: every query is answered without
error during the run, answers follow the writes (not a stale cache), and the database ends
exactly as a single-process ingest."""

import json
import subprocess
import time
import urllib.request
from pathlib import Path

import harness as h

a = h.args()
db, journal = h.fresh_run(a, "serve")
subprocess.run([a.ftfwatch, "--quiet", "--db", db, "sources"], check=True, stdout=subprocess.DEVNULL)
port = h.free_port()
server_log = open(Path(a.work) / "serve.log", "w")
server = subprocess.Popen([a.ftfwatch, "--db", db, "serve", "--port", str(port)], stdout=server_log,
                          stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{port}"


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        if r.status != 200:
            h.fail(f"GET {path}: HTTP {r.status}")
        return json.loads(r.read())


def claims_total():
    return get("/api/claims?pagesize=1")["total_count"]


try:
    deadline = time.monotonic() + 30
    while True:
        try:
            get("/api/health")
            break
        except OSError:
            if time.monotonic() > deadline:
                h.fail("the server did not start")
            time.sleep(0.1)
    before = claims_total()
    proc = h.start_ingest(a, db, journal, "serve_ingest.log",
                          extra=["--workers", "2", "--dashboard-address", "127.0.0.1:0"])
    paths = ["/api/ledger", "/api/claims?pagesize=20", "/api/sources", "/api/conflicts", "/api/risk",
             "/api/claims?country=FRA&category=departed", "/api/ledger?method=raw"]
    queries, totals_seen = 0, set()
    while proc.poll() is None:
        for p in paths:
            try:
                body = get(p)
            except Exception as e:  # an HTTP error status, a refused connection, bad JSON
                h.fail(f"GET {p} during the ingest: {e}")
            if p.startswith("/api/claims"):
                if not isinstance(body.get("claims"), list):
                    h.fail(f"GET {p}: no claims list in {str(body)[:200]}")
            elif p == "/api/sources":
                if not body:
                    h.fail("GET /api/sources: empty")
            queries += 1
        totals_seen.add(claims_total())
        queries += 1
        time.sleep(0.1)  # a steady reader, not a load test: leave the cores to the ingest
    h.finish(proc, Path(a.work) / "serve_ingest.log")
    after = claims_total()
    stored = len(h.snapshot(db)["claims"])
    if after != stored:
        h.fail(f"after the ingest the API counts {after} claims, the database holds {stored}: a stale answer")
    if queries < 20:
        h.fail(f"only {queries} queries ran during the ingest: too few to show anything")
    growing = sorted(t for t in totals_seen if before < t < after)
    if not growing:
        h.fail(f"no answer during the ingest saw part of it (claims before {before}, after {after}, "
               f"seen {sorted(totals_seen)})")
    h.log(f"{queries} queries answered during the ingest without error; claim counts seen while it ran: "
          f"{len(totals_seen)} distinct, from {before} to {after}")
    h.expect_same_as_reference(a.work, db, "with the API server reading throughout")
finally:
    server.terminate()
    server.wait(timeout=15)
