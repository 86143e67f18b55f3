#!/usr/bin/env python3
"""Generates the batch-registration benchmark data: a roster of N in-force people and a
registration file of N rows drawn from it, with realistic damage.

    generate.py OUTDIR [N] [SEED]

Writes OUTDIR/roster.csv (CP950, header 身分證號,姓名,…), OUTDIR/1100010001150101.csv
(CP950, no header, CRLF: what Excel saves) and OUTDIR/1100010001150102.csv (UTF-8, LF).
About 1 % of rows are damaged: 0.3 % leading zero dropped from the mobile, 0.1 % scientific
notation, 0.1 % lower-case ID, 0.1 % full-width digits in the mobile, 0.1 % stray spaces,
0.2 % not in the roster, 0.1 % duplicates of an earlier row.
"""
import random
import sys

LETTERS = {c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                 [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33])}
WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯翁魏孫戴"
GIVEN = "志明家豪俊宏建宏宗翰承恩冠宇柏翰怡君淑芬雅婷美玲佳穎欣怡詩涵宜蓁思妤品妍子涵雅琪惠如碁"


def check_digit(prefix):
    v = LETTERS[prefix[0]]
    digits = [v // 10, v % 10] + [int(c) for c in prefix[1:]]
    s = sum(d * w for d, w in zip(digits, WEIGHTS))
    return str((10 - s % 10) % 10)


def national_id(rng, serial):
    letter = "ABCDEFGHJKMNPQTUVXWZ"[serial % 20]
    prefix = letter + rng.choice("12") + "%07d" % (serial // 20 % 10_000_000)
    return prefix + check_digit(prefix)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20160713)
    people = []
    seen = set()
    serial = rng.randrange(1_000_000)
    while len(people) < n:
        serial += rng.randrange(1, 97)
        pid = national_id(rng, serial)
        if pid in seen:
            continue
        seen.add(pid)
        people.append(pid)
    with open(f"{out}/roster.csv", "w", encoding="cp950", newline="") as f:
        f.write("身分證號,姓名,身分,被保險人身分證號,出生日期,投保金額,加保日期\r\n")
        for pid in people:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            f.write(f"{pid},{name},本人,,0{rng.randrange(60, 99)}/0{rng.randrange(1, 10)}/1{rng.randrange(0, 10)},"
                    f"{rng.choice([29500, 30300, 31800, 45800])},113/0{rng.randrange(1, 10)}/01\r\n")
    rows = []
    for i, pid in enumerate(people):
        r = rng.random()
        mobile = "09%08d" % rng.randrange(100_000_000)
        landline = "0%d-%d" % rng.choice([(2, rng.randrange(20_000_000, 30_000_000)), (3, rng.randrange(2_000_000, 5_000_000))])
        if rng.random() < 0.3:
            landline += "#%d" % rng.randrange(1, 9999)
        if rng.random() < 0.2:
            landline = ""
        email = f"user{i}@example{rng.randrange(100)}.com.tw"
        if r < 0.003:
            mobile = mobile[1:]
        elif r < 0.004:
            mobile = "%.2E" % int(mobile)
        elif r < 0.005:
            pid = pid.lower()
        elif r < 0.006:
            mobile = mobile.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        elif r < 0.007:
            email = " " + email + " "
        elif r < 0.009:
            prefix = "Z1" + "%07d" % rng.randrange(10_000_000)
            pid = prefix + check_digit(prefix)
            if pid in seen:
                pid = pid[:-1] + str((int(pid[-1]) + 1) % 10)
        elif r < 0.010 and rows:
            pid = rows[rng.randrange(len(rows))][0]
        rows.append((pid, email, mobile, landline))
    with open(f"{out}/1100010001150101.csv", "w", encoding="cp950", newline="") as f:
        for row in rows:
            f.write(",".join(row) + "\r\n")
    with open(f"{out}/1100010001150102.csv", "w", encoding="utf-8", newline="") as f:
        for row in rows:
            f.write(",".join(row) + "\n")


if __name__ == "__main__":
    main()
