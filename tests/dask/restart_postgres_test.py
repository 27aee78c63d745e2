"""PostgreSQL restarted in the middle of a sharded ingest: the chunks being written fail with
a clear message, are retried, and the database ends exactly as a single-process ingest."""

import re
import subprocess
from pathlib import Path

import harness as h

a = h.args()
db, journal = h.fresh_run(a, "restart")
cluster = h.DaskCluster(a.work, workers=2)
try:
    proc = h.start_ingest(a, db, journal, "restart_ingest.log", scheduler=cluster.address)
    h.wait_until("a chunk being written after 3 chunks were stored",
                 lambda: h.journal_chunks(journal) >= 3 and any(h.ftfwatch_children(w.pid) for w in cluster.workers),
                 proc)
    stored_at_restart = h.journal_chunks(journal)
    subprocess.run(["pg_ctlcluster", h.pg_version(), "main", "restart", "-m", "fast"], check=True)
    h.log(f"restarted PostgreSQL with {stored_at_restart} chunks stored")
    log_path = Path(a.work) / "restart_ingest.log"
    text = h.finish(proc, log_path)
    total = h.journal_chunks(journal)
    if stored_at_restart >= total:
        h.fail(f"the restart came after the last chunk ({stored_at_restart} of {total}): not mid-run")
    # e.g. "chunk corpus50.jsonl from line 4521 (bytes …), attempt 1: ftfwatch exit 4: ftfwatch:
    # postgresql:///…: import failed: lost the connection to the server, nothing stored (…); retrying in 0.5 s"
    failed = [line for line in text.splitlines() if re.search(r"attempt \d+: ftfwatch exit 4: .*retrying in", line)]
    if not failed:
        h.fail(f"no chunk reported a database failure and a retry; the log:\n{text}")
    if not any("lost the connection to the server" in line or "cannot connect to PostgreSQL" in line
               or "terminating connection" in line for line in failed):
        h.fail("no failure message says that the database connection was lost: " + "\n".join(failed))
    h.log(f"{len(failed)} failed attempts reported, e.g.: {failed[0]}")
    h.expect_same_as_reference(a.work, db, "after PostgreSQL was restarted")
finally:
    cluster.close()
