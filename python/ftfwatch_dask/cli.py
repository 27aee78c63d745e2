"""`ftfwatch-dask ingest CORPUS... --db postgresql://… [--scheduler tcp://HOST:8786] [--chunk-mb 16]`"""

import argparse
import os
import shutil
import sys

from ftfwatch_dask import __version__
from ftfwatch_dask.run import EXIT_INTERNAL, EXIT_USAGE, Options, RunError, run_ingest


def _parser():
    p = argparse.ArgumentParser(prog="ftfwatch-dask",
                                description="Sharded ingest on Dask distributed into a shared PostgreSQL "
                                            "(docs/scale.md).")
    p.add_argument("--version", action="version", version=f"ftfwatch-dask {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="store documents and their claims, chunk by chunk on Dask workers",
                         description="Cuts the corpus into chunks of whole documents and stores each on a Dask "
                                     "worker with `ftfwatch ingest --one-transaction`. Inputs: JSON Lines files "
                                     "(.jsonl, .ndjson: one {\"id\",\"date\",\"source\",\"text\"} a line), "
                                     "directories of text files, text files. Running the same command again "
                                     "resumes a run that stopped.")
    ing.add_argument("corpus", nargs="+", metavar="CORPUS", help="JSONL files, text directories or text files")
    ing.add_argument("--db", default=os.environ.get("FTFWATCH_DB", ""),
                     help="postgresql:// URI of the shared database (default: $FTFWATCH_DB)")
    ing.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                                         "(default: start a local cluster)")
    ing.add_argument("--workers", type=int, default=0,
                     help="workers of the local cluster (default: one per core); ignored with --scheduler")
    ing.add_argument("--chunk-mb", type=float, default=16.0, help="about this many MB per chunk (default 16)")
    ing.add_argument("--ftfwatch", dest="binary",
                     default=os.environ.get("FTFWATCH_BIN") or shutil.which("ftfwatch") or "ftfwatch",
                     help="path of the ftfwatch binary on the workers (default: $FTFWATCH_BIN, else ftfwatch "
                          "on PATH)")
    ing.add_argument("--date", default="", help="publication date (ISO) for documents that give none")
    ing.add_argument("--source", default="", help="who published them (as `ftfwatch ingest --source`)")
    ing.add_argument("--kind", default="", help="kind of a source created here (as `ftfwatch ingest --kind`)")
    ing.add_argument("--retries", type=int, default=8,
                     help="attempts after the first for a chunk that fails for a passing reason (default 8)")
    ing.add_argument("--journal", help="the resume journal (default: ~/.local/state/ftfwatch-dask/RUN.jsonl)")
    ing.add_argument("--no-resume", dest="resume", action="store_false",
                     help="run every chunk again (what is stored already is not stored twice)")
    ing.add_argument("--dashboard-address", default=":8787", help="local cluster's dashboard (default :8787)")
    ing.add_argument("-q", "--quiet", action="store_true", help="no progress or notices")
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if not args.db:
        print("ftfwatch-dask: give --db postgresql://… (or set FTFWATCH_DB)", file=sys.stderr)
        return EXIT_USAGE
    opts = Options(inputs=args.corpus, db=args.db, scheduler=args.scheduler, workers=args.workers,
                   chunk_mb=args.chunk_mb, binary=args.binary, date=args.date, source=args.source, kind=args.kind,
                   retries=args.retries, journal=args.journal, resume=args.resume, quiet=args.quiet,
                   dashboard_address=args.dashboard_address)
    try:
        return run_ingest(opts)
    except RunError as e:
        print(f"ftfwatch-dask: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        print("ftfwatch-dask: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    except Exception as e:  # a bug or an unexpected Dask failure: say what, keep the exit code apart
        print(f"ftfwatch-dask: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL
