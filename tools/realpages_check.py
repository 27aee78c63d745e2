#!/usr/bin/env python3
"""Check the real-page evaluation set (tests/realpages/pages_*.jsonl) and print its counts.

Usage:
    python3 tools/realpages_check.py tests/realpages/pages_*.jsonl --texts .cache/realpages
    python3 tools/realpages_check.py SET.jsonl... [--texts DIR] [--repo ROOT] [--quiet]

Each set file holds one page a line (see tests/realpages/README.md for the schema). The page
texts are never committed; they live in DIR as <id>.txt (UTF-8, the search tool's excerpt byte
for byte). When a page's text is missing the span checks for that page are skipped and counted,
so the check also runs on a fresh clone.

Every problem is printed as FILE:LINE: FIELD: message. The exit status is 1 when there is any
error, 0 otherwise; warnings (things a human should look at, such as a cue whose digits do not
match the claimed value) never change the exit status.
"""

import argparse
import collections
import csv
import datetime
import hashlib
import json
import os
import re
import sys

CATEGORIES = ("departed", "returned", "killed", "detained", "in_theater", "relocated", "convicted")
SUBGROUPS = ("all", "men", "women", "minors")
UNITS = ("persons", "countries", "share")
KINDS = ("news", "think_tank", "un", "government", "encyclopedia", "blog")
PRECISIONS = ("day", "month", "year")
SPLITS = ("tune", "test")

# Which of low/best/high each qualifier fills (annotation guide, "Numbers and qualifiers").
QUALIFIER_FIELDS = {
    "exact": ("best",),
    "approx": ("best",),
    "at_least": ("low",),
    "more_than": ("low",),
    "at_most": ("high",),
    "fewer_than": ("high",),
    "range": ("low", "high"),
    "vague": ("low", "high"),
}

# The fixed intervals of the vague words; a vague claim must use one of them.
VAGUE_INTERVALS = {(3, 9), (24, 99), (200, 999), (200, 499), (300, 999), (2000, 9999), (20000, 99999)}

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
PAGE_FIELDS = ("id", "url", "search_query", "date", "date_precision", "lang", "publisher",
               "title", "kind", "split", "text_sha256", "claims")
CLAIM_FIELDS = ("category", "subgroup", "scope", "unit", "low", "best", "high", "qualifier",
                "attributed_to", "cue", "span")

# Page text must never be committed: no string field of the set may be longer than this.
MAX_FACT_CHARS = {"cue": 80, "title": 300, "search_query": 300, "publisher": 120,
                  "attributed_to": 120, "url": 600}

