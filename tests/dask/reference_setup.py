"""Fixture for the sharded-ingest tests: generates the corpus and stores it with one
single-process `ftfwatch ingest --jsonl` into a fresh database; the snapshot of that database
(reference.json) is what every sharded run must end with, exactly."""

import json
import subprocess
import time
from pathlib import Path

import harness as h

a = h.args()
corpus = h.corpus(a.work)
db = h.fresh_database("ftfwatch_dask_ref")
# One commit per document: without waiting for each commit's WAL flush the reference takes
# seconds rather than minutes on a busy disk. What is stored is the same; only durability in a
# crash of this scratch database is given up.
h.psql("ALTER DATABASE ftfwatch_dask_ref SET synchronous_commit = off")
started = time.monotonic()
subprocess.run([a.ftfwatch, "--quiet", "--db", db, "ingest", "--jsonl", str(corpus)], check=True)
secs = time.monotonic() - started
snap = h.snapshot(db)
lines = sum(1 for _ in open(corpus, "rb"))
if len(snap["documents"]) != lines:
    h.fail(f"the reference holds {len(snap['documents'])} documents for {lines} corpus lines")
if len(snap["claims"]) < 10000:
    h.fail(f"the reference holds only {len(snap['claims'])} claims: the corpus should give over 10,000")
(Path(a.work) / "reference.json").write_text(json.dumps(snap))
h.log(f"reference: {corpus.stat().st_size / 1e6:.1f} MB, {len(snap['documents'])} documents, "
      f"{len(snap['claims'])} claims, single-process ingest {secs:.1f} s")
