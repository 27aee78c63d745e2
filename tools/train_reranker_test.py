"""Unit tests of tools/train_reranker.py on a tiny synthetic set (no binary needed)."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_reranker as tr  # noqa: E402


def claim(scope="GBR", best=100, span=(0, 3), category="departed"):
    return {"category": category, "subgroup": "all", "scope": scope, "unit": "persons",
            "low": None, "best": best, "high": None, "span": list(span)}


def synthetic(n=20):
    """Each record: one gold claim, one right prediction (kind=good) and one wrong (kind=bad)."""
    records = []
    for i in range(n):
        r = tr.Record(f"rec{i:02d}", "tune", [claim()])
        r.preds = [tr.Pred(claim(), ["kind=good", "shared=x"]), tr.Pred(claim(scope="FRA", span=(10, 13)),
                                                                         ["kind=bad", "shared=x"])]
        records.append(r)
    tr.label(records)
    return records


class Matching(unittest.TestCase):
    def test_eval_rule(self):
        g = claim(best=1000)
        self.assertEqual(tr.match([g], [claim(best=1009)]), [True])   # within 1 %
        self.assertEqual(tr.match([g], [claim(best=1020)]), [False])
        self.assertEqual(tr.match([g], [claim(best=1000, scope="World")]), [False])
        # Two equal predictions: the one overlapping the gold cue wins, once.
        self.assertEqual(tr.match([g], [claim(best=1000, span=(50, 53)), claim(best=1000)]), [False, True])

    def test_counts_after_dropping(self):
        r = synthetic(1)[0]
        self.assertEqual(tr.counts(r, [True, True]), (1, 1, 0))
        self.assertEqual(tr.counts(r, [True, False]), (1, 0, 0))
        self.assertEqual(tr.counts(r, [False, True]), (0, 1, 1))  # a dropped hit is a new miss


class Training(unittest.TestCase):
    def test_fit_learns_and_is_deterministic(self):
        records = synthetic()
        vocab, w = tr.train(records, 0.01, 1)
        self.assertEqual(vocab, ["kind=bad", "kind=good", "shared=x"])
        weights = dict(zip(vocab, w[1:]))
        self.assertGreater(weights["kind=good"], 0)
        self.assertLess(weights["kind=bad"], 0)
        self.assertEqual((vocab, w), tr.train(records, 0.01, 1))

    def test_min_count_leaves_rare_features_out(self):
        records = synthetic(3)
        records[0].preds[0].features.append("rare=yes")
        self.assertNotIn("rare=yes", tr.vocabulary(records, 2))
        self.assertIn("rare=yes", tr.vocabulary(records, 1))

    def test_cross_validation_finds_a_threshold_that_helps(self):
        records = synthetic()
        folds = [tr.fold_of(r.id) for r in records]
        self.assertTrue(all(0 <= f < tr.FOLDS for f in folds))
        lam, t, cv, _ = tr.choose(records, folds, 1, lambdas=[0.01, 0.1], thresholds=[0.0, 0.5])
        rules_only = tr.mean(tr.fold_f1s(records, folds, [[1.0, 1.0]] * len(records), 0.0))
        self.assertEqual(t, 0.5)
        self.assertGreater(cv, rules_only)
        self.assertAlmostEqual(cv, 1.0)

    def test_table_format(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "reranker.tsv")
            tr.write_table(path, ["kind=bad", "kind=good"], [0.5, -2.0, 3.0], 0.35, ["trained on nothing", ""])
            lines = open(path, encoding="utf-8").read().splitlines()
        self.assertEqual(lines[:2], ["# trained on nothing", "#"])
        self.assertEqual(lines[2:], ["feature\tweight", "(bias)\t0.5000", "(threshold)\t0.35", "kind=bad\t-2.0000",
                                     "kind=good\t3.0000"])


if __name__ == "__main__":
    unittest.main()
