#!/usr/bin/env python3
"""A straightforward Python reference for `nhi batch-register check FILE --roster ROSTER`:
the csv module, a dict and a set, doing the same checks (ID and resident-number checksums,
e-mail, mobile, landline with area codes and extension, Excel damage — full-width, spaces,
lower case, dropped leading zero, scientific notation —, duplicates, roster membership).

    reference.py FILE ROSTER ENCODING

Prints {"rows", "valid", "invalid"} so the benchmark can check that both agree.
"""
import csv
import json
import re
import sys

LETTERS = {c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                 [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33])}
WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
AREAS = {"02": {8}, "03": {7}, "04": {7, 8}, "05": {7}, "06": {7}, "07": {7}, "08": {7}, "049": {7},
         "037": {6}, "082": {6}, "089": {6}, "0826": {5}, "0836": {5}}
FULL = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "})
EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")
SCI = re.compile(r"^([1-9])(?:\.(\d+))?[eE]\+?(\d{1,3})$")


def valid_id(text):
    if len(text) != 10 or not ("A" <= text[0] <= "Z") or not text[2:].isdigit():
        return False
    second = text[1]
    if second in "12" or second in "89":
        d1 = int(second)
    elif second in "ABCD":
        d1 = LETTERS[second] % 10
    else:
        return False
    v = LETTERS[text[0]]
    digits = [v // 10, v % 10, d1] + [int(c) for c in text[2:]]
    return sum(d * w for d, w in zip(digits, WEIGHTS)) % 10 == 0


def valid_email(text):
    local, _, domain = text.partition("@")
    return bool(EMAIL.match(local + "@" + domain.lower())) and ".." not in local and not local.startswith(".") \
        and not local.endswith(".") and len(text) <= 254


def scientific(text):
    m = SCI.match(text)
    if not m:
        return text
    digits = (m.group(1) + (m.group(2) or "")).rstrip("0") or m.group(1)
    return digits if len(digits) == int(m.group(3)) + 1 else None   # None: digits lost


def valid_mobile(text):
    text = text.translate(FULL).strip()
    if not text:
        return True
    text = scientific(text)
    if text is None:
        return False
    if re.fullmatch(r"9\d{8}", text):
        text = "0" + text
    return bool(re.fullmatch(r"09\d{8}", text.replace("-", "").replace(" ", "")))


def valid_landline(text):
    text = text.translate(FULL).strip()
    if not text:
        return True
    text = scientific(text)
    if text is None:
        return False
    main, _, ext = text.partition("#")
    if ext and not (ext.isdigit() and 1 <= len(ext) <= 6):
        return False
    if "-" in main:
        area, _, number = main.partition("-")
        return area in AREAS and number.isdigit() and len(number) in AREAS[area] and number[0] != "0"
    if main.isdigit() and not main.startswith("0"):
        main = "0" + main
    for area in sorted(AREAS, key=len, reverse=True):
        rest = main[len(area):]
        if main.startswith(area) and rest.isdigit() and len(rest) in AREAS[area] and rest[0] != "0":
            return True
    return False


def main():
    path, roster_path, encoding = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(roster_path, encoding="cp950", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        roster = {row[0] for row in reader if row}
    seen = {}
    rows = valid = 0
    with open(path, encoding=encoding, newline="") as f:
        for number, row in enumerate(csv.reader(f), start=1):
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            row = (row + ["", "", "", ""])[:4]
            pid = row[0].translate(FULL).strip().upper().replace(" ", "").replace("-", "")
            ok = valid_id(pid)
            ok = valid_email(row[1].translate(FULL).strip()) and ok
            ok = valid_mobile(row[2]) and ok
            ok = valid_landline(row[3]) and ok
            if valid_id(pid):
                if pid in seen:
                    ok = False
                else:
                    seen[pid] = number
                if pid not in roster:
                    ok = False
            valid += ok
    print(json.dumps({"rows": rows, "valid": valid, "invalid": rows - valid}))


if __name__ == "__main__":
    main()
