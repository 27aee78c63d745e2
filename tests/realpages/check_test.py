"""Tests of tools/realpages_check.py, the checker of the real-page evaluation set.

Run from the repository root:
    python3 -m unittest tests/realpages/check_test.py

Each case writes a one-page set and its text into a temporary folder and runs the checker on it,
so a wrong check (a span inside a longer number accepted, a correct number word warned about, a
duplicate address missed, a traceback on a closed pipe) fails a test.
"""

import importlib.util
import io
import hashlib
import json
import glob
import os
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
_spec = importlib.util.spec_from_file_location("realpages_check", os.path.join(ROOT, "tools", "realpages_check.py"))
rc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rc)


def url_with_split(split, stem="https://example.org/story"):
    """An address whose hash rule gives `split`, so tests never trip the split check."""
    for i in range(100):
        url = f"{stem}-{i}"
        if rc.split_of(url) == split:
            return url
    raise AssertionError("no address found")


def claim(cue, start, **kw):
    c = {"category": "departed", "subgroup": "all", "scope": "FRA", "unit": "persons",
         "low": None, "best": None, "high": None, "qualifier": "exact",
         "attributed_to": None, "cue": cue, "span": [start, start + len(cue.encode("utf-8"))]}
    c.update(kw)
    return c


def page(pid, url, claims):
    return {"id": pid, "url": url, "search_query": "test", "date": "2016-04-01", "date_precision": "day",
            "lang": "en", "publisher": "Test", "title": "Test page", "kind": "news",
            "split": rc.split_of(url), "claims": claims}


class CheckerCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.texts = os.path.join(self.tmp.name, "texts")
        os.mkdir(self.texts)

    def tearDown(self):
        self.tmp.cleanup()

    def run_set(self, pages, texts):
        """Write pages_a.jsonl and the texts; return the checker after it ran."""
        for pid, text in texts.items():
            with open(os.path.join(self.texts, pid + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        path = os.path.join(self.tmp.name, "pages_a.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for p in pages:
                if "text_sha256" not in p:  # the digest of the page's text, as the set records it
                    body = texts.get(p["id"], "").encode("utf-8")
                    p = dict(p, text_sha256=hashlib.sha256(body).hexdigest())
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        ck = rc.Checker(ROOT, self.texts)
        ck.check_file(path)
        return ck

    def one(self, text, c):
        return self.run_set([page("rpA001", url_with_split("tune"), [c])], {"rpA001": text})


class TextDigest(CheckerCase):
    TEXT = "Some 300 fighters left."

    def test_matching_digest_passes(self):
        ck = self.one(self.TEXT, claim("300", self.TEXT.index("300"), best=300))
        self.assertEqual(ck.errors, [])

    def test_a_changed_text_is_an_error_even_without_claims(self):
        digest = hashlib.sha256(b"Some 300 fighters left").hexdigest()  # the text lost its full stop
        p = dict(page("rpA001", url_with_split("tune"), []), text_sha256=digest)
        ck = self.run_set([p], {"rpA001": self.TEXT})
        self.assertEqual(len(ck.errors), 1, ck.errors)
        self.assertIn("sha256 differs", ck.errors[0])

    def test_malformed_digest_is_an_error(self):
        p = dict(page("rpA001", url_with_split("tune"), []), text_sha256="ABC")
        ck = self.run_set([p], {"rpA001": self.TEXT})
        self.assertEqual(len(ck.errors), 1, ck.errors)
        self.assertIn("text_sha256", ck.errors[0])


class SpanEdges(CheckerCase):
    TEXT = "In all, 2,500 fighters left; about 500 came back and 5.5 percent died often."

    def test_whole_number_passes(self):
        ck = self.one(self.TEXT, claim("about 500", self.TEXT.index("about 500"), category="returned", best=500,
                                       qualifier="approx"))
        self.assertEqual(ck.errors, [])

    def test_grouped_number_passes(self):
        ck = self.one(self.TEXT, claim("2,500", self.TEXT.index("2,500"), best=2500))
        self.assertEqual(ck.errors, [])

    def test_tail_of_a_grouped_number_is_an_error(self):
        ck = self.one(self.TEXT, claim("500", self.TEXT.index("2,500") + 2, best=500))
        self.assertEqual(len(ck.errors), 1, ck.errors)
        self.assertIn("part of a longer number", ck.errors[0])

    def test_head_of_a_grouped_number_is_an_error(self):
        ck = self.one(self.TEXT, claim("2", self.TEXT.index("2,500"), best=2))
        self.assertEqual(len(ck.errors), 1, ck.errors)

    def test_digits_inside_digits_are_an_error(self):
        text = "Belgium44040"
        ck = self.one(text, claim("440", text.index("440"), scope="BEL", best=440))
        self.assertEqual(len(ck.errors), 1, ck.errors)
        self.assertIn("touches", ck.errors[0])

    def test_digits_glued_to_letters_are_an_error(self):
        text = "more foreign fighters, over 3,000than any other"
        ck = self.one(text, claim("over 3,000", text.index("over 3,000"), scope="TUN", low=3000,
                                  qualifier="more_than"))
        self.assertEqual(len(ck.errors), 1, ck.errors)
        self.assertIn("'t'", ck.errors[0])

    def test_decimal_part_is_an_error(self):
        ck = self.one(self.TEXT, claim("5", self.TEXT.index("5.5"), best=5))
        self.assertEqual(len(ck.errors), 1, ck.errors)

    def test_word_inside_a_word_is_an_error(self):
        ck = self.one(self.TEXT, claim("ten", self.TEXT.index("often") + 2, best=10))
        self.assertEqual(len(ck.errors), 1, ck.errors)

    def test_multibyte_text_before_the_span(self):
        text = "Säpo: «about 300» people left — roughly 300 of them men."
        start = len(text[:text.index("about 300")].encode("utf-8"))
        c = claim("about 300", 0, scope="SWE", best=300, qualifier="approx")
        c["span"] = [start, start + len("about 300")]
        self.assertEqual(self.one(text, c).errors, [])


class CueValues(CheckerCase):
    def test_number_words_match_without_warning(self):
        text = "It said 1477 left, including a thousand and 136 men."
        ck = self.one(text, claim("a thousand and 136", text.index("a thousand"), subgroup="men", scope="AZE",
                                  best=1136))
        self.assertEqual((ck.errors, ck.warnings), ([], []))

    def test_number_words_with_a_wrong_value_warn(self):
        text = "It said 1477 left, including a thousand and 136 men."
        ck = self.one(text, claim("a thousand and 136", text.index("a thousand"), subgroup="men", scope="AZE",
                                  best=1036))
        self.assertEqual(len(ck.warnings), 1, ck.warnings)

    def test_spelled_small_number(self):
        text = "Fifteen Australians died."
        ok = self.one(text, claim("Fifteen", 0, category="killed", scope="AUS", best=15))
        self.assertEqual(ok.warnings, [])
        bad = self.one(text, claim("Fifteen", 0, category="killed", scope="AUS", best=50))
        self.assertEqual(len(bad.warnings), 1)

    def test_shorthand_range(self):
        text = "while 3-4,000 are still fighting in Raqqa"
        ok = self.one(text, claim("3-4,000", text.index("3-4"), category="in_theater", scope="World",
                                  low=3000, high=4000, qualifier="range"))
        self.assertEqual((ok.errors, ok.warnings), ([], []))
        # The bare 3 of the shorthand is not a value the cue states.
        bad = self.one(text, claim("3-4,000", text.index("3-4"), category="in_theater", scope="World",
                                   low=3, high=4000, qualifier="range"))
        self.assertEqual(len(bad.warnings), 1, bad.warnings)

    def test_space_grouped_thousands_in_a_worded_cue(self):
        text = "The UN claims that about 15 000 people have travelled"
        ck = self.one(text, claim("about 15 000", text.index("about"), scope="World", best=15000,
                                  qualifier="approx"))
        self.assertEqual(ck.warnings, [])

    def test_derived_fraction_is_not_compared(self):
        text = "Around half the estimated 700 Britons have returned."
        ck = self.one(text, claim("Around half", 0, category="returned", scope="GBR", best=350,
                                  qualifier="approx"))
        self.assertEqual(ck.warnings, [])

    def test_digit_typo_warns(self):
        text = "Some 1,200 left."
        ck = self.one(text, claim("Some 1,200", 0, best=1300, qualifier="approx"))
        self.assertEqual(len(ck.warnings), 1)


class Urls(CheckerCase):
    def test_same_page_under_another_address_is_an_error(self):
        a = url_with_split("tune", "https://www.example.org/news/story")
        b = "http://" + a[len("https://www."):] + "/amp/"
        text = "Nothing here."
        ck = self.run_set([page("rpA001", a, []), page("rpA002", b, [])], {"rpA001": text, "rpA002": text})
        dup = [e for e in ck.errors if ": url: " in e]
        self.assertEqual(len(dup), 1, ck.errors)
        self.assertIn("pages_a.jsonl:1", dup[0])

    def test_different_pages_pass(self):
        a = url_with_split("tune", "https://example.org/news/story")
        b = url_with_split("tune", "https://example.org/news/other")
        ck = self.run_set([page("rpA001", a, []), page("rpA002", b, [])], {"rpA001": "x", "rpA002": "y"})
        self.assertEqual([e for e in ck.errors if ": url: " in e], [])

    def test_url_key(self):
        self.assertEqual(rc.url_key("https://www.X.com/a/amp/"), "x.com/a")
        self.assertEqual(rc.url_key("http://x.com/a?amp=1#top"), "x.com/a")
        self.assertNotEqual(rc.url_key("http://x.com/a"), rc.url_key("http://x.com/b"))
        # "amp" inside a word of the path is kept.
        self.assertEqual(rc.url_key("http://x.com/champ"), "x.com/champ")


class ClosedPipe(unittest.TestCase):
    def test_no_traceback_when_the_reader_goes_away(self):
        class Closed(io.StringIO):
            def write(self, s):
                raise BrokenPipeError(32, "Broken pipe")

            def fileno(self):
                raise io.UnsupportedOperation("no file descriptor")

        old_out, old_err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = Closed(), Closed()
        try:
            code = rc.cli([os.path.join(ROOT, "tests", "realpages", "pages_a.jsonl"), "--repo", ROOT])
        finally:
            sys.stdout, sys.stderr = old_out, old_err
        self.assertEqual(code, 141)


class RealSet(unittest.TestCase):
    def test_committed_set_has_no_errors(self):
        sets = sorted(glob.glob(os.path.join(ROOT, "tests", "realpages", "pages_*.jsonl")))
        self.assertGreaterEqual(len(sets), 3)
        texts = os.path.join(ROOT, ".cache", "realpages")
        ck = rc.Checker(ROOT, texts if os.path.isdir(texts) else None)
        for p in sets:
            ck.check_file(p)
        self.assertEqual(ck.errors, [])


if __name__ == "__main__":
    unittest.main()
