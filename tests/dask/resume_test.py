"""A sharded ingest whose client is SIGKILLed half-way, then started again with the same
command: the second run skips the stored chunks, does the rest, and the database ends exactly
as a single-process ingest (nothing twice)."""

import os
import re
import signal
from pathlib import Path

import harness as h

a = h.args()
db, journal = h.fresh_run(a, "resume")
cluster = h.DaskCluster(a.work, workers=2)
try:
    first = h.start_ingest(a, db, journal, "resume_first.log", scheduler=cluster.address)
    h.wait_until("8 chunks stored", lambda: h.journal_chunks(journal) >= 8, first)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    stored = h.journal_chunks(journal)
    h.log(f"SIGKILLed the client with {stored} chunks stored")
    second = h.start_ingest(a, db, journal, "resume_second.log", scheduler=cluster.address)
    text = h.finish(second, Path(a.work) / "resume_second.log")
    m = re.search(r"resuming: (\d+) of (\d+) chunks already stored", text)
    if not m:
        h.fail(f"the second run did not resume; its log:\n{text}")
    skipped, total = int(m.group(1)), int(m.group(2))
    if skipped < stored or skipped >= total:
        h.fail(f"the second run skipped {skipped} of {total} chunks; {stored} were journalled before the kill")
    m = re.search(r"stored (\d+) chunks", text)
    if not m or int(m.group(1)) != total - skipped:
        h.fail(f"the second run should store the other {total - skipped} chunks; its log:\n{text}")
    h.log(f"resumed: {skipped} of {total} chunks skipped, {total - skipped} stored")
    h.expect_same_as_reference(a.work, db, "after a resumed run")
finally:
    cluster.close()
