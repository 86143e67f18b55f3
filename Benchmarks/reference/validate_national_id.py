#!/usr/bin/env python3
"""Straightforward Python reference for `nhi validate --kind national-id --json`.

Reads one ID per line from stdin, applies the SPEC §11 checksum and prints the same JSON
object per line as the Swift CLI (details for valid IDs, an error for invalid ones).
With --checksum-only it only counts valid IDs (no JSON), the fastest honest Python form.
"""
import json
import sys

LETTERS = {c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
           [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33])}
REGIONS = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [
    ("臺北市", "Taipei City", True), ("臺中市", "Taichung City", True), ("基隆市", "Keelung City", True),
    ("臺南市", "Tainan City", True), ("高雄市", "Kaohsiung City", True), ("新北市", "New Taipei City", True),
    ("宜蘭縣", "Yilan County", True), ("桃園市", "Taoyuan City", True), ("嘉義市", "Chiayi City", True),
    ("新竹縣", "Hsinchu County", True), ("苗栗縣", "Miaoli County", True), ("臺中縣", "Taichung County", False),
    ("南投縣", "Nantou County", True), ("彰化縣", "Changhua County", True), ("新竹市", "Hsinchu City", True),
    ("雲林縣", "Yunlin County", True), ("嘉義縣", "Chiayi County", True), ("臺南縣", "Tainan County", False),
    ("高雄縣", "Kaohsiung County", False), ("屏東縣", "Pingtung County", True), ("花蓮縣", "Hualien County", True),
    ("臺東縣", "Taitung County", True), ("金門縣", "Kinmen County", True), ("澎湖縣", "Penghu County", True),
    ("陽明山管理局", "Yangmingshan Administration", False), ("連江縣", "Lienchiang County", True)]))
WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1, 1]


def valid(s):
    if len(s) != 10 or s[0] not in LETTERS or s[1] not in "12" or not s[1:].isdigit():
        return False
    v = LETTERS[s[0]]
    total = v // 10 + (v % 10) * 9 + sum(int(d) * w for d, w in zip(s[1:], WEIGHTS))
    return total % 10 == 0


def main():
    if "--checksum-only" in sys.argv:
        n = sum(1 for line in sys.stdin if valid(line.rstrip("\r\n")))
        print(n, file=sys.stderr)
        return
    out = sys.stdout
    for line in sys.stdin:
        s = line.rstrip("\r\n")
        if valid(s):
            name, name_en, issued = REGIONS[s[0]]
            obj = {"input": s, "kind": "national-id", "valid": True, "normalized": s,
                   "details": {"sex": "M" if s[1] == "1" else "F", "letter": s[0], "region": name,
                               "regionEn": name_en, "letterStillIssued": issued},
                   "errors": [], "changes": []}
        else:
            obj = {"input": s, "kind": "national-id", "valid": False, "normalized": None, "details": {},
                   "errors": [{"code": "nationalID.checksum", "field": "nationalID",
                               "message": "身分證號：檢查碼不符", "messageEn": "National ID: check digit does not match"}],
                   "changes": []}
        out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
