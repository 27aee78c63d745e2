#!/usr/bin/env python3
"""Why the extractor missed or mis-keyed gold claims of the real-page set's TUNE part.

For every tune page whose text is cached, runs `ftfwatch extract --explain --format json` and
puts each gold claim in one bucket:
  hit        a predicted claim at an overlapping span has the same key (category, subgroup,
             scope, unit, qualifier, low/best/high)
  key:F,...  a predicted claim overlaps the span but differs in the listed fields
  no-claim   the number was seen and rejected: the rule that rejected it is counted
  unseen     no number mention overlaps the span
and each predicted claim that overlaps no gold span as a spurious one, by its category rule.
Only the tune part is read: the test part is for reporting (tests/realpages/README.md).

With --passages FILE it reads a passage set with inline texts instead (dev.jsonl, extra.jsonl,
tune_passages.jsonl; never heldout.jsonl, which is report-only): a gold cue's span is its first
occurrence in the text, as `ftfwatch eval` finds it.

  tools/miss_reasons.py [--bin build/ftfwatch] [--texts .cache/realpages] [--show BUCKET]
  tools/miss_reasons.py --passages tests/fixtures/extraction/tune_passages.jsonl [--show BUCKET]
"""
import argparse, collections, glob, json, os, subprocess, sys, tempfile

KEY = ("category", "subgroup", "scope", "unit", "qualifier", "low", "best", "high")


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--bin", default=os.path.join(root, "build", "ftfwatch"))
    ap.add_argument("--texts", default=os.path.join(root, ".cache", "realpages"))
    ap.add_argument("--show", default=None, help="print the cases of buckets starting with this")
    ap.add_argument("--passages", default=None, help="a passage set with inline texts instead of the tune pages")
    args = ap.parse_args()
    buckets, spurious = collections.Counter(), collections.Counter()
    shown = []
    for page, path in records(args, root):
        cmd = [args.bin, "extract", path, "--explain", "--format", "json"]
        if page.get("date"):
            cmd += ["--date", page["date"]]
        out = subprocess.run(cmd, capture_output=True, text=True)
        mentions = json.loads(out.stdout or "[]")
        preds = [c for m in mentions if m.get("claim") for c in m.get("claims", [])]
        text = open(path, encoding="utf-8", newline="").read().encode("utf-8")
        if "text" in page:  # a passage: gold spans are the cues' first occurrences
            for g in page["claims"]:
                at = text.find(g["cue"].encode("utf-8"))
                g["span"] = [at, at + len(g["cue"].encode("utf-8"))] if at >= 0 else [0, 0]
        for g in page["claims"]:
            gs = g["span"]
            over = [p for p in preds if overlaps(p["span"], gs)]
            if any(all(p.get(k) == g.get(k) for k in KEY) for p in over):
                b = "hit"
            elif over:
                best = min(over, key=lambda p: sum(p.get(k) != g.get(k) for k in KEY))
                b = "key:" + ",".join(k for k in KEY if best.get(k) != g.get(k))
            else:
                ms = [m for m in mentions if overlaps(m["span"], gs)]
                b = "no-claim: " + ms[0].get("rule", "?") if ms else "unseen"
            buckets[b] += 1
            if args.show and b.startswith(args.show):
                ctx = text[max(0, gs[0] - 160):gs[1] + 80].decode("utf-8", "replace")
                shown.append(f"{page['id']} [{b}] gold={ {k: g.get(k) for k in KEY} }\n   …{ctx}…")
        for p in preds:
            if not any(overlaps(p["span"], g["span"]) for g in page["claims"]):
                spurious[p.get("rule", "?")] += 1
                if args.show and "spurious".startswith(args.show):
                    ps = p["span"]
                    ctx = text[max(0, ps[0] - 160):ps[1] + 80].decode("utf-8", "replace")
                    shown.append(f"{page['id']} [spurious {p.get('rule')}] {p['category']} {p['scope']} {p.get('best')}\n   …{ctx}…")
    print("gold claims by outcome (" + (os.path.basename(args.passages) if args.passages else "tune") + "):")
    for b, n in buckets.most_common():
        print(f"  {n:4d}  {b}")
    print(f"spurious predictions (no gold at their span): {sum(spurious.values())}")
    for b, n in spurious.most_common(15):
        print(f"  {n:4d}  {b}")
    for s in shown:
        print(s.replace("\n", "\n") + "\n")


def records(args, root):
    """Yields (record, path of its text): the tune pages with cached text, or the passages of
    args.passages, each written to a temporary file so that `extract` reads it like a page."""
    if args.passages:
        tmp = tempfile.mkdtemp(prefix="miss_reasons.")
        for line in open(args.passages, encoding="utf-8"):
            rec = json.loads(line)
            path = os.path.join(tmp, rec["id"] + ".txt")
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(rec["text"])
            yield rec, path
        return
    for f in sorted(glob.glob(os.path.join(root, "tests", "realpages", "pages_*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            page = json.loads(line)
            if page["split"] != "tune":
                continue
            path = os.path.join(args.texts, page["id"] + ".txt")
            if os.path.exists(path):
                yield page, path


if __name__ == "__main__":
    sys.exit(main())
