#!/usr/bin/env python3
"""Trains the learned claim re-ranker (data/rules/reranker.tsv; docs/extraction.md, "Rules 2.4.0 —
learned claim re-ranker").

Data: the TUNE part of the real-page set (tests/realpages/pages_*.jsonl, texts in
.cache/realpages/<id>.txt; test pages are skipped before their text or claims are read) plus the
passages of dev.jsonl and extra.jsonl. For every record it runs

    ftfwatch extract - --explain --format json --no-rerank

and takes each claim the rules make with its features (src/extract/claim_features.h). A claim is
labelled 1 when it matches a gold claim under `ftfwatch eval`'s rule (src/extract/evaluator.h:
same category, subgroup, scope and unit, intervals within 1 %, gold claims matched greedily in
order, ties broken by cue overlap), else 0.

Model: L2-regularised logistic regression over binary features (a feature seen on fewer than
--min-count claims is left out), fitted by Newton's method (deterministic, no randomness).
The regularisation and the drop threshold are chosen by 5-fold cross-validation grouped by
record (a page or passage is never split across folds; folds by a hash of the id), on the
mean over folds of the F1 of the resulting extractor: a dropped right claim counts as a new
miss, gold claims the rules never make stay misses. A nested cross-validation (the choice made
again inside each outer fold) gives the estimate to quote. The final table is fitted on all
records and written with a header saying how.

Standard library only.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass, field

LAMBDAS = [0.001, 0.003, 0.01, 0.03, 0.1]
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 17)]  # 0.0 (drop nothing) … 0.8
FOLDS = 5


# --- Records and matching (the rule of src/extract/evaluator.cc) ---------------------------

@dataclass
class Pred:
    claim: dict
    features: list[str]
    label: int = 0


@dataclass
class Record:
    id: str
    set: str  # "tune", "dev", "extra"
    golds: list[dict]
    preds: list[Pred] = field(default_factory=list)


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 0.01 * max(abs(x), abs(y))


def _close_opt(a, b) -> bool:
    if a is None and b is None:
        return True
    if a is None or b is None:
        return False
    return _close(a, b)


def intervals_agree(a: dict, b: dict) -> bool:
    if a.get("best") is not None and b.get("best") is not None:
        return _close(a["best"], b["best"])
    if a.get("best") is not None or b.get("best") is not None:
        return False
    return _close_opt(a.get("low"), b.get("low")) and _close_opt(a.get("high"), b.get("high"))


def same_key(a: dict, b: dict) -> bool:
    return all(a.get(k) == b.get(k) for k in ("category", "subgroup", "scope", "unit"))


def overlap(a: dict, b: dict) -> int:
    sa, sb = a.get("span"), b.get("span")
    if not sa or not sb:
        return 0
    return max(0, min(sa[1], sb[1]) - max(sa[0], sb[0]))


def match(golds: list[dict], preds: list[dict]) -> list[bool]:
    """Which predictions match a gold claim (eval's greedy matching)."""
    used = [False] * len(preds)
    for g in golds:
        best, best_ov = -1, -1
        for i, p in enumerate(preds):
            if used[i] or not same_key(g, p) or not intervals_agree(g, p):
                continue
            ov = overlap(g, p)
            if ov > best_ov:
                best, best_ov = i, ov
        if best >= 0:
            used[best] = True
    return used


def counts(record: Record, keep: list[bool]) -> tuple[int, int, int]:
    """tp, fp, fn of the record when only the kept predictions are output."""
    kept = [p.claim for p, k in zip(record.preds, keep) if k]
    tp = sum(match(record.golds, kept))
    return tp, len(kept) - tp, len(record.golds) - tp


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# --- Logistic regression ---------------------------------------------------------------------

def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solves a x = b for a symmetric positive definite a (Cholesky)."""
    n = len(b)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        row = low[i]
        for j in range(i + 1):
            s = a[i][j] - sum(row[k] * low[j][k] for k in range(j))
            row[j] = math.sqrt(max(s, 1e-12)) if i == j else s / low[j][j]
    y = [0.0] * n
    for i in range(n):
        y[i] = (b[i] - sum(low[i][k] * y[k] for k in range(i))) / low[i][i]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (y[i] - sum(low[k][i] * x[k] for k in range(i + 1, n))) / low[i][i]
    return x


def fit(rows: list[list[int]], labels: list[int], dim: int, lam: float, iters: int = 25) -> list[float]:
    """L2-regularised logistic regression by Newton's method.

    rows: the active feature indices of each example (index 0 is the bias, never penalised);
    minimises mean log loss + lam / 2 * |w[1:]|^2. Returns the weights, bias first.
    """
    w = [0.0] * dim
    n = len(rows)
    if n == 0:
        return w
    for _ in range(iters):
        grad = [lam * w[j] if j else 0.0 for j in range(dim)]
        hess = [[0.0] * dim for _ in range(dim)]
        for j in range(1, dim):
            hess[j][j] = lam
        hess[0][0] = 1e-9
        for idx, y in zip(rows, labels):
            p = _sigmoid(sum(w[j] for j in idx))
            g = (p - y) / n
            h = p * (1 - p) / n
            for a in idx:
                grad[a] += g
                ha = hess[a]
                for b in idx:
                    ha[b] += h
        step = _solve(hess, grad)
        w = [wj - sj for wj, sj in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def score(w: list[float], idx: list[int]) -> float:
    return _sigmoid(sum(w[j] for j in idx))


# --- Features ------------------------------------------------------------------------------

def vocabulary(records: list[Record], min_count: int) -> list[str]:
    """Features seen on at least min_count claims, sorted; index 0 of a model is the bias."""
    seen: dict[str, int] = {}
    for r in records:
        for p in r.preds:
            for f in set(p.features):
                seen[f] = seen.get(f, 0) + 1
    return sorted(f for f, c in seen.items() if c >= min_count)


def encode(records: list[Record], vocab: list[str]) -> list[list[list[int]]]:
    at = {f: i + 1 for i, f in enumerate(vocab)}
    return [[[0] + sorted({at[f] for f in p.features if f in at}) for p in r.preds] for r in records]


def fold_of(record_id: str) -> int:
    """The record's fold: a hash of its id, so a record stays in its fold whatever else changes."""
    return int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def train(records: list[Record], lam: float, min_count: int) -> tuple[list[str], list[float]]:
    vocab = vocabulary(records, min_count)
    enc = encode(records, vocab)
    rows = [idx for rec in enc for idx in rec]
    labels = [p.label for r in records for p in r.preds]
    return vocab, fit(rows, labels, len(vocab) + 1, lam)


def predict(records: list[Record], vocab: list[str], w: list[float]) -> list[list[float]]:
    return [[score(w, idx) for idx in rec] for rec in encode(records, vocab)]


def out_of_fold(records: list[Record], folds: list[int], lam: float, min_count: int) -> list[list[float]]:
    """Scores of each record's claims by a model trained on the other folds."""
    scores: list[list[float]] = [[] for _ in records]
    for k in sorted(set(folds)):
        train_set = [r for r, f in zip(records, folds) if f != k]
        vocab, w = train(train_set, lam, min_count)
        for i, (r, f) in enumerate(zip(records, folds)):
            if f == k:
                scores[i] = predict([r], vocab, w)[0]
    return scores


def _per_record(threshold, records) -> list[float]:
    """A threshold for each record: one for all, or each record's own (nested CV)."""
    return threshold if isinstance(threshold, list) else [threshold] * len(records)


def tally(records, scores, threshold, take) -> tuple[int, int, int]:
    """tp, fp, fn over the records i for which take(i, record), claims below threshold dropped."""
    tp = fp = fn = 0
    for i, (r, s, t) in enumerate(zip(records, scores, _per_record(threshold, records))):
        if take(i, r):
            a, b, c = counts(r, [x >= t for x in s])
            tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def fold_f1s(records, folds, scores, threshold, subset=None) -> list[float]:
    """F1 of each fold's held-out records (of `subset`, default all) with claims below
    `threshold` (one for all, or a list: each record's own) dropped."""
    return [f1(*tally(records, scores, threshold,
                      lambda i, r, k=k: folds[i] == k and (not subset or r.set in subset)))
            for k in sorted(set(folds))]


def pooled(records, scores, threshold, subset) -> tuple[int, int, int]:
    return tally(records, scores, threshold, lambda i, r: r.set in subset)


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def choose(records, folds, min_count, lambdas=LAMBDAS, thresholds=THRESHOLDS):
    """(lambda, threshold, mean fold F1, scores) with the best mean fold F1 on all records;
    ties go to the smaller threshold (drop less) and the larger lambda (simpler model)."""
    best = None
    for lam in sorted(lambdas, reverse=True):
        scores = out_of_fold(records, folds, lam, min_count)
        for t in thresholds:
            m = mean(fold_f1s(records, folds, scores, t))
            if best is None or m > best[2] + 1e-12:
                best = (lam, t, m, scores)
    return best


def nested(records, folds, min_count, lambdas=LAMBDAS, thresholds=THRESHOLDS):
    """Scores and threshold per record from a choice made without its outer fold."""
    scores: list[list[float]] = [[] for _ in records]
    thr = [0.0] * len(records)
    choices = []
    for k in sorted(set(folds)):
        inner = [(r, f) for r, f in zip(records, folds) if f != k]
        inner_records = [r for r, _ in inner]
        # Inner folds: the other four outer folds.
        lam, t, _, _ = choose(inner_records, [f for _, f in inner], min_count, lambdas, thresholds)
        vocab, w = train(inner_records, lam, min_count)
        choices.append((k, lam, t))
        for i, (r, f) in enumerate(zip(records, folds)):
            if f == k:
                scores[i] = predict([r], vocab, w)[0]
                thr[i] = t
    return scores, thr, choices


# --- Data ----------------------------------------------------------------------------------

def load_records(pages: list[str], texts: str, passages: list[tuple[str, str]]):
    """(record, text) pairs: tune pages whose text is cached, then the passage sets."""
    out = []
    for path in pages:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                j = json.loads(line)
                if j.get("split") != "tune":
                    continue  # the test part is never read: neither its text nor its claims
                tpath = os.path.join(texts, j["id"] + ".txt")
                if not os.path.exists(tpath):
                    continue
                with open(tpath, "rb") as tf:
                    text = tf.read()
                if j.get("text_sha256") and hashlib.sha256(text).hexdigest() != j["text_sha256"]:
                    sys.exit(f"{tpath}: not the text the set was annotated on")
                out.append((Record(j["id"], "tune", j["claims"]), text, j.get("date", "")))
    for name, path in passages:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                j = json.loads(line)
                text = j["text"].encode("utf-8")
                golds = []
                for g in j["claims"]:
                    g = dict(g)
                    cue = g.get("cue", "").encode("utf-8")
                    at = text.find(cue) if cue else -1
                    if at >= 0:
                        g["span"] = [at, at + len(cue)]
                    golds.append(g)
                out.append((Record(name + ":" + j["id"], name, golds), text, j.get("date", "")))
    return out


def extract(binary: str, text: bytes, date: str) -> list[Pred]:
    cmd = [binary, "--quiet", "extract", "-", "--explain", "--format", "json", "--no-rerank"]
    if date:
        cmd += ["--date", date]
    res = subprocess.run(cmd, input=text, capture_output=True, check=True)
    preds = []
    for m in json.loads(res.stdout):
        for x in m.get("reranked", []):
            preds.append(Pred(x["claim"], x["features"]))
    return preds


def label(records: list[Record]) -> None:
    for r in records:
        for p, ok in zip(r.preds, match(r.golds, [p.claim for p in r.preds])):
            p.label = int(ok)


# --- Output --------------------------------------------------------------------------------

def write_table(path: str, vocab: list[str], w: list[float], threshold: float, header: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for h in header:
            fh.write(("# " + h).rstrip() + "\n")
        fh.write("feature\tweight\n")
        fh.write(f"(bias)\t{w[0]:.4f}\n")
        fh.write(f"(threshold)\t{threshold:.2f}\n")
        for f, x in zip(vocab, w[1:]):
            if abs(x) >= 5e-5:
                fh.write(f"{f}\t{x:.4f}\n")


def prf(tp, fp, fn) -> str:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"P {p:.3f} / R {r:.3f} / F1 {f1(tp, fp, fn):.3f} ({tp}/{fp}/{fn})"


def main(argv=None) -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(root, "build", "ftfwatch"))
    ap.add_argument("--pages", nargs="*",
                    default=sorted(glob.glob(os.path.join(root, "tests", "realpages", "pages_*.jsonl"))))
    ap.add_argument("--texts", default=os.path.join(root, ".cache", "realpages"))
    ap.add_argument("--dev", default=os.path.join(root, "..", "shared", "extraction", "dev.jsonl"))
    ap.add_argument("--extra", default=os.path.join(root, "tests", "fixtures", "extraction", "extra.jsonl"))
    ap.add_argument("--min-count", type=int, default=10, help="leave out features seen on fewer claims")
    ap.add_argument("--out", default=os.path.join(root, "data", "rules", "reranker.tsv"))
    ap.add_argument("--claims-cache", help="keep the rules' claims and features in this JSON file between runs "
                    "(only while the binary and the sets are unchanged)")
    ap.add_argument("--no-nested", action="store_true", help="skip the nested cross-validation (faster)")
    args = ap.parse_args(argv)

    loaded = load_records(args.pages, args.texts, [("dev", args.dev), ("extra", args.extra)])
    cached = {}
    if args.claims_cache and os.path.exists(args.claims_cache):
        with open(args.claims_cache, encoding="utf-8") as fh:
            cached = json.load(fh)
    records = []
    for rec, text, date in loaded:
        if rec.id in cached:
            rec.preds = [Pred(c, f) for c, f in cached[rec.id]]
        else:
            rec.preds = extract(args.bin, text, date)
        records.append(rec)
    if args.claims_cache:
        with open(args.claims_cache, "w", encoding="utf-8") as fh:
            json.dump({r.id: [[p.claim, p.features] for p in r.preds] for r in records}, fh)
    label(records)
    folds = [fold_of(r.id) for r in records]
    sets = {"tune": {"tune"}, "dev": {"dev"}, "extra": {"extra"}, "all": {"tune", "dev", "extra"}}
    n_claims = sum(len(r.preds) for r in records)
    n_pos = sum(p.label for r in records for p in r.preds)
    print(f"{len(records)} records ({sum(r.set == 'tune' for r in records)} tune pages), "
          f"{n_claims} claims of the rules, {n_pos} right", file=sys.stderr)

    lam, t, cv_mean, scores = choose(records, folds, args.min_count)
    rules_only = [[1.0] * len(r.preds) for r in records]
    lines = []

    def report(name, s, thr):
        lines.append(f"{name}:")
        for sub in ("all", "tune"):
            per = fold_f1s(records, folds, s, thr, sets[sub])
            lines.append(f"  mean fold F1, {sub}: {mean(per):.3f}  (folds {' '.join(f'{x:.3f}' for x in per)})")
        for sub in ("tune", "dev", "extra"):
            lines.append(f"  pooled {sub}: {prf(*pooled(records, s, thr, sets[sub]))}")

    report("rules only", rules_only, 0.0)
    report(f"re-ranked, cross-validated (lambda {lam}, threshold {t})", scores, t)
    if not args.no_nested:
        ns, nthr, choices = nested(records, folds, args.min_count)
        report("re-ranked, nested cross-validation (choice remade inside each outer fold: "
               + ", ".join(f"fold {k}: lambda {l}, threshold {th}" for k, l, th in choices) + ")", ns, nthr)
    print("\n".join(lines))

    vocab, w = train(records, lam, args.min_count)
    header = [
        "The learned claim re-ranker (src/extract/reranker.h; docs/extraction.md, Rules 2.4.0).",
        "Written by tools/train_reranker.py; do not edit by hand, retrain.",
        f"Trained on the rules' claims of {sum(r.set == 'tune' for r in records)} tune pages of "
        f"tests/realpages/pages_*.jsonl, {sum(r.set == 'dev' for r in records)} dev.jsonl and "
        f"{sum(r.set == 'extra' for r in records)} extra.jsonl passages: {n_claims} claims, {n_pos} right.",
        f"L2 logistic regression (Newton), lambda {lam}, features seen on >= {args.min_count} claims;",
        f"lambda and threshold chosen by {FOLDS}-fold cross-validation grouped by record (mean fold F1).",
        "Claims scoring below (threshold) are dropped.",
        "",
    ] + lines
    write_table(args.out, vocab, w, t, header)
    print(f"wrote {args.out}: {len(vocab)} features, threshold {t}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
