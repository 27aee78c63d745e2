"""The driver of a sharded ingest: plan chunks, feed them to Dask workers with a bounded number
in flight, retry the ones that fail for a passing reason, journal the ones stored."""

import asyncio
import collections
import dataclasses
import os
import re
import subprocess
import sys
import time
import warnings
from typing import List, Optional

from ftfwatch_dask import chunks as chunking
from ftfwatch_dask import journal as journaling
from ftfwatch_dask import progress as progressing
from ftfwatch_dask import worker_task

# ftfwatch exit codes (docs/cli.md) worth another attempt: a database or file-system problem
# (4: the server restarting, a dropped connection, a deadlock) and death by a signal.
RETRYABLE_EXIT = {4}

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT, EXIT_DATABASE = 0, 1, 2, 3, 4


@dataclasses.dataclass
class Options:
    inputs: List[str]
    db: str
    scheduler: Optional[str] = None
    workers: int = 0  # local cluster size; 0: one per core
    chunk_mb: float = 16.0
    binary: str = "ftfwatch"
    date: str = ""
    source: str = ""
    kind: str = ""
    retries: int = 8
    journal: Optional[str] = None
    resume: bool = True
    quiet: bool = False
    dashboard_address: str = ":8787"


class RunError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def redact(uri: str) -> str:
    """postgresql://user:secret@host/db -> postgresql://user@host/db (for messages and keys)."""
    return re.sub(r"^(\w+://[^:/@]*):[^@]*@", r"\1@", uri)


def database_identity(uri: str) -> dict:
    """Who the database is, for the run's name: a database dropped and created again under the
    same name is another database (another oid), so its run starts afresh."""
    import psycopg2

    try:
        with psycopg2.connect(uri, connect_timeout=10) as conn, conn.cursor() as cur:
            cur.execute("SELECT oid::text, datname FROM pg_database WHERE datname = current_database()")
            oid, name = cur.fetchone()
        conn.close()
    except psycopg2.Error as e:
        raise RunError(f"cannot connect to PostgreSQL at {redact(uri)}: {str(e).strip()}", EXIT_DATABASE)
    return {"uri": redact(uri), "oid": oid, "name": name}


def _failure_text(exc) -> str:
    if isinstance(exc, subprocess.CalledProcessError):
        how = f"killed by signal {-exc.returncode}" if exc.returncode < 0 else f"exit {exc.returncode}"
        msg = (exc.stderr or "").strip().replace("\n", " | ")
        return f"ftfwatch {how}: {msg}" if msg else f"ftfwatch {how}"
    return f"{type(exc).__name__}: {exc}"


def _retryable(exc) -> bool:
    if isinstance(exc, subprocess.CalledProcessError):
        return exc.returncode < 0 or exc.returncode in RETRYABLE_EXIT
    # Anything else comes from Dask (a worker lost with the task: KilledWorker, a lost
    # connection, a cancelled future) or the worker's file system: worth another attempt.
    return True


def _start_cluster(opts: Options, progress):
    from distributed import Client, LocalCluster

    if opts.scheduler:
        client = Client(opts.scheduler, timeout="30s")
        return client, None
    n = opts.workers or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           dashboard_address=opts.dashboard_address, silence_logs=40)
    return Client(cluster), cluster


def run_ingest(opts: Options) -> int:
    progress = progressing.Progress(enabled=not opts.quiet and sys.stderr.isatty())
    if not opts.db.startswith(("postgresql://", "postgres://")):
        raise RunError("--db must be a postgresql:// URI: every worker writes into one shared database "
                       "(docs/scale.md)", EXIT_USAGE)
    try:
        plan = chunking.plan_chunks(opts.inputs, max(1, int(opts.chunk_mb * 1e6)))
    except (OSError, ValueError) as e:
        raise RunError(str(e), EXIT_INPUT)
    identity = database_identity(opts.db)
    settings = {"binary": opts.binary, "db": opts.db, "date": opts.date, "source": opts.source, "kind": opts.kind}
    name = journaling.run_id({"db": identity, "chunk_mb": opts.chunk_mb, "date": opts.date, "source": opts.source,
                              "kind": opts.kind, "inputs": [os.path.abspath(p) for p in opts.inputs]})
    journal = journaling.Journal(opts.journal or os.path.join(journaling.default_directory(), name + ".jsonl"),
                                 resume=opts.resume)
    if len(journal) and not opts.quiet:
        stored = sum(1 for c in plan if journal.lines_of(c.key()) is not None)
        progress.event(f"resuming: {stored} of {len(plan)} chunks already stored (journal {journal.path})")

    import cloudpickle
    from distributed import wait

    # Workers need only the ftfwatch binary, not this package.
    cloudpickle.register_pickle_by_value(worker_task)
    # A chunk travels inside its task (no shared file system needed); Dask warns about that.
    warnings.filterwarnings("ignore", message=".*[Ll]arge.*")

    client, cluster = _start_cluster(opts, progress)
    try:
        if not opts.quiet:
            link = client.dashboard_link if cluster is None or cluster.dashboard_link else ""
            sched = client.scheduler.address
            progress.event(f"scheduler {sched}, dashboard {link or 'off'} "
                           f"({len(plan)} chunks of up to {opts.chunk_mb:g} MB into {redact(opts.db)})")
        client.wait_for_workers(1, timeout=120)
        notices = client.submit(worker_task.prepare_database, settings, pure=False).result()
        if notices and not opts.quiet:
            progress.event(notices.removeprefix("ftfwatch: "))
        return _drive(client, plan, settings, journal, opts, progress)
    finally:
        journal.close()
        client.close()
        if cluster is not None:
            cluster.close()


