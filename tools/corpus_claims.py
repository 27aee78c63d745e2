#!/usr/bin/env python3
"""Where the extractor's claims fall on the shared news-like benchmark corpus.

../shared/bench/make_corpus.py writes, beside the corpus, OUT.gold.jsonl: the sentences that
carry a fighter figure (document, byte start, text). Everything else is filler full of other
numbers (casualties, prices, tourists, commuters). A claim whose cue lies outside every gold
sentence is therefore a false alarm, whatever its fields: this measures precision on ordinary
news, which the annotated sets (written about fighters) barely test.

  tools/corpus_claims.py CORPUS.txt [--bin build/ftfwatch] [--docs N] [--show K]

Prints claims inside gold sentences, claims in filler, and the K most frequent filler
sentence shapes (digits and capitalised words masked) with the category claimed.
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bin", default=os.path.join(root, "build", "ftfwatch"))
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    gold = collections.defaultdict(list)
    figures = 0
    for line in open(a.corpus + ".gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        if a.docs and g["doc"] >= a.docs:
            continue
        gold[g["doc"]].append((g["start"], g["start"] + len(g["text"].encode("utf-8"))))
        figures += len(g["figures"])
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for i, line in enumerate(open(a.corpus, encoding="utf-8")):
            if a.docs and i >= a.docs:
                break
            out.write(json.dumps({"id": str(i), "date": "2020-01-01", "text": line.rstrip("\n")}) + "\n")
    res = subprocess.run([a.bin, "extract", "--jsonl", out.name, "--format", "json"], capture_output=True, text=True)
    os.unlink(out.name)
    if res.returncode != 0:
        sys.exit(res.stderr)
    inside = filler = 0
    shapes = collections.Counter()
    for line in res.stdout.splitlines():
        rec = json.loads(line)
        doc = int(rec["id"])
        for c in rec["claims"]:
            at = c["span"][0]
            if any(b <= at < e for b, e in gold[doc]):
                inside += 1
            else:
                filler += 1
                shape = re.sub(r"[A-Z][a-z]+", "X", re.sub(r"[\d][\d,.]*", "N", c["sentence"]))[:80]
                shapes[shape + " => " + c["category"]] += 1
    print(f"claims in figure sentences {inside}, in filler {filler}; figures in the gold file {figures}")
    for shape, n in shapes.most_common(a.show):
        print(f"  {n:5d}  {shape}")


if __name__ == "__main__":
    sys.exit(main())
