#!/usr/bin/env python3
"""Write the list of real pages covered by the evaluation set into docs/extraction.md.

Usage:
    python3 tools/realpages_urls.py tests/realpages/pages_*.jsonl [--doc docs/extraction.md]

Reads the set files (one page a line; see tests/realpages/README.md), and replaces the block
between the markers <!-- realpages:begin --> and <!-- realpages:end --> of the doc with a table
of every page: id, split, publisher, date, number of claims and URL, in id order. Only facts
from the set files are written (never page text). Prints the counts on stdout.
"""

import argparse
import json
import sys

BEGIN, END = "<!-- realpages:begin -->", "<!-- realpages:end -->"


def load(paths):
    pages = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{lineno}: line: not JSON ({e.msg})")
                for k in ("id", "url", "split", "claims"):
                    if k not in rec:
                        sys.exit(f"{path}:{lineno}: {k}: missing")
                pages.append(rec)
    return sorted(pages, key=lambda r: r["id"])


def table(pages):
    cell = lambda s: str(s).replace("|", "\\|")
    rows = ["| id | split | publisher | date | claims | URL |", "| --- | --- | --- | --- | --- | --- |"]
    for r in pages:
        rows.append(f"| {r['id']} | {r['split']} | {cell(r.get('publisher', ''))} | {r.get('date', '')} | "
                    f"{len(r['claims'])} | <{r['url']}> |")
    tune = sum(1 for r in pages if r["split"] == "tune")
    head = (f"{len(pages)} pages ({tune} tune, {len(pages) - tune} test), "
            f"{sum(len(r['claims']) for r in pages)} claims, "
            f"{sum(1 for r in pages if not r['claims'])} pages with no claim.")
    return head + "\n\n" + "\n".join(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--doc", default="docs/extraction.md")
    a = ap.parse_args(argv)
    pages = load(a.sets)
    with open(a.doc, encoding="utf-8") as f:
        doc = f.read()
    if BEGIN not in doc or END not in doc:
        sys.exit(f"{a.doc}: no {BEGIN} … {END} block to fill")
    before, rest = doc.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    with open(a.doc, "w", encoding="utf-8") as f:
        f.write(before + BEGIN + "\n" + table(pages) + "\n" + END + after)
    print(f"{a.doc}: {len(pages)} pages listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
