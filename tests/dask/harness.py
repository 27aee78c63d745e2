"""Shared by the sharded-ingest tests (tests/dask/*_test.py), run by CTest under
scripts/with-postgres.sh: scratch PostgreSQL databases, the generated benchmark corpus, the
single-process reference, Dask scheduler and workers as separate processes on loopback, and
snapshots of what a database holds (documents by sha256, claims by fingerprint).

Each test script takes: --ftfwatch BINARY --launcher build/ftfwatch-dask --work DIR
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PG_SOCKET = "/var/run/postgresql"
CORPUS_MB = 50
CHUNK_MB = 2  # about 27 chunks: enough that a fault lands in the middle of the run
DASK_BIN = "/usr/bin"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def args():
    p = argparse.ArgumentParser()
    p.add_argument("--ftfwatch", required=True)
    p.add_argument("--launcher", required=True)
    p.add_argument("--work", required=True)
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    return a


def uri(db):
    return f"postgresql:///{db}?host={PG_SOCKET}"


def psql(sql, db="postgres"):
    return subprocess.run(["su", "postgres", "-c", f"psql -qAt -d {db} -c \"{sql}\""], check=True,
                          capture_output=True, text=True).stdout.strip()


def fresh_database(name):
    """An empty database `name` owned by the current user (dropped first if it exists)."""
    me = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["su", "postgres", "-c", f"dropdb --if-exists --force {name}"], check=True)
    subprocess.run(["su", "postgres", "-c", f"createdb --owner={me} {name}"], check=True)
    return uri(name)


def pg_version():
    return sorted(os.listdir("/usr/lib/postgresql"), key=float)[-1]


def shared_dir():
    """../shared beside the clone (where CI copies it), or $FTFWATCH_SHARED_DIR."""
    for cand in [os.environ.get("FTFWATCH_SHARED_DIR"), REPO.parent / "shared"]:
        if cand and (Path(cand) / "bench" / "make_corpus.py").exists():
            return Path(cand)
    fail(f"the benchmark corpus generator is missing: expected {REPO.parent / 'shared' / 'bench' / 'make_corpus.py'} "
         f"(the project's shared folder beside the clone), or set FTFWATCH_SHARED_DIR")


def corpus(work):
    """The >= 50 MB news-like corpus as JSON Lines (one {"id","date","source","text"} a line),
    generated once per build directory; deterministic (same seed, same bytes)."""
    out = Path(work) / f"corpus{CORPUS_MB}.jsonl"
    if out.exists():
        return out
    raw = Path(work) / f"corpus{CORPUS_MB}.txt"
    subprocess.run([sys.executable, str(shared_dir() / "bench" / "make_corpus.py"), "--mb", str(CORPUS_MB),
                    "--seed", "1", "--out", str(raw)], check=True, stdout=subprocess.DEVNULL)
    sources = ["Wire A", "Wire B", "Think Tank C"]
    tmp = out.with_suffix(".tmp")
    with open(raw, encoding="utf-8") as f, open(tmp, "w", encoding="utf-8") as o:
        for i, line in enumerate(f):
            doc = {"id": i, "date": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}", "source": sources[i % 3],
                   "text": line.rstrip("\n")}
            o.write(json.dumps(doc, ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    raw.unlink()
    Path(str(raw) + ".gold.jsonl").unlink(missing_ok=True)
    if out.stat().st_size < CORPUS_MB * 1_000_000:
        fail(f"{out}: the generated corpus is smaller than {CORPUS_MB} MB")
    return out


def snapshot(db_uri):
    """What a database holds: document sha256s, claim fingerprints, source ids."""
    import psycopg2

    with psycopg2.connect(db_uri) as conn, conn.cursor() as cur:
        cur.execute("SELECT sha256 FROM documents")
        docs = sorted(r[0] for r in cur.fetchall())
        cur.execute("SELECT fingerprint FROM claims")
        claims = sorted(r[0] for r in cur.fetchall())
        cur.execute("SELECT id FROM sources")
        sources = sorted(r[0] for r in cur.fetchall())
    conn.close()
    return {"documents": docs, "claims": claims, "sources": sources}


def reference(work):
    """The snapshot of a single-process `ftfwatch ingest --jsonl` of the corpus into a fresh
    database, written by reference_setup.py (a CTest fixture)."""
    path = Path(work) / "reference.json"
    if not path.exists():
        fail(f"{path} is missing: the dask_reference fixture did not run")
    return json.loads(path.read_text())


def expect_same_as_reference(work, db_uri, label):
    ref = reference(work)
    got = snapshot(db_uri)
    for what in ("documents", "claims", "sources"):
        r, g = ref[what], got[what]
        if r != g:
            missing = sorted(set(r) - set(g))[:3]
            extra = sorted(set(g) - set(r))[:3]
            fail(f"{label}: {what}: {len(g)} stored, the single-process reference has {len(r)}; "
                 f"missing e.g. {missing}, extra e.g. {extra}")
    log(f"{label}: exactly the reference: {len(got['documents'])} documents, {len(got['claims'])} claims, "
        f"{len(got['sources'])} sources")


def fresh_run(a, name):
    """The common start of a fault test: the corpus, an empty database ftfwatch_dask_NAME and
    a journal path with no journal yet. Returns (database URI, journal path)."""
    corpus(a.work)
    db = fresh_database(f"ftfwatch_dask_{name}")
    journal = Path(a.work) / f"{name}.journal"
    journal.unlink(missing_ok=True)
    return db, str(journal)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DaskCluster:
    """A scheduler and `workers` workers as separate processes on loopback. Workers run without
    a nanny, so a SIGKILLed worker stays dead, and without this package on their path: they
    need only the ftfwatch binary."""

    def __init__(self, work, workers=2):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.logs = Path(work)
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        self.procs = []
        self.scheduler = self._spawn("scheduler", [f"{DASK_BIN}/dask-scheduler", "--host", "127.0.0.1", "--port",
                                                   str(self.port), "--dashboard-address", ":0"], env)
        self.workers = [self._spawn(f"worker{i}", [f"{DASK_BIN}/dask-worker", self.address, "--nthreads", "1",
                                                   "--no-nanny", "--host", "127.0.0.1",
                                                   "--dashboard-address", ":0", "--name", f"w{i}"], env)
                        for i in range(workers)]
        self.wait_for_workers(workers)

    def _spawn(self, name, cmd, env):
        f = open(self.logs / f"{name}.log", "w")
        p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.procs.append(p)
        return p

    def wait_for_workers(self, n, timeout=90):
        from distributed import Client

        deadline = time.monotonic() + timeout
        while True:
            try:
                with Client(self.address, timeout="5s") as c:
                    c.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                    return
            except Exception as e:  # the scheduler is still starting
                if time.monotonic() > deadline:
                    fail(f"the Dask cluster did not come up with {n} workers: {e}")
                time.sleep(0.5)

    def close(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def ftfwatch_children(pid):
    """Pids of `ftfwatch` processes started by process `pid`."""
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True) if c.name() == "ftfwatch"]
    except psutil.NoSuchProcess:
        return []


def journal_chunks(path):
    try:
        with open(path) as f:
            return sum(1 for line in f if line.endswith("\n"))
    except FileNotFoundError:
        return 0


def start_ingest(a, db_uri, journal, log_name, scheduler=None, extra=()):
    """Starts `ftfwatch-dask ingest` on the corpus; returns the process (stderr in log_name)."""
    cmd = [a.launcher, "ingest", str(corpus(a.work)), "--db", db_uri, "--chunk-mb", str(CHUNK_MB),
           "--journal", journal, "--ftfwatch", a.ftfwatch, *extra]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    f = open(Path(a.work) / log_name, "w")
    log("run: " + " ".join(cmd))
    return subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)


def wait_until(what, predicate, proc, timeout=240):
    """Polls until predicate() is true; fails if `proc` ended first or time runs out."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc.poll() is not None:
            fail(f"the ingest ended (exit {proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def finish(proc, log_path, timeout=300):
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail(f"the ingest did not finish within {timeout} s; its log:\n{Path(log_path).read_text()}")
    text = Path(log_path).read_text()
    if rc != 0:
        fail(f"the ingest failed with exit {rc}; its log:\n{text}")
    return text
