#!/usr/bin/env python3
"""Turn the real-page evaluation set into a bundled data layer of accepted claims.

Reads tests/realpages/pages_*.jsonl (one annotated page a line: url, date, publisher, title,
kind, claims in the extraction schema) and writes data/layers/<name>/sources.csv and
claims.csv in ftfwatch's import formats (docs/formats.md), which `ftfwatch layers load` and
every new database import.

What is kept is facts with their citation only: the page URL, publisher, date, the figures,
whom the page credits (attributed_to) and the short cue (the number phrase). Never the page
text, a sentence or a title beyond the publisher's own headline.

One source per publisher and edition: pages of one publisher on one date are one edition (one
source; its URL field lists every page); each claim's note names the page it came from.
Claims whose scope the gazetteer does not know, or whose numbers do not fit their qualifier,
are left out and counted.

Usage: tools/realpages_layer.py [--pages DIR] [--out data/layers/realpages] [--geo data/geo]
"""
import argparse
import csv
import glob
import json
import os
import re
import sys

KIND = {  # page kind -> source kind (docs/fusion.md weighs these)
    "news": "news", "blog": "news", "think_tank": "think_tank", "academic": "academic",
    "government": "government", "un": "intergovernmental", "intergovernmental": "intergovernmental",
}
CATEGORIES = {"departed", "returned", "killed", "detained", "in_theater", "relocated", "convicted", "affiliated"}
SUBGROUPS = {"all", "men", "women", "minors"}
UNITS = {"persons", "countries", "share"}
SOURCE_COLUMNS = ["id", "publisher", "title", "authors", "published", "url", "kind", "terms", "notes"]
CLAIM_COLUMNS = ["scope", "category", "subgroup", "unit", "low", "best", "high", "qualifier", "as_of", "source",
                 "attributed_to", "origin", "document", "span_start", "span_end", "cue", "sentence", "page", "note"]


def slug(text):
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-") or "unspecified"


def known_scopes(geo_dir):
    scopes = set()
    with open(os.path.join(geo_dir, "countries.csv"), newline="", encoding="utf-8") as f:
        scopes.update(row["iso3"] for row in csv.DictReader(f))
    with open(os.path.join(geo_dir, "regions.csv"), newline="", encoding="utf-8") as f:
        scopes.update(row["scope"] for row in csv.DictReader(f))
    return scopes


def num(v):
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def shape_ok(c):
    """The numbers a qualifier needs (claims/claim.cc ValidateClaimShape), and order."""
    lo, best, hi, q = c.get("low"), c.get("best"), c.get("high"), c.get("qualifier")
    vals = [v for v in (lo, best, hi) if v is not None]
    if any((not isinstance(v, (int, float))) or v < 0 for v in vals):
        return False
    if c.get("unit") == "share" and any(v > 1 for v in vals):
        return False
    if lo is not None and hi is not None and lo > hi:
        return False
    if lo is not None and best is not None and lo > best:
        return False
    if best is not None and hi is not None and best > hi:
        return False
    need = {
        "exact": best is not None or (lo is not None and hi is not None and lo == hi),
        "approx": best is not None or (lo is not None and hi is not None),
        "at_least": lo is not None, "more_than": lo is not None,
        "at_most": hi is not None, "fewer_than": hi is not None,
        "range": lo is not None and hi is not None, "vague": lo is not None and hi is not None,
    }
    return need.get(q, False)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default=os.path.join(root, "tests", "realpages"))
    ap.add_argument("--out", default=os.path.join(root, "data", "layers", "realpages"))
    ap.add_argument("--geo", default=os.path.join(root, "data", "geo"))
    a = ap.parse_args()

    scopes = known_scopes(a.geo)
    sources, claims = {}, []
    dropped = {"unknown scope": 0, "bad shape": 0, "unknown field value": 0, "no date": 0}
    pages = 0
    files = sorted(glob.glob(os.path.join(a.pages, "pages_*.jsonl")))
    if not files:  # never overwrite a layer with an empty one
        sys.exit(f"{a.pages}: no pages_*.jsonl files")
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    page = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{line_no}: not JSON: {e}")
                pages += 1
                date = page.get("date") or ""
                if not page.get("claims"):
                    continue
                if not date:
                    dropped["no date"] += len(page["claims"])
                    continue
                publisher = (page.get("publisher") or "").strip() or "unspecified"
                sid = f"rp-{slug(publisher)}-{date}"
                src = sources.setdefault(sid, {
                    "id": sid, "publisher": publisher, "title": "", "authors": "", "published": date, "url": [],
                    "kind": KIND.get(page.get("kind") or "", "unspecified"), "terms": "Figures only (facts with "
                    "their citation); the page text is not redistributed.",
                    "notes": "Real-page evaluation set (tests/realpages/), annotated by hand; one source per "
                    "publisher and edition (publication date).",
                })
                if page["url"] not in src["url"]:
                    src["url"].append(page["url"])
                if not src["title"] and page.get("title"):
                    src["title"] = page["title"]
                for c in page["claims"]:
                    if c.get("scope") not in scopes:
                        dropped["unknown scope"] += 1
                        continue
                    if (c.get("category") not in CATEGORIES or (c.get("subgroup") or "all") not in SUBGROUPS
                            or (c.get("unit") or "persons") not in UNITS):
                        dropped["unknown field value"] += 1
                        continue
                    if not shape_ok(c):
                        dropped["bad shape"] += 1
                        continue
                    cue = " ".join((c.get("cue") or "").split())[:80]  # one line, as the text reads
                    claims.append({
                        "scope": c["scope"], "category": c["category"], "subgroup": c.get("subgroup") or "all",
                        "unit": c.get("unit") or "persons", "low": num(c.get("low")), "best": num(c.get("best")),
                        "high": num(c.get("high")), "qualifier": c["qualifier"], "as_of": date, "source": sid,
                        "attributed_to": c.get("attributed_to") or "", "origin": "layer/realpages", "document": "",
                        "span_start": "", "span_end": "", "cue": cue, "sentence": "", "page": page["url"],
                        "note": f"page {page.get('id', '')}",
                    })
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, SOURCE_COLUMNS, lineterminator="\n")
        w.writeheader()
        for sid in sorted(sources):
            row = dict(sources[sid])
            row["url"] = " ; ".join(row["url"])
            w.writerow(row)
    # A page that states one figure twice in the same words gives one claim.
    unique = {tuple(r[k] for k in CLAIM_COLUMNS): r for r in claims}
    claims = list(unique.values())
    claims.sort(key=lambda r: (r["scope"], r["category"], r["subgroup"], r["unit"], r["as_of"], r["source"],
                               r["qualifier"], r["low"], r["best"], r["high"], r["cue"], r["page"]))
    with open(os.path.join(a.out, "claims.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, CLAIM_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(claims)
    departed = {c["scope"] for c in claims if c["category"] == "departed" and c["subgroup"] == "all"
                and c["unit"] == "persons" and len(c["scope"]) == 3 and c["scope"].isupper()}
    print(f"{pages} pages -> {len(sources)} sources, {len(claims)} claims in {a.out}; "
          f"{len(departed)} countries with a departed figure; left out: "
          + ", ".join(f"{n} {why}" for why, n in dropped.items() if n), file=sys.stderr)


if __name__ == "__main__":
    main()
