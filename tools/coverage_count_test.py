#!/usr/bin/env python3
"""Tests for tools/coverage_count.py on a synthetic ledger.  Run: python3 tools/coverage_count_test.py"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coverage_count as cc  # noqa: E402


def entry(scope, category, best=None, low=None, high=None, dates=(), subgroup="all", stated=None):
    ev = [dict(as_of=d, source="s", stated=stated if stated is not None else dict(best=best, low=low, high=high))
          for d in dates]
    return dict(scope=scope, name=scope, category=category, subgroup=subgroup, best=best, low=low, high=high,
                n_claims=len(ev), evidence=ev)


LEDGER = [
    entry("AAA", "departed", best=500, dates=["2014", "2015-01-26", "2017-10-31"]),
    entry("AAA", "returned", best=50, dates=["2018-02"]),
    entry("BBB", "departed", low=300, dates=["2015"]),            # open interval: ranked by low
    entry("BBB", "killed", best=10, dates=["2016", "2017"]),      # other categories count for dates
    entry("CCC", "departed", best=0, dates=["2014-09-29"]),       # stated zero
    entry("DDD", "departed", best=40, subgroup="women", dates=["2019"]),  # no 'all' entry: counted, not ranked
    entry("Western Balkans", "departed", best=900, dates=["2017"]),       # not a country
    entry("EEE", "returned", best=5, dates=["2016"]),             # no departed entry
]


class CoverageTest(unittest.TestCase):
    def test_departed_countries(self):
        cov = cc.coverage(LEDGER, top_n=25)
        self.assertEqual(cov["departed_countries"], ["AAA", "BBB", "CCC", "DDD"])
        self.assertEqual(cov["zero_only"], ["CCC"])

    def test_ranking_and_dates(self):
        cov = cc.coverage(LEDGER, top_n=2)
        self.assertEqual([t["scope"] for t in cov["top"]], ["AAA", "BBB"])
        self.assertEqual(len(cov["top"][0]["dates"]), 4)
        self.assertEqual(len(cov["top"][0]["departed_dates"]), 3)
        self.assertEqual(cov["top"][1]["dates"], ["2015", "2016", "2017"])

    def run_main(self, *args):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(LEDGER, f)
        try:
            out = io.StringIO()
            with redirect_stdout(out):
                rc = cc.main([f.name, *args])
            return rc, out.getvalue()
        finally:
            os.unlink(f.name)

    def test_check_exit_status(self):
        rc, out = self.run_main("--check", "--min-countries", "4", "--top", "2", "--min-dates", "3")
        self.assertEqual(rc, 0, out)
        self.assertIn("countries with a departed figure: 4 (target 4): met", out)
        self.assertIn("state only zero departures: CCC", out)
        rc, out = self.run_main("--check", "--min-countries", "5", "--top", "2")
        self.assertEqual(rc, 1)
        self.assertIn("NOT met", out)

    def test_not_a_list(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write('{"scope": "AAA"}')
        try:
            with redirect_stdout(io.StringIO()), open(os.devnull, "w") as null:
                old, sys.stderr = sys.stderr, null
                try:
                    self.assertEqual(cc.main([f.name]), 2)
                finally:
                    sys.stderr = old
        finally:
            os.unlink(f.name)


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_binary():
    """FTFWATCH from the environment, else build/ftfwatch in the tree, else None."""
    cand = os.environ.get("FTFWATCH") or os.path.join(ROOT, "build", "ftfwatch")
    return cand if os.path.isfile(cand) and os.access(cand, os.X_OK) else None


@unittest.skipUnless(find_binary(), "ftfwatch binary not built (set FTFWATCH or build build/ftfwatch)")
class ReportsLayerEndToEnd(unittest.TestCase):
    """Imports data/layers/reports into a fresh database with the real binary and checks the targets."""

    def test_layer_imports_and_meets_targets(self):
        exe = find_binary()
        tmp = tempfile.mkdtemp()
        try:
            db = os.path.join(tmp, "cov.db")
            layer = os.path.join(ROOT, "data", "layers", "reports")
            subprocess.run([exe, "--db", db, "-q", "import", os.path.join(layer, "sources.csv"),
                            os.path.join(layer, "claims.csv")], check=True)
            out = subprocess.run([exe, "--db", db, "-q", "ledger", "--format", "json"], check=True,
                                 capture_output=True, text=True).stdout
            cov = cc.coverage(json.loads(out), top_n=25)
            self.assertGreaterEqual(len(cov["departed_countries"]), 100)
            self.assertEqual(len(cov["top"]), 25)
            for t in cov["top"]:
                self.assertGreaterEqual(len(t["departed_dates"]), 3, t["scope"])
            # a country that only the layer covers, with its agency figure
            self.assertIn("AZE", cov["departed_countries"])
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
