"""A worker SIGKILLed in the middle of a sharded ingest: the run completes on the other worker
and the database holds exactly what a single-process ingest stores (same documents, same
claim fingerprints, nothing twice). The killed worker's ftfwatch child dies with it."""

import signal
import time
from pathlib import Path

import psutil

import harness as h

a = h.args()
db, journal = h.fresh_run(a, "kill")
cluster = h.DaskCluster(a.work, workers=2)
try:
    proc = h.start_ingest(a, db, journal, "kill_ingest.log", scheduler=cluster.address)
    victim = cluster.workers[0]
    h.wait_until("worker 0 running a chunk after 10 of about 28 chunks were stored",
                 lambda: h.journal_chunks(journal) >= 10 and h.ftfwatch_children(victim.pid), proc)
    children = h.ftfwatch_children(victim.pid)
    stored_at_kill = h.journal_chunks(journal)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    h.log(f"SIGKILLed worker 0 (pid {victim.pid}) while its ftfwatch {children} ran; {stored_at_kill} chunks stored")
    deadline = time.monotonic() + 10
    while any(psutil.pid_exists(c) and psutil.Process(c).status() != psutil.STATUS_ZOMBIE for c in children):
        if time.monotonic() > deadline:
            h.fail(f"the killed worker's ftfwatch {children} is still running (PR_SET_PDEATHSIG not applied)")
        time.sleep(0.1)
    text = h.finish(proc, Path(a.work) / "kill_ingest.log")
    total = h.journal_chunks(journal)
    if stored_at_kill >= total:
        h.fail(f"the kill came after the last chunk ({stored_at_kill} of {total} stored): not mid-run")
    if "left; its chunks run elsewhere" not in text:
        h.fail(f"the run did not report the lost worker; its log:\n{text}")
    h.log(f"the run completed: {total} chunks, {total - stored_at_kill} after the kill")
    h.expect_same_as_reference(a.work, db, "after a worker was killed")
finally:
    cluster.close()
