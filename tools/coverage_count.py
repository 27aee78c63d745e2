#!/usr/bin/env python3
"""Report the two coverage targets of issue 14 item 2 from `ftfwatch ledger --format json`.

Targets (defaults; change them with the options):
  1. a departed figure is stated for at least --min-countries (100) countries;
  2. each of the --top (25) countries with the most departures has at least --min-dates (3)
     dated figures with different dates.

Reading of the ledger JSON (a list of entries, one per scope, category and subgroup):
  * a "country" is a scope written as an ISO3 code (three capital letters); regions and ad-hoc
    groups ("Western Balkans", "Caribbean") are left out;
  * a country "states a departed figure" when it has a departed entry (any subgroup) backed by
    at least one claim; a stated zero counts (the countries whose departed claims all state zero
    are listed under the count);
  * "the most departures" ranks countries by their fused departed estimate for subgroup all:
    the best value, else the low end, else the high end (open intervals have no best);
  * "dated figures" are the claims in the evidence of every entry of the country (any category
    and subgroup) that carry an as_of date; the target counts their distinct dates. The
    departed-only count is printed beside it.

Usage:  ftfwatch --db DB ledger --format json | tools/coverage_count.py [--check]
        tools/coverage_count.py ledger.json
With --check the exit status is 1 when a target is missed.
"""
import argparse
import json
import re
import sys

ISO3 = re.compile(r"^[A-Z]{3}$")


def rank_value(entry):
    """The fused departed estimate used for ranking, or None when the entry states no number."""
    for key in ("best", "low", "high"):
        v = entry.get(key)
        if v is not None:
            return v
    return None


def coverage(ledger, top_n=25):
    """Per-country facts from a ledger JSON list.

    Returns a dict: departed_countries (sorted ISO3 list), top (list of dicts with scope, name,
    estimate, dates, departed_dates, sources), countries (all ISO3 with any entry).
    """
    dates = {}           # ISO3 -> set of as_of over all claims of the country
    departed_dates = {}  # ISO3 -> set of as_of over departed claims
    sources = {}         # ISO3 -> set of source ids
    departed = set()
    nonzero = set()      # ISO3 with a departed claim that states a number above zero
    estimate = {}
    names = {}
    for e in ledger:
        scope = e.get("scope", "")
        if not ISO3.match(scope):
            continue
        names[scope] = e.get("name") or scope
        ev = e.get("evidence") or []
        claim_dates = {x.get("as_of") for x in ev if x.get("as_of")}
        dates.setdefault(scope, set()).update(claim_dates)
        sources.setdefault(scope, set()).update(x.get("source") for x in ev if x.get("source"))
        if e.get("category") == "departed":
            if e.get("n_claims", len(ev)) > 0:
                departed.add(scope)
            departed_dates.setdefault(scope, set()).update(claim_dates)
            for x in ev:
                st = x.get("stated") or {}
                if any((st.get(k) or 0) > 0 for k in ("best", "low", "high")):
                    nonzero.add(scope)
            if e.get("subgroup") == "all":
                v = rank_value(e)
                if v is not None:
                    estimate[scope] = v
    ranked = sorted(estimate, key=lambda s: (-estimate[s], s))[:top_n]
    top = [dict(scope=s, name=names[s], estimate=estimate[s], dates=sorted(dates.get(s, ())),
                departed_dates=sorted(departed_dates.get(s, ())), sources=sorted(sources.get(s, ())))
           for s in ranked]
    return dict(departed_countries=sorted(departed), top=top, countries=sorted(names),
                zero_only=sorted(departed - nonzero))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger", nargs="?", help="ledger JSON file (default: stdin)")
    ap.add_argument("--min-countries", type=int, default=100)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--min-dates", type=int, default=3)
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    try:
        text = open(args.ledger, encoding="utf-8").read() if args.ledger else sys.stdin.read()
        ledger = json.loads(text)
    except (OSError, ValueError) as err:
        print(f"coverage_count: {args.ledger or '<stdin>'}: {err}", file=sys.stderr)
        return 2
    if not isinstance(ledger, list):
        print(f"coverage_count: {args.ledger or '<stdin>'}: expected a JSON list (ftfwatch ledger --format json)",
              file=sys.stderr)
        return 2

    cov = coverage(ledger, args.top)
    n_dep = len(cov["departed_countries"])
    ok1 = n_dep >= args.min_countries
    short = [t for t in cov["top"] if len(t["dates"]) < args.min_dates]
    ok2 = not short and len(cov["top"]) == args.top
    print(f"countries with a departed figure: {n_dep} (target {args.min_countries}): {'met' if ok1 else 'NOT met'}")
    print(f"top {args.top} by fused departed estimate with >= {args.min_dates} distinct dates: "
          f"{len(cov['top']) - len(short)}/{len(cov['top'])}: {'met' if ok2 else 'NOT met'}")
    if cov["zero_only"]:
        print(f"  of which {len(cov['zero_only'])} state only zero departures: " + ", ".join(cov["zero_only"]))
    print()
    print(f"{'rank':>4}  {'ISO3':4}  {'departed':>9}  {'dates':>5}  {'dep.dates':>9}  dates (all categories)")
    for i, t in enumerate(cov["top"], 1):
        est = f"{t['estimate']:,.0f}"
        print(f"{i:>4}  {t['scope']:4}  {est:>9}  {len(t['dates']):>5}  {len(t['departed_dates']):>9}  "
              + " ".join(t["dates"]))
    if short:
        print()
        print("short of dates: " + ", ".join(t["scope"] for t in short))
    return 0 if (ok1 and ok2) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
