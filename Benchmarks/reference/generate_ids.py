#!/usr/bin/env python3
"""Writes N national IDs, one per line: about 90 % valid, 10 % with a wrong check digit."""
import random
import sys

LETTERS = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]
WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1]


def main():
    n = int(sys.argv[1])
    rng = random.Random(20261123)
    out = sys.stdout
    chunk = []
    for i in range(n):
        li = rng.randrange(26)
        v = LETTERS[li]
        digits = [rng.choice((1, 2))] + [rng.randrange(10) for _ in range(7)]
        s = v // 10 + (v % 10) * 9 + sum(d * w for d, w in zip(digits, WEIGHTS))
        check = (10 - s % 10) % 10
        if rng.random() < 0.1:
            check = (check + 1 + rng.randrange(9)) % 10
        chunk.append(chr(65 + li) + "".join(map(str, digits)) + str(check))
        if len(chunk) == 100000:
            out.write("\n".join(chunk) + "\n")
            chunk = []
    if chunk:
        out.write("\n".join(chunk) + "\n")


if __name__ == "__main__":
    main()