def _drive(client, plan, settings, journal, opts, progress) -> int:
    # Chunks to submit in plan order, with the line number each starts at (for messages).
    queue = collections.deque()
    next_line = {}
    for c in plan:
        queue.append(c)
    progress.chunks_total = len(plan)
    progress.start = time.monotonic()  # rates count from the first chunk, not the cluster's start
    delayed = []  # (ready_at, chunk, first_line, attempt)
    in_flight = {}  # future -> (chunk, first_line, attempt, payload lines)
    known_workers = set(client.scheduler_info()["workers"])
    progress.workers = len(known_workers)
    failures = 0
    last_worker_check = 0.0

    def submit(chunk, first_line, attempt):
        payload = chunking.read_payload(chunk)
        fut = client.submit(worker_task.ingest_chunk, payload, settings, chunk.path, first_line, pure=False)
        in_flight[fut] = (chunk, first_line, attempt, chunking.payload_lines(payload))
        return in_flight[fut][3]

    while queue or in_flight or delayed:
        now = time.monotonic()
        if now - last_worker_check > 1.0:
            last_worker_check = now
            workers = set(client.scheduler_info()["workers"])
            for w in sorted(known_workers - workers):
                progress.event(f"worker {w} left; its chunks run elsewhere")
            for w in sorted(workers - known_workers):
                if known_workers:
                    progress.event(f"worker {w} joined")
            known_workers = workers
            progress.workers = len(workers)
        for item in [d for d in delayed if d[0] <= now]:
            delayed.remove(item)
            submit(item[1], item[2], item[3])
        limit = max(2, 2 * progress.workers)
        while queue and len(in_flight) < limit:
            c = queue.popleft()
            first = next_line.get(c.path, 1)
            lines = journal.lines_of(c.key())
            if lines is not None:  # stored by an earlier attempt at this run
                next_line[c.path] = first + lines
                progress.chunks_total -= 1
                continue
            next_line[c.path] = first + submit(c, first, 1)
        done = [f for f in in_flight if f.done()]
        if not done:
            try:
                wait(list(in_flight), timeout=0.25, return_when="FIRST_COMPLETED")
            except Exception:  # a timeout: show progress, look at workers and retries again
                pass
            progress.show()
            continue
        for fut in done:
            chunk, first_line, attempt, lines = in_flight.pop(fut)
            if fut.status == "finished":
                totals = fut.result()
                journal.record(chunk.key(), lines)
                progress.add(totals)
            else:
                try:
                    exc = fut.exception()
                except (Exception, asyncio.CancelledError) as e:  # a cancelled future raises
                    exc = e
                what = f"chunk {chunk.label(first_line)}, attempt {attempt}: {_failure_text(exc)}"
                if not _retryable(exc):
                    for f in in_flight:
                        f.cancel()
                    code = exc.returncode if isinstance(exc, subprocess.CalledProcessError) else EXIT_INTERNAL
                    raise RunError(f"{what}; not retried (fix the input, then run the same command again "
                                   f"to resume)", code if code in (EXIT_INPUT, EXIT_USAGE, 5) else EXIT_INTERNAL)
                if attempt > opts.retries:
                    for f in in_flight:
                        f.cancel()
                    raise RunError(f"{what}; gave up after {attempt} attempts (run the same command again to "
                                   f"resume)", EXIT_DATABASE)
                failures += 1
                pause = min(30.0, 0.5 * 2 ** (attempt - 1))
                progress.event(f"{what}; retrying in {pause:g} s")
                delayed.append((time.monotonic() + pause, chunk, first_line, attempt + 1))
            fut.release()
        progress.show()
    progress.show(final=True)
    if not opts.quiet:
        secs = time.monotonic() - progress.start
        progress.stream.write(
            f"ftfwatch-dask: stored {progress.chunks_done} chunks: {progress.documents} documents, "
            f"{progress.bytes / 1e6:.1f} MB, {progress.claims} claims ({progress.claims_added} new) in {secs:.1f} s"
            f"{f'; {failures} failed attempts retried' if failures else ''}\n")
    return EXIT_OK