ID_RE = re.compile(r"^rp[A-Z][0-9]{3}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Thousands may be grouped with commas, dots or (no-break, thin) spaces: "1,910", "15 000".
NUMBER_RE = re.compile(r"(?<![0-9])[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+(?:[,.][0-9]+)*")


def split_of(url):
    """The shared split rule: about one page in three goes to the test part, by URL hash."""
    h = int(hashlib.sha256(url.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 3 == 0 else "tune"


def load_scopes(root):
    """ISO3 codes from data/geo/countries.csv; region scopes from data/geo/regions.csv and the
    source-defined groupings of data/geo/groups.csv ("Western countries")."""
    countries, regions = set(), set()
    with open(os.path.join(root, "data/geo/countries.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            countries.add(row["iso3"])
    with open(os.path.join(root, "data/geo/regions.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            regions.add(row["scope"])
    with open(os.path.join(root, "data/geo/groups.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            regions.add(row["scope"])
    return countries, regions


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def cue_numbers(cue):
    """Numbers written in digits inside a cue ("1,910" -> 1910.0, "2.5" -> 2.5)."""
    out = []
    for m in NUMBER_RE.finditer(cue):
        s = re.sub(r"[ \u00a0\u202f]", "", m.group(0))
        # "1,910" and "1.910"-style thousands groups; a single dot with 1-2 decimals is a decimal.
        if re.fullmatch(r"[0-9]{1,3}([,.][0-9]{3})+", s) and not re.fullmatch(r"[0-9]+\.[0-9]{1,2}", s):
            out.append(float(re.sub(r"[,.]", "", s)))
        else:
            try:
                out.append(float(s.replace(",", "")))
            except ValueError:
                pass
    return out


# Number words a cue may spell a count with ("Fifteen", "a thousand and 136", "two dozen").
SMALL_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS_WORDS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1000000}
# Fractions and rates: a cue holding one of these states a share, or a persons value derived from
# one, so its words and digits are not the claimed count and are not compared with it.
FRACTION_RE = re.compile(r"(?i)half|third|quarter|fifth|tenth|percent|per cent|%|\bone in\b|\bin (?:[0-9]+|ten|five|four|three)\b")
# "3-4,000" and "5–6 000": a bare leading number borrows the magnitude of the grouped one after it.
SHORT_RANGE_RE = re.compile(r"(?<![0-9,.])([0-9]{1,3})\s*[-\u2013]\s*([0-9]{1,3})((?:[, \u00a0\u202f][0-9]{3})+)(?![0-9])")


def word_numbers(cue):
    """Counts spelled in words, digits allowed inside ("a thousand and 136" -> [1136.0],
    "Fifteen" -> [15.0], "two dozen" -> [24.0], "a hundred" -> [100.0])."""
    tokens = []
    for m in re.finditer(NUMBER_RE.pattern + r"|[A-Za-z]+", re.sub(r"(?<=[a-z])-(?=[a-z])", " ", cue.lower())):
        t = m.group(0)
        tokens.append(int(cue_numbers(t)[0]) if t[0].isdigit() and cue_numbers(t) else t)
    tokens = [t for t in tokens if t != ""]
    out, total, current, seen = [], 0, 0, False

    def flush():
        nonlocal total, current, seen
        if seen:
            out.append(float(total + current))
        total, current, seen = 0, 0, False

    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if isinstance(t, int):
            if seen and current == 0 and total:   # "a thousand and 136"
                current = t
            else:
                flush()
                current, seen = t, True
                if nxt not in SCALE_WORDS:
                    flush()
        elif t in SMALL_WORDS:
            current += SMALL_WORDS[t]
            seen = True
        elif t in TENS_WORDS:
            current += TENS_WORDS[t]
            seen = True
        elif t in ("a", "an") and nxt in SCALE_WORDS:
            current, seen = 1, True
        elif t in SCALE_WORDS and seen:
            if SCALE_WORDS[t] == 100:
                current *= 100
            else:
                total, current = total + current * SCALE_WORDS[t], 0
        elif t == "dozen":
            current, seen = (current or 1) * 12, True
        elif t == "and" and seen:
            continue
        else:
            flush()
    flush()
    return out


def cue_values(cue):
    """Every count a cue writes, in digits or words, with shorthand ranges expanded
    ("3-4,000" -> 3000 and 4000; the bare 3 and 4 are not offered)."""
    if FRACTION_RE.search(cue):
        return []
    vals = []
    m = SHORT_RANGE_RE.search(cue)
    if m:
        scale = 10 ** (len(re.sub(r"[^0-9]", "", m.group(3))))
        lo, hi = int(m.group(1)), int(m.group(2) + re.sub(r"[^0-9]", "", m.group(3)))
        if lo * scale <= hi:
            vals.append(float(lo * scale))
            cue = cue[:m.start()] + cue[m.end():]
            vals.append(float(hi))
    if any(ch.isalpha() for ch in cue):
        vals += word_numbers(cue)
    else:
        vals += cue_numbers(cue)
    return vals


def url_key(url):
    """The address a page is known by for the duplicate check: no scheme, no "www.", no trailing
    slash, no AMP suffix, no fragment, host in lower case. "https://www.x.com/a/amp/" and
    "http://x.com/a" are the same page."""
    u = url.strip()
    u = re.sub(r"(?i)^https?://", "", u)
    u = u.split("#", 1)[0]
    host, _, rest = u.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    rest = re.sub(r"(?i)[?&](?:amp|outputtype=amp)(?:=1)?$", "", rest)
    rest = rest.rstrip("/")
    rest = re.sub(r"(?i)(?:^|/)amp(?:\.html)?$", "", rest).rstrip("/")
    return host + ("/" + rest if rest else "")


def edge_problem(text, start, end):
    """Why the span [start, end) of the UTF-8 text is not a whole number or word, or None.
    A cue's digit may not touch another digit, a letter, or a thousands/decimal separator that
    continues the number ("500" inside "2,500", "5" inside "5.5"); a cue's letter may not touch
    another letter ("ten" inside "often")."""
    s = text.decode("utf-8", errors="replace")
    # Byte offsets to character offsets (the span was checked to hold the cue's bytes).
    a = len(text[:start].decode("utf-8", errors="replace"))
    b = a + len(text[start:end].decode("utf-8", errors="replace"))
    return (_edge_problem(s[a], s[a - 2:a][::-1], "first")
            or _edge_problem(s[b - 1], s[b:b + 2], "last"))


def _edge_problem(ch, outside, which):
    """One edge of a span: `ch` is its edge character, `outside` the (up to) two characters
    beyond it, nearest first."""
    nb = outside[:1]
    if ch.isdigit():
        if nb.isalnum():
            return f"its {which} digit touches {nb!r}"
        if nb in (",", ".") and outside[1:2].isdigit():
            return f"the number goes on past its {which} digit ({outside!r})"
    elif ch.isalpha() and nb.isalpha():
        return f"its {which} letter touches {nb!r}"
    return None


class Checker:
    def __init__(self, root, texts_dir):
        self.countries, self.regions = load_scopes(root)
        self.texts_dir = texts_dir
        self.errors = []
        self.warnings = []
        self.pages = []          # (file, line, record) for every parsed page
        self.ids = {}            # id -> "file:line"
        self.urls = {}           # url_key(url) -> "file:line"
        self.texts_missing = 0
        self.texts_checked = 0

    def error(self, where, field, msg):
        self.errors.append(f"{where}: {field}: {msg}")

    def warn(self, where, field, msg):
        self.warnings.append(f"{where}: {field}: {msg}")

    def check_file(self, path):
        m = re.search(r"pages_([a-z])\.jsonl$", os.path.basename(path))
        prefix = "rp" + m.group(1).upper() if m else None
        try:
            f = open(path, "rb")
        except OSError as e:
            self.error(path, "file", f"cannot open: {e.strerror}")
            return
        with f:
            for lineno, raw in enumerate(f, 1):
                where = f"{path}:{lineno}"
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    self.error(where, "line", f"not UTF-8 ({e.reason} at byte {e.start})")
                    continue
                if not line.strip():
                    self.error(where, "line", "empty line")
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    self.error(where, "line", f"not JSON: {e.msg} at column {e.colno}")
                    continue
                if not isinstance(rec, dict):
                    self.error(where, "line", "not a JSON object")
                    continue
                self.check_page(where, rec, prefix)
                self.pages.append((path, lineno, rec))

    def check_page(self, where, rec, prefix):
        for k in PAGE_FIELDS:
            if k not in rec:
                self.error(where, k, "missing")
        for k in rec:
            if k not in PAGE_FIELDS:
                self.error(where, k, "unknown field (page text and notes never go in the set)")
        for k, limit in MAX_FACT_CHARS.items():
            v = rec.get(k)
            if isinstance(v, str) and len(v) > limit:
                self.error(where, k, f"{len(v)} characters (at most {limit}: only facts, never page text)")

        pid = rec.get("id")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            self.error(where, "id", f"{pid!r} is not of the form rpX000")
        else:
            if prefix and not pid.startswith(prefix):
                self.error(where, "id", f"{pid} does not start with {prefix}, the prefix of this file")
            if pid in self.ids:
                self.error(where, "id", f"{pid} already used at {self.ids[pid]}")
            else:
                self.ids[pid] = where

        url = rec.get("url")
        if not isinstance(url, str) or not re.match(r"^https?://", url):
            self.error(where, "url", f"{url!r} is not an http(s) URL")
        else:
            key = url_key(url)
            if key in self.urls:
                self.error(where, "url", f"same page as {self.urls[key]} (addresses compared without scheme, "
                                         "www., trailing slash and AMP suffix)")
            else:
                self.urls[key] = where
            want = split_of(url)
            if rec.get("split") != want:
                self.error(where, "split", f"{rec.get('split')!r}, but the URL hash rule gives {want!r}")

        for k in ("search_query", "publisher", "title"):
            if k in rec and (not isinstance(rec[k], str) or not rec[k].strip()):
                self.error(where, k, "must be a non-empty string")
        if rec.get("lang") != "en":
            self.error(where, "lang", f"{rec.get('lang')!r}; the set holds English pages only")
        if rec.get("kind") not in KINDS:
            self.error(where, "kind", f"{rec.get('kind')!r} is not one of {', '.join(KINDS)}")
        if "split" in rec and rec["split"] not in SPLITS:
            self.error(where, "split", f"{rec['split']!r} is not tune or test")

        date = rec.get("date")
        if not isinstance(date, str) or not DATE_RE.match(date):
            self.error(where, "date", f"{date!r} is not YYYY-MM-DD")
        else:
            try:
                d = datetime.date.fromisoformat(date)
                if not 2013 <= d.year <= 2024:
                    self.error(where, "date", f"{date} is outside 2013-2024")
                prec = rec.get("date_precision")
                if prec not in PRECISIONS:
                    self.error(where, "date_precision", f"{prec!r} is not day, month or year")
                elif prec == "month" and d.day != 1 or prec == "year" and (d.month, d.day) != (1, 1):
                    self.error(where, "date", f"{date} with precision {prec} must be the first day of the {prec}")
            except ValueError:
                self.error(where, "date", f"{date} is not a calendar date")

        claims = rec.get("claims")
        if not isinstance(claims, list):
            self.error(where, "claims", "must be a list ([] for a page with no fighter figure)")
            return
        digest = rec.get("text_sha256")
        if not isinstance(digest, str) or not SHA256_RE.match(digest):
            self.error(where, "text_sha256", f"{digest!r} is not 64 lowercase hex digits")
            digest = None
        text = self.load_text(where, pid) if isinstance(pid, str) and ID_RE.match(pid) else None
        # The digest is how a restored cache is known to be the text the spans were made on,
        # also for pages whose empty claim list has no span to check.
        if text is not None and digest and hashlib.sha256(text).hexdigest() != digest:
            self.error(where, "text_sha256", f"{pid}.txt is not the annotated text (sha256 differs)")
        seen = set()
        span_cue = {}
        for i, c in enumerate(claims):
            cw = f"{where}: claims[{i}]"
            if not isinstance(c, dict):
                self.error(where, f"claims[{i}]", "not an object")
                continue
            self.check_claim(cw, c, text)
            key = json.dumps({k: c.get(k) for k in CLAIM_FIELDS}, sort_keys=True)
            if key in seen:
                self.error(cw, "claim", "exact duplicate of an earlier claim on this page")
            seen.add(key)
            span = c.get("span")
            if isinstance(span, list) and len(span) == 2:
                t = tuple(span)
                if t in span_cue and span_cue[t] != c.get("cue"):
                    self.error(cw, "span", f"same span as an earlier claim whose cue is {span_cue[t]!r}")
                span_cue.setdefault(t, c.get("cue"))

    def load_text(self, where, pid):
        if not self.texts_dir:
            return None
        path = os.path.join(self.texts_dir, pid + ".txt")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            self.texts_missing += 1
            return None
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.error(where, "text", f"{path} is not UTF-8 ({e.reason} at byte {e.start})")
            return None
        self.texts_checked += 1
        return data

    def check_claim(self, cw, c, text):
        for k in CLAIM_FIELDS:
            if k not in c:
                self.error(cw, k, "missing")
        for k in c:
            if k not in CLAIM_FIELDS:
                self.error(cw, k, "unknown field")
        if c.get("category") not in CATEGORIES:
            self.error(cw, "category", f"{c.get('category')!r} is not one of {', '.join(CATEGORIES)}")
        if c.get("subgroup") not in SUBGROUPS:
            self.error(cw, "subgroup", f"{c.get('subgroup')!r} is not one of {', '.join(SUBGROUPS)}")
        unit = c.get("unit")
        if unit not in UNITS:
            self.error(cw, "unit", f"{unit!r} is not one of {', '.join(UNITS)}")
        scope = c.get("scope")
        if scope not in self.countries and scope not in self.regions:
            self.error(cw, "scope", f"{scope!r} is neither an iso3 in data/geo/countries.csv nor a "
                                    "scope in data/geo/regions.csv or groups.csv")
        att = c.get("attributed_to")
        if att is not None and (not isinstance(att, str) or not att.strip()):
            self.error(cw, "attributed_to", "must be a non-empty string or null")
        elif isinstance(att, str) and re.match(r"(?i)^the\s", att):
            self.error(cw, "attributed_to", f"{att!r}: drop the leading article")

        q = c.get("qualifier")
        if q not in QUALIFIER_FIELDS:
            self.error(cw, "qualifier", f"{q!r} is not one of {', '.join(QUALIFIER_FIELDS)}")
        else:
            filled = QUALIFIER_FIELDS[q]
            for k in ("low", "best", "high"):
                v = c.get(k)
                if k in filled:
                    if not is_number(v):
                        self.error(cw, k, f"qualifier {q} needs a number in {k}, got {v!r}")
                    elif v < 0:
                        self.error(cw, k, f"{v} is negative")
                    elif unit == "share" and v > 1:
                        self.error(cw, k, f"{v}: a share is a fraction between 0 and 1")
                    elif unit in ("persons", "countries") and v != int(v):
                        self.error(cw, k, f"{v}: a count is a whole number")
                elif v is not None:
                    self.error(cw, k, f"qualifier {q} leaves {k} null, got {v!r}")
            if q in ("range", "vague") and is_number(c.get("low")) and is_number(c.get("high")):
                if c["low"] > c["high"]:
                    self.error(cw, "low", f"{c['low']} is above high {c['high']}")
                if q == "vague" and (c["low"], c["high"]) not in VAGUE_INTERVALS:
                    self.error(cw, "low", f"vague interval [{c['low']}, {c['high']}] is not one of the "
                                          "guide's fixed intervals")

        cue = c.get("cue")
        span = c.get("span")
        if not isinstance(cue, str) or not cue.strip():
            self.error(cw, "cue", "must be a non-empty string")
            return
        if cue != cue.strip():
            self.error(cw, "cue", f"{cue!r} has leading or trailing space")
        if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                or span[0] < 0 or span[1] <= span[0]):
            self.error(cw, "span", f"{span!r} is not [start, end) byte offsets with start < end")
            return
        if text is not None:
            got = text[span[0]:span[1]]
            if got != cue.encode("utf-8"):
                shown = got.decode("utf-8", errors="replace")
                self.error(cw, "span", f"text bytes [{span[0]}, {span[1]}) are {shown!r}, not the cue {cue!r}")
            else:
                why = edge_problem(text, span[0], span[1])
                if why:
                    self.error(cw, "span", f"cue {cue!r} at [{span[0]}, {span[1]}) is part of a longer number or word: {why}")
        self.check_cue_value(cw, c)

    def check_cue_value(self, cw, c):
        """Warn when the count a cue writes (in digits or words) disagrees with the claimed value:
        a typo, unless the claim is derived from a fraction."""
        if c.get("unit") not in ("persons", "countries") or c.get("qualifier") not in QUALIFIER_FIELDS:
            return
        if c["qualifier"] == "vague" or not isinstance(c.get("cue"), str):
            return
        nums = cue_values(c["cue"])
        if not nums or re.search(r"(?i)million", c["cue"]):
            return
        values = [c.get(k) for k in QUALIFIER_FIELDS[c["qualifier"]] if is_number(c.get(k))]
        for v in values:
            if not any(abs(n - v) < 1e-9 for n in nums):
                self.warn(cw, "cue", f"value {v:g} is not written in the cue {c['cue']!r} "
                                     "(fine for a derived claim; otherwise a typo)")

    def report(self, out):
        pages = [r for _, _, r in self.pages]
        claims = [(r, c) for r in pages for c in r.get("claims") or [] if isinstance(c, dict)]
        with_claims = [r for r in pages if r.get("claims")]
        countries = sorted({c.get("scope") for _, c in claims if c.get("scope") in self.countries})
        regions = sorted({c.get("scope") for _, c in claims if c.get("scope") in self.regions})

        def table(title, counter):
            items = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
            out.write(f"{title}: " + ", ".join(f"{k} {v}" for k, v in items) + "\n")

        out.write(f"pages {len(pages)} (with claims {len(with_claims)}, no-claim {len(pages) - len(with_claims)}), "
                  f"claims {len(claims)}\n")
        out.write(f"texts checked {self.texts_checked}, missing {self.texts_missing}"
                  + ("" if self.texts_dir else " (no --texts: spans not checked)") + "\n")
        for sp in SPLITS:
            ps = [r for r in pages if r.get("split") == sp]
            n_claims = sum(len(r.get("claims") or []) for r in ps)
            n_neg = sum(1 for r in ps if not r.get("claims"))
            out.write(f"split {sp}: pages {len(ps)}, no-claim {n_neg}, claims {n_claims}\n")
        out.write(f"countries covered {len(countries)}: {' '.join(countries)}\n")
        out.write(f"regions covered {len(regions)}: {'; '.join(regions)}\n")
        table("claims by scope", collections.Counter(c.get("scope") for _, c in claims))
        table("pages by kind", collections.Counter(r.get("kind") for r in pages))
        table("pages by year", collections.Counter(str(r.get("date", ""))[:4] for r in pages))
        table("claims by category", collections.Counter(c.get("category") for _, c in claims))
        table("claims by qualifier", collections.Counter(c.get("qualifier") for _, c in claims))
        table("claims by subgroup", collections.Counter(c.get("subgroup") for _, c in claims))
        table("claims by unit", collections.Counter(c.get("unit") for _, c in claims))
        cq = collections.Counter((c.get("category"), c.get("qualifier")) for _, c in claims)
        quals = list(QUALIFIER_FIELDS)
        out.write("category x qualifier:\n")
        out.write("  {:<11}".format("") + "".join(f"{q[:9]:>10}" for q in quals) + f"{'total':>8}\n")
        for cat in CATEGORIES:
            row = [cq.get((cat, q), 0) for q in quals]
            out.write(f"  {cat:<11}" + "".join(f"{n:>10}" for n in row) + f"{sum(row):>8}\n")
        named = sum(1 for _, c in claims if c.get("attributed_to"))
        out.write(f"attribution: {named} claims name a source, {len(claims) - named} null\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check the real-page evaluation set and print its counts.")
    ap.add_argument("sets", nargs="+", metavar="SET.jsonl", help="set files (ids must be unique across all)")
    ap.add_argument("--texts", metavar="DIR", help="folder of page texts <id>.txt; spans are checked against them")
    ap.add_argument("--repo", metavar="ROOT", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                    help="repository root holding data/geo (default: the parent of tools/)")
    ap.add_argument("--quiet", action="store_true", help="print only problems, not the counts")
    args = ap.parse_args(argv)
    if args.texts and not os.path.isdir(args.texts):
        print(f"{args.texts}: --texts: not a folder", file=sys.stderr)
        return 2
    ck = Checker(args.repo, args.texts)
    for path in args.sets:
        ck.check_file(path)
    for w in ck.warnings:
        print("warning: " + w, file=sys.stderr)
    for e in ck.errors:
        print("error: " + e, file=sys.stderr)
    if not args.quiet:
        ck.report(sys.stdout)
    print(f"{len(ck.errors)} errors, {len(ck.warnings)} warnings", file=sys.stderr)
    return 1 if ck.errors else 0


def cli(argv=None):
    """main(), quiet when the reader of the output goes away (`... | head`): no traceback, exit 141
    like a process killed by SIGPIPE."""
    try:
        rc = main(argv)
        sys.stdout.flush()
        return rc
    except BrokenPipeError:
        # Python flushes stdout again at exit; point both streams at /dev/null so that cannot fail.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            for stream in (sys.stdout, sys.stderr):
                os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 141


if __name__ == "__main__":
    sys.exit(cli())
