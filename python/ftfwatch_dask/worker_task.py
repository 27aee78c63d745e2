"""What runs on a Dask worker: one chunk through the real `ftfwatch` binary.

This module is sent to the workers by value (cloudpickle), so a worker needs only Python with
Dask and the `ftfwatch` binary, not this package. It must import nothing from the package.

A failure is raised as subprocess.CalledProcessError (a standard class every worker and the
client can unpickle) carrying ftfwatch's exit code and its message, so the client can tell a
database problem (exit 4, retried) from bad input (exit 3, not retried).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

_PR_SET_PDEATHSIG = 1


def _die_with_parent_hook():
    """A preexec_fn that has the kernel SIGKILL the ftfwatch child when the worker dies, so a
    killed worker leaves no writer behind (PostgreSQL rolls back its open transaction). Built on
    the worker (a ctypes handle cannot travel in the task); None where prctl is missing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):  # not Linux
        return None
    return lambda: prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _run(binary, args, db, mapping=()):
    """Runs `binary args` with the database in FTFWATCH_DB (a URI with a password stays out of
    the process list). Returns stdout; raises CalledProcessError with the message, temporary
    paths replaced by the names the user gave."""
    env = dict(os.environ, FTFWATCH_DB=db)
    proc = subprocess.run([binary] + args, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          preexec_fn=_die_with_parent_hook())
    err = proc.stderr.decode("utf-8", "replace")
    for tmp, real in mapping:
        err = err.replace(tmp, real)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, [os.path.basename(binary)] + args[:2],
                                            proc.stdout.decode("utf-8", "replace"), err.strip())
    return proc.stdout.decode("utf-8"), err


def prepare_database(settings):
    """Opens the database once before the chunks run, so a new one is created, migrated and
    seeded by one process rather than raced for by all. Returns ftfwatch's notices."""
    _, err = _run(settings["binary"], ["sources", "--format", "json"], settings["db"])
    return err.strip()


def _renumber_lines(message, tmp_path, label_path, first_line):
    """"/tmp/…/chunk.jsonl:12: …" -> "corpus.jsonl:1211: …"."""
    def sub(m):
        return f"{label_path}:{int(m.group(1)) + first_line - 1}"
    return re.sub(re.escape(tmp_path) + r":(\d+)", sub, message)


def ingest_chunk(payload, settings, input_path, first_line):
    """Stores one chunk: `ftfwatch ingest --one-transaction` on its documents, so the chunk is
    written all or nothing. Returns the totals ftfwatch printed, the worker and the time."""
    started = time.monotonic()
    kind, data = payload
    work = tempfile.mkdtemp(prefix="ftfwatch-dask-")
    try:
        args = ["ingest", "--one-transaction", "--json-summary"]
        mapping = []
        if kind == "jsonl":
            path = os.path.join(work, "chunk.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            args += ["--jsonl", path]
        else:
            for i, (name, body) in enumerate(data):
                path = os.path.join(work, f"{i:06d}_{os.path.basename(name)}")
                with open(path, "wb") as f:
                    f.write(body)
                args.append(path)
                mapping.append((path, name))
        for flag in ("date", "source", "kind"):
            if settings.get(flag):
                args += [f"--{flag}", settings[flag]]
        try:
            out, _ = _run(settings["binary"], ["--quiet"] + args, settings["db"], mapping)
        except subprocess.CalledProcessError as e:
            if kind == "jsonl":
                e.stderr = _renumber_lines(e.stderr, os.path.join(work, "chunk.jsonl"), input_path, first_line)
            raise
        totals = json.loads(out.strip().splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    try:
        from distributed import get_worker

        totals["worker"] = get_worker().address
    except (ImportError, ValueError):
        totals["worker"] = ""
    totals["seconds"] = time.monotonic() - started
    return totals
