#!/usr/bin/env python3
"""Print the Markdown score tables of docs/extraction.md ("Scores") from `ftfwatch eval`.

Runs eval once per set (dev.jsonl, the held-out passage sets, the real-page tune and test parts)
with --summary, so no miss or false alarm of the test part is ever printed: only aggregates.

  tools/score_tables.py [--bin build/ftfwatch] [--texts .cache/realpages]
"""
import argparse, glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, sets, extra):
    out = subprocess.run([binary, "eval", *sets, "--summary", "--format", "json", *extra],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def cell(s):
    if not s or (s["tp"] + s["fp"] + s["fn"]) == 0:
        return "–"
    f1 = "–" if s["tp"] == 0 else f"{s['f1']:.3f}"
    return f"{f1} ({s['tp']}/{s['fp']}/{s['fn']})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "ftfwatch"))
    ap.add_argument("--texts", default=os.path.join(ROOT, ".cache", "realpages"))
    a = ap.parse_args()
    fx = os.path.join(ROOT, "tests", "fixtures", "extraction")
    pages = sorted(glob.glob(os.path.join(ROOT, "tests", "realpages", "pages_*.jsonl")))
    sets = [("dev.jsonl", [os.path.join(fx, "dev.jsonl")], [])]
    for name in ("extra.jsonl", "tune_passages.jsonl", "heldout.jsonl"):
        if os.path.exists(os.path.join(fx, name)):
            sets.append((name, [os.path.join(fx, name)], []))
    sets += [("real pages, tune", pages, ["--texts", a.texts, "--split", "tune"]),
             ("real pages, test", pages, ["--texts", a.texts, "--split", "test"]),
             ("real pages, all", pages, ["--texts", a.texts])]
    res = [(n, run(a.bin, s, e)) for n, s, e in sets]

    print("| set | records | precision | recall | F1 | tp / fp / fn | no-claim records with output |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n, d in res:
        o = d["overall"]
        print(f"| {n} | {d['passages']} | {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} | "
              f"{o['tp']} / {o['fp']} / {o['fn']} | {d['negative_with_output']} of {d['negative_passages']} |")
    fields = ["category", "subgroup", "scope", "unit", "qualifier", "interval", "attribution"]
    print("\nPer field, on cue-aligned pairs (accuracy, aligned pairs):\n")
    print("| set | " + " | ".join(fields) + " |")
    print("| --- " * (len(fields) + 1) + "|")
    for n, d in res:
        f = d["fields"]
        print(f"| {n} | " + " | ".join(
            f"{f[k]['accuracy']:.3f} ({f[k]['aligned']})" if f.get(k) and f[k]["aligned"] else "–"
            for k in fields) + " |")
    for key, title in (("by_construction", "construction"), ("by_category", "category"),
                       ("by_qualifier", "qualifier")):
        print(f"\nPer {title} (F1, tp/fp/fn):\n")
        print(f"| {title} | " + " | ".join(n for n, _ in res) + " |")
        print("| --- " * (len(res) + 1) + "|")
        names = sorted({k for _, d in res for k in d[key]})
        for k in names:
            print(f"| {k} | " + " | ".join(cell(d[key].get(k)) for _, d in res) + " |")


if __name__ == "__main__":
    sys.exit(main())
