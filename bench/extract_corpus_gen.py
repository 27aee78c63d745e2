#!/usr/bin/env python3
"""Deterministic news-like corpus for the extraction benchmark (JSON Lines on stdout).

    extract_corpus_gen.py MEGABYTES [--seed N]

Each line is {"id", "date", "source", "text"}: a few paragraphs of news-like English where most
sentences carry numbers that are not fighter figures (prices, scores, dates, years, populations,
percentages, casualties) and about one document in twenty mentions foreign fighters with a
figure or two. Same arguments -> same bytes (fixed seed, no clock, no locale).
"""
import json
import random
import sys

PLACES = ["France", "Germany", "Belgium", "Tunisia", "Russia", "Kosovo", "the United Kingdom", "Sweden",
          "Austria", "Morocco", "Indonesia", "Canada", "Spain", "the Netherlands", "Denmark", "Jordan"]
DEMONYMS = ["French", "German", "Belgian", "Tunisian", "Russian", "Swedish", "Austrian", "Moroccan", "Dutch"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SOURCES = ["Daily Ledger", "Evening Post", "Metro Wire", "Coastal Times", "The Northern Herald"]

FILLER = [
    "Shares in the company rose {p}% to ${d}.{c} on {m} {day} after it reported revenue of ${n} million.",
    "The council approved a budget of €{n} million for {y}, up from €{n2} million a year earlier.",
    "Temperatures reached {t} degrees on Tuesday, the highest since {y}, and {n3} homes lost power.",
    "The home side won {s1}-{s2} in front of {n} fans, their {o}th win in {s3} matches this season.",
    "The city of {n} people will hold elections on {day} {m}, with {s3} candidates on the ballot.",
    "Unemployment fell to {p}.{c} percent in {m}, the statistics office said, from {p2}.{c} percent in {y}.",
    "A {s3}-year-old man was taken to hospital after the crash on the A{s2} near junction {s1}.",
    "Trains between the two cities will run every {s3} minutes from {m} {y}, the operator said.",
    "The museum, which opened in {y}, expects {n} visitors this year and has {n3} works on display.",
    "Police said {s3} people were arrested after the match and {s1} officers were injured.",
    "The report, published on {day} {m}, runs to {n3} pages and makes {s3} recommendations.",
    "Prices for a litre of milk have risen by {p} percent since {y}, according to the survey.",
    "The storm left {n3} households without water, and repairs could cost up to ${n} million.",
    "In {y}, the factory employed {n} workers; today about {n3} remain after {s3} rounds of cuts.",
    "The hospital treated {n3} patients in {m}, and waiting times fell by {p} per cent.",
]
FTF = [
    "Officials say about {f} {dem} citizens travelled to Syria and Iraq to join the Islamic State, and some {g} have returned.",
    "At least {g} foreign fighters from {pl} have come back since {y}, according to the interior ministry.",
    "More than {f} people left {pl} to fight in Syria; roughly {g} of them are believed to have been killed.",
    "Hundreds of jihadists from {pl} are still held in camps in northeastern Syria, officials said.",
]


def doc_text(rng, i):
    paras = []
    ftf = rng.random() < 0.05
    for _ in range(rng.randint(3, 7)):
        sents = []
        for _ in range(rng.randint(2, 5)):
            tpl = rng.choice(FILLER)
            sents.append(tpl.format(
                p=rng.randint(1, 40), p2=rng.randint(1, 40), d=rng.randint(5, 900), c=rng.randint(0, 9),
                m=rng.choice(MONTHS), day=rng.randint(1, 28), n=f"{rng.randint(1, 999):,}",
                n2=rng.randint(1, 999), n3=f"{rng.randint(10, 99999):,}", y=rng.randint(1990, 2023),
                t=rng.randint(10, 45), s1=rng.randint(0, 9), s2=rng.randint(0, 9), s3=rng.randint(2, 60),
                o=rng.randint(4, 20)))
        paras.append(" ".join(sents))
    if ftf:
        tpl = rng.choice(FTF)
        paras.insert(rng.randint(0, len(paras)), tpl.format(
            f=f"{rng.randint(100, 5000):,}", g=rng.randint(10, 90), dem=rng.choice(DEMONYMS),
            pl=rng.choice(PLACES), y=rng.randint(2012, 2019)))
    return "\n\n".join(paras)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    target = int(float(sys.argv[1]) * 1_000_000)
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20171024
    rng = random.Random(seed)
    out = sys.stdout
    written = 0
    i = 0
    buf = []
    while written < target:
        line = json.dumps({"id": f"doc{i:08d}", "date": f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                           "source": rng.choice(SOURCES), "text": doc_text(rng, i)}, ensure_ascii=False) + "\n"
        buf.append(line)
        written += len(line.encode("utf-8"))
        i += 1
        if len(buf) >= 1000:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))


if __name__ == "__main__":
    main()
