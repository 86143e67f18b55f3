#!/usr/bin/env python3
"""A straightforward Python implementation of the grade lookup and the NHI premium formula,
run on the same data files and the same inputs as `nhi-bench grades`, for comparison.

Lookup: bisect on the tables' effective dates, then bisect on the grade amounts.
Premium (SPEC §10): per_head = round_half_up(amount × rate × insured share);
unit/government = round_half_up(amount × rate × share × (1 + average dependants)),
with exact integer arithmetic (fractions reduced once, not per call).

Usage: grades.py TABLES_DIR LOOKUPS TABLES REPEATS
Prints one JSON object with the same keys as `nhi-bench grades --json`.
"""
import bisect
import glob
import json
import os
import sys
import time
from fractions import Fraction

MASK = (1 << 64) - 1


def splitmix(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rate(text):
    return Fraction(text[:-1]) / 100 if text.endswith("%") else Fraction(text)


def series(path, value):
    """The entries of a dated file as (dates, values), values parsed once at load."""
    entries = sorted(json.load(open(path, encoding="utf-8"))["entries"], key=lambda e: e["effectiveFrom"])
    return [e["effectiveFrom"] for e in entries], [value(e) for e in entries]


def in_force(entries, date):
    dates, values = entries
    index = bisect.bisect_right(dates, date) - 1
    if index < 0:
        raise KeyError(date)
    return values[index]


def main():
    root, lookups, tables, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    nhi = []
    for path in glob.glob(os.path.join(root, "nhi", "*.json")):
        table = json.load(open(path, encoding="utf-8"))
        nhi.append((table["effectiveFrom"], [row["amount"] for row in table["grades"]]))
    nhi.sort()
    table_dates = [d for d, _ in nhi]
    premium_rates = series(os.path.join(root, "rates", "nhi-premium.json"), lambda e: rate(e["value"]))
    dependants = series(os.path.join(root, "rates", "nhi-average-dependants.json"), lambda e: rate(e["value"]))
    shares = series(os.path.join(root, "rules", "nhi-shares.json"),
                    lambda e: {k: {p: rate(v) for p, v in t.items()} for k, t in e["shares"].items()})

    def lookup(salary, date):
        amounts = nhi[bisect.bisect_right(table_dates, date) - 1][1]
        index = bisect.bisect_left(amounts, salary)
        return amounts[min(index, len(amounts) - 1)]

    def factors(date, category="employee"):
        r = in_force(premium_rates, date)
        heads = 1 + in_force(dependants, date)
        s = in_force(shares, date)[category]
        return [(f.numerator, f.denominator) for f in
                (r * s["insured"], r * s["unit"] * heads, r * s["government"] * heads)]

    def half_up(amount, factor):
        n, d = factor
        return (2 * amount * n + d) // (2 * d)

    dates = ["2023-06-30", "2024-06-30", "2025-06-30", "2026-06-30"]
    rng = splitmix(20260101)
    salaries = [next(rng) % 350001 for _ in range(lookups)]

    def best(body):
        fastest = float("inf")
        result = None
        for _ in range(repeats):
            start = time.perf_counter()
            result = body()
            fastest = min(fastest, time.perf_counter() - start)
        return fastest, result

    def run_lookups():
        total = 0
        for index, salary in enumerate(salaries):
            total += lookup(salary, dates[index & 3])
        return total

    premium_count = min(lookups, 200000)

    def run_premiums():
        total = 0
        for salary in salaries[:premium_count]:
            amount = lookup(salary, dates[3])
            f = factors(dates[3])
            total += half_up(amount, f[0]) + half_up(amount, f[1]) + half_up(amount, f[2])
        return total

    def run_tables():
        total = 0
        for _ in range(tables):
            day = "2026-01-01"
            amounts = nhi[bisect.bisect_right(table_dates, day) - 1][1]
            f = factors(day)
            for amount in amounts:
                total += half_up(amount, f[0]) * 4 + half_up(amount, f[1]) + half_up(amount, f[2])
        return total // tables

    lookup_seconds, lookup_checksum = best(run_lookups)
    premium_seconds, premium_checksum = best(run_premiums)
    table_seconds, table_checksum = best(run_tables)
    print(json.dumps({
        "lookups": lookups, "lookupSeconds": lookup_seconds, "lookupsPerSecond": int(lookups / lookup_seconds),
        "lookupChecksum": lookup_checksum, "premiums": premium_count,
        "premiumsPerSecond": int(premium_count / premium_seconds), "premiumChecksum": premium_checksum,
        "tables": tables, "tableMicroseconds": table_seconds / tables * 1e6, "tableChecksum": table_checksum,
    }))


if __name__ == "__main__":
    main()
