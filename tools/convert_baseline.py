#!/usr/bin/env python3
"""One-off converter: ../shared/data/ftf (sources.csv, estimates.csv) -> data/baseline/ in
ftfwatch's own formats (docs/formats.md). Kept so the conversion can be checked and rerun.

Usage: python3 tools/convert_baseline.py SHARED_FTF_DIR OUT_DIR
"""
import csv
import sys

KIND = {  # who published each report (weights in fusion depend on it)
    "soufan2017": "think_tank", "soufan2015": "think_tank", "soufan2014": "think_tank",
    "icsr2013": "academic", "icsr2015": "academic", "icsr2018": "academic",
    "icsr2019ctc": "academic", "icct2016": "think_tank",
}
CATEGORY = {  # estimates.csv category -> (category, subgroup)
    "departed": ("departed", "all"), "returned": ("returned", "all"), "killed": ("killed", "all"),
    "detained": ("detained", "all"), "in_theater": ("in_theater", "all"),
    "women_departed": ("departed", "women"), "minors_departed": ("departed", "minors"),
    "women_returned": ("returned", "women"), "minors_returned": ("returned", "minors"),
    "total_affiliated": ("affiliated", "all"),
}
COLUMNS = ["scope", "category", "subgroup", "unit", "low", "best", "high", "qualifier", "as_of",
           "source", "attributed_to", "origin", "document", "span_start", "span_end", "cue",
           "sentence", "page", "note"]


def main(src, out):
    sources = list(csv.DictReader(open(f"{src}/sources.csv", encoding="utf-8")))
    with open(f"{out}/sources.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "publisher", "title", "authors", "published", "url", "kind", "terms", "notes"])
        for s in sources:
            w.writerow([s["source_id"], s["publisher"], s["title"], s["authors"], s["published"], s["url"],
                        KIND[s["source_id"]], s["license_or_terms"], s["notes"]])
    rows = list(csv.DictReader(open(f"{src}/estimates.csv", encoding="utf-8")))
    with open(f"{out}/claims.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            category, subgroup = CATEGORY[r["category"]]
            qualifier, note = r["qualifier"], r["note"]
            low, best, high = r["low"], r["best"], r["high"]
            if qualifier == "official":
                qualifier = "exact"
                note = "the copy labels this the government's official figure; " + note
            if low and high and int(low) > int(high):
                note = f"source file has low {low} > high {high}; stored as {high}-{low}; " + note
                low, high = high, low
            scope = r["country_iso3"] or r["region"]
            w.writerow([scope, category, subgroup, "persons", low, best, high, qualifier, r["as_of"],
                        r["source_id"], "", "baseline", "", "", "", "", "", r["page_or_table"], note])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
