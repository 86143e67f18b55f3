#!/usr/bin/env python3
"""Generates the NHIFormats test vectors and their expected results.

    python3 Tests/NHIFormatsTests/Vectors/generate.py

The files are written with Python's own codecs (cp950, utf-8-sig, utf-16), not with the
SDK, and the expectations in expected.json are written here by hand from the rules in
SPEC §5/§10/§11 and the seeds — so the tests compare the SDK against an independent
statement of what each file contains. The expectations below are written with rows as a
spreadsheet numbers them (the header row is row 1); for batch-registration files they are
then renumbered as the NHI's result log numbers them (第N筆: data rows only, the header and
blank rows not counted; a blank row has no number, 0) — see `nhi_rows`.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

LETTERS = {c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                 [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33])}


def nid(letter, serial, sex="1"):
    """A valid national ID (SPEC §11 checksum) from a letter and an 7-digit serial."""
    prefix = letter + sex + "%07d" % serial
    v = LETTERS[letter]
    digits = [v // 10, v % 10] + [int(c) for c in prefix[1:]]
    s = sum(d * w for d, w in zip(digits, [1, 9, 8, 7, 6, 5, 4, 3, 2, 1]))
    return prefix + str((10 - s % 10) % 10)


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def write(path, text, encoding, newline):
    data = text.replace("\n", newline).encode(encoding)
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


def err(row, column, code, rule=None):
    item = {"row": row, "column": column, "code": code}
    if rule:
        item["rule"] = rule
    return item


def warn(row, column, code, suggestion):
    return {"row": row, "column": column, "code": code, "suggestion": suggestion}


def mask(text):
    return text[:6] + "****"


expected = {}

# --- Seed 003: the template's header and example row ------------------------------------
# Z987654321 is shaped like a new-form resident number (second character 9) and fails the
# checksum (sum 271): the seed's own example row is rejected.
seed003 = ('身分證號,電子郵件,行動電話,"連絡電話(區碼以-隔開,分機以#隔開)",<第一列請勿上傳\n'
           "Z987654321,Z987654321@eg.com.tw,0912345678,03-1234567#123\n")
write("batch/1100010001050801.csv", seed003, "cp950", "\r\n")
expected["1100010001050801.csv"] = {
    "encoding": "cp950", "variant": "current", "header": True, "rows": 1, "valid": 0, "invalid": 1, "blankRows": 0,
    "errors": [err(2, 1, "batch.invalidID", "residentID.checksum")], "warnings": [],
}
seed003b = "Z987654321,Z987654321@gg.com.tw,0912345678,02-12345678#1234\n"
write("batch/1200000001050530.csv", seed003b, "cp950", "\r\n")
expected["1200000001050530.csv"] = {
    "encoding": "ascii", "variant": "current", "header": False, "rows": 1, "valid": 0, "invalid": 1, "blankRows": 0,
    "errors": [err(1, 1, "batch.invalidID", "residentID.checksum")], "warnings": [],
}

# --- Seed 002: the 2016 three-column form, Gregorian file name -------------------------
# A122334455 (sum 92) and B222334455 (sum 109) fail the checksum; the phones are valid.
seed002 = "身分證號(必填),電子郵件(必填),電話\nA122334455,12345@nhi.gov.tw,0227065866\nB222334455,22345@nhi.gov.tw,0221912006\n"
write("batch/11000000120150807.CSV", seed002, "cp950", "\r\n")
expected["11000000120150807.CSV"] = {
    "encoding": "cp950", "variant": "2016", "header": True, "rows": 2, "valid": 0, "invalid": 2, "blankRows": 0,
    "errors": [err(2, 1, "batch.invalidID", "nationalID.checksum"), err(3, 1, "batch.invalidID", "nationalID.checksum")],
    "warnings": [warn(0, 0, "batch.fileNameGregorian", "1100000011040807.csv")],
}

# --- Excel damage, the same rows in five encodings / line endings ----------------------
B, C, D, E = nid("B", 1234561), nid("C", 2345672), nid("D", 3456783), nid("E", 4567894)
G, H, J, K = nid("G", 5678905), nid("H", 6789016), nid("J", 7890127), nid("K", 8901238)
M, N, P, Q = nid("M", 9012349), nid("N", 1357913), nid("P", 2468024), nid("Q", 3692581, "2")
T, U, V, X, Y = nid("T", 4815162), nid("U", 3421309), nid("V", 1111111), nid("X", 2222222, "2"), nid("Y", 3333333)
damage_rows = [
    "身分證號,電子郵件,行動電話,聯絡電話",                                   # 1 header
    "A123456789,a@example.com.tw,0912345678,02-27065866",                      # 2 valid
    "F131104093,f@example.com.tw,912345678,03-1234567#123",                    # 3 leading zero
    "O158238845,o@example.com.tw,9.12345678E+08,",                             # 4 scientific, recoverable
    "W123456789,w@example.com.tw,9.12E+08,",                                   # 5 scientific, lost
    "z123456780,z@example.com.tw,,",                                           # 6 lower case
    fullwidth(B) + ",b@example.com.tw,,",                                      # 7 full width
    " " + C + " ,c@example.com.tw,,",                                          # 8 stray spaces
    D + ",d@example.com.tw,0912-345-678,(02)2706-5866",                        # 9 reformatted
    E + ",e@example.com.tw,,227065866",                                        # 10 landline zero
    "A123456789,dup@example.com.tw,,",                                         # 11 duplicate of row 2
    ",,,",                                                                     # 12 blank
    "A800000014,r@example.com.tw,,",                                           # 13 new resident number
    "AC03095424,r2@example.com.tw,0987654321,",                                # 14 old resident number
    "A123456788,bad@example.com.tw,,",                                         # 15 checksum
    G + ",not-an-email,,",                                                     # 16 e-mail
    H + ",,0912345678,",                                                       # 17 e-mail missing
    J + ",j@example.com.tw,0812345678,",                                       # 18 mobile prefix
    K + ",k@example.com.tw,,02-1234#1",                                        # 19 landline length
    M + ",m@example.com.tw,0912345678,02-27065866,",                           # 20 extra empty column
    N + ",n@example.com.tw,0912345678,02-27065866,extra",                      # 21 extra column with data
    P + ",=1+1@example.com.tw,,",                                              # 22 formula-like e-mail
    Q + ",Ｑ@example.com.tw,,",                                                # 23 full-width e-mail
    T + ",t@example.com.tw,０９１２３４５６７８,",                              # 24 full-width mobile
    U + ",碁@example.com.tw,,",                                                # 25 ETEN character (CP950 F9D6)
    V + ",v@EXAMPLE.COM.TW,,",                                                 # 26 upper-case domain: fine
    X + ",x@example.com.tw,+886912345678,",                                    # 27 international form
    Y + ",y@example.com.tw",                                                   # 28 two columns only
]
damage_text = "\n".join(damage_rows) + "\n"
damage_expect = {
    "variant": "current", "header": True, "rows": 26, "valid": 17, "invalid": 9, "blankRows": 1,
    "errors": [
        err(5, 3, "excel.scientificNotation"),
        err(11, 1, "batch.duplicateID"),
        err(15, 1, "batch.invalidID", "nationalID.checksum"),
        err(16, 2, "batch.invalidEmail", "email.format"),
        err(17, 2, "batch.missingEmail"),
        err(18, 3, "batch.invalidMobile", "mobile.prefix"),
        err(19, 4, "batch.invalidLandline", "landline.length"),
        err(21, 5, "batch.tooManyColumns"),
        err(25, 2, "batch.invalidEmail", "email.localPart"),
    ],
    "warnings": [
        warn(3, 3, "excel.leadingZeroDropped", "0912345678"),
        warn(4, 3, "excel.scientificNotationRecovered", "0912345678"),
        warn(4, 3, "excel.leadingZeroDropped", "0912345678"),
        warn(6, 1, "excel.lowercase", "Z12345****"),
        warn(7, 1, "excel.fullWidth", mask(B)),
        warn(8, 1, "excel.whitespace", mask(C)),
        warn(9, 3, "batch.reformatted", "0912345678"),
        warn(9, 4, "batch.reformatted", "02-27065866"),
        warn(10, 4, "excel.leadingZeroDropped", "02-27065866"),
        warn(10, 4, "batch.reformatted", "02-27065866"),
        warn(12, 0, "batch.blankRow", None),
        warn(20, 5, "batch.extraColumns", ""),
        warn(22, 2, "excel.formulaLike", None),
        warn(23, 2, "excel.fullWidth", "Q@example.com.tw"),
        warn(24, 3, "excel.fullWidth", "0912345678"),
        warn(27, 3, "batch.reformatted", "0912345678"),
        warn(28, 3, "batch.missingColumns", ""),
    ],
}
for name, encoding, newline, reported in [
    ("1100010001150101.csv", "cp950", "\r\n", "cp950"),        # what Excel saves
    ("1100010001150102.csv", "utf-8-sig", "\n", "utf-8"),      # CSV UTF-8 with BOM, LF
    ("1100010001150103.csv", "utf-16", "\r\n", "utf-16le"),    # UTF-16LE with BOM (Python writes the BOM)
    ("1100010001150104.csv", "cp950", "\r", "cp950"),          # CR only
    ("1100010001150105.csv", "utf-8", "\r\n", "utf-8"),        # UTF-8 without BOM
]:
    write("batch/" + name, damage_text, encoding, newline)
    expected[name] = dict(damage_expect, encoding=reported)

# The roster of unit 110001000: every valid person of the damage file except X (row 27).
roster_ids = ["A123456789", "F131104093", "O158238845", "W123456789", "Z123456780", B, C, D, E,
              "A800000014", "AC03095424", G, H, J, K, M, N, P, Q, T, U, V, Y]
roster = "身分證號,姓名,身分,被保險人身分證號,出生日期,投保金額,加保日期\n" + "".join(
    f"{pid},測試{i:02d}碁,本人,,080/01/{(i % 28) + 1:02d},{[29500, 30300, 45800][i % 3]},114/01/01\n" for i, pid in enumerate(roster_ids))
write("roster/roster-110001000.csv", roster, "cp950", "\r\n")
expected["roster-110001000.csv"] = {"people": len(roster_ids)}
expected["1100010001150101.csv+roster"] = dict(
    damage_expect, encoding="cp950", valid=16, invalid=10,
    errors=sorted(damage_expect["errors"] + [err(27, 1, "batch.notInForce")], key=lambda e: (e["row"], e["column"])))

# --- Quoting, line breaks inside fields, broken quotes (UTF-8, LF, no header) ----------
quoted = ('A123456789,"a@example.com.tw","0912345678","02-27065866"\n'
          'F131104093,"f,x@example.com.tw",,\n'
          '"O158238845","o""q@example.com.tw",,\n'
          'W123456789,"w@example.com.tw\n",,\n'
          'Z123456780,z@exa"mple.com.tw,,\n'
          + B + ',"b@example.com.tw"x,,\n'
          + C + ',"c@example.com.tw,,\n'
          + D + ",d@example.com.tw,,\n")
write("batch/1100010001150106.csv", quoted, "utf-8", "\n")
expected["1100010001150106.csv"] = {
    "encoding": "ascii", "variant": "current", "header": False, "rows": 7, "valid": 2, "invalid": 5, "blankRows": 0,
    "errors": [
        err(2, 2, "batch.invalidEmail", "email.localPart"),
        err(3, 2, "batch.invalidEmail", "email.localPart"),
        err(5, 2, "csv.strayQuote"),
        err(5, 2, "batch.invalidEmail", "email.domain"),
        err(6, 2, "csv.textAfterQuote"),
        err(7, 2, "csv.unterminatedQuote"),
        err(7, 2, "batch.invalidEmail", "email.format"),
    ],
    "warnings": [
        warn(4, 2, "excel.whitespace", "w@example.com.tw"),
        warn(7, 3, "batch.missingColumns", ""),
    ],
    # row 4 spans lines 4–5, so row 5 starts on line 6
    "lines": {"5": 6, "7": 8},
}

# --- Undecodable Big5 ---------------------------------------------------------------------
undecodable = (b"A123456789,a@example.com.tw,0912345678,02-27065866\r\n"
               b"F131104093,\x81 bad@example.com.tw,,\r\n"
               b"O158238845,o@example.com.tw,,\xa4\r\n"
               b"\xa4\xa4\xb0\xea,x@example.com.tw,,\r\n")  # 中國: decodable, but not an ID
with open(os.path.join(HERE, "batch/1100010001150107.csv"), "wb") as f:
    f.write(undecodable)
expected["1100010001150107.csv"] = {
    "encoding": "cp950", "variant": "current", "header": False, "rows": 4, "valid": 1, "invalid": 3, "blankRows": 0,
    "errors": [
        err(2, 2, "encoding.undecodable"),
        err(3, 4, "encoding.undecodable"),
        err(4, 1, "batch.invalidID", "personalID.format"),
    ],
    "warnings": [],
}

# --- Result log (seed 003, verbatim) ------------------------------------------------------
log_lines = [
    "2016/7/13 上午 11:56:45 開始執行...",
    "2016/7/13 上午 11:56:45 第1筆資料:A23084****(非該單位在保險對象)不入檔!",
    "2016/7/13 上午 11:56:45 第2筆資料:A23057****(非該單位在保險對象)不入檔!",
    "2016/7/13 上午 11:56:45 第3筆資料:C22028****(非該單位在保險對象)不入檔!",
    "2016/7/13 上午 11:56:45 第4筆資料:P12123****(非該單位在保險對象)不入檔!",
    "2016/7/13 上午 11:56:45 結束執行...",
    "2016/7/13 上午 11:56:45 ----總共上傳4筆,成功註冊0筆,失敗4筆----",
]
write("log/1333974211050713.1050713104533.log", "\n".join(log_lines) + "\n", "cp950", "\r\n")
bad_totals = log_lines[:-1] + ["2016/7/13 上午 11:56:45 ----總共上傳4筆,成功註冊1筆,失敗4筆----"]
write("log/1333974211050713.1050713104534.log", "\n".join(bad_totals) + "\n", "cp950", "\r\n")
missing_line = log_lines[:2] + log_lines[3:]
write("log/1333974211050713.1050713104535.log", "\n".join(missing_line) + "\n", "cp950", "\r\n")

# --- DPR (SPEC §10) -----------------------------------------------------------------------
def dpr_unit(ubn, code, start, end, count, paid, premium, payer, phone="02-27065866", email="pay@example.com.tw", contact="王小明"):
    return f"1,{ubn},{code},{start},{end},{count},{paid},{premium},{payer + chr(0x3000) * (25 - len(payer))},{phone},{email},{contact}"


dpr62 = "\n".join([
    "*扣繳補充保險費明細 所得類別62",
    "*欄位：資料類別,申報類別,給付日期,身分證號,姓名,給付金額,扣繳補充保險費金額,申報編號,投保單位代號,當月投保金額,累計獎金,備註",
    # SPEC §10's example: insured 31,800, bonuses this year 150,000 → 22,800 above 4 × 31,800 → 481.
    dpr_unit("04595257", "62", "11401", "11412", 2, 350000, 835, "臺灣測試股份有限公司"),
    "2,I,1140131,A123456789,陳志明,150000,481,,110001000,31800,150000,年終獎金",
    "2,I,1140228,F131104093,林淑芬,200000,354,,110001000,45800,200000,",
]) + "\n"
write("dpr/DPR045952571150301001.csv", dpr62, "cp950", "\r\n")
dpr65 = "\n".join([
    "*所得類別65 執行業務收入",
    dpr_unit("22099131", "65", "11403", "11403", 3, 95000, 2005, "碁石顧問有限公司"),
    "2,I,1140305,A123456789,陳志明,30000,633,,講座鐘點費",
    "2,I,1140310,A800000014,ＪＯＨＮ　ＳＭＩＴＨ,25000,528,,",
    "2,R,1140315,AC03095424,王大同,40000,844,A0001,更正",
]) + "\n"
write("dpr/DPR220991311140401001.csv", dpr65, "cp950", "\r\n")
expected["DPR045952571150301001.csv"] = {"valid": True, "details": 2, "incomeCode": "62", "totalPaid": 350000, "totalPremium": 835}
expected["DPR220991311140401001.csv"] = {"valid": True, "details": 3, "incomeCode": "65", "totalPaid": 95000, "totalPremium": 2005}
dpr_bad = "\n".join([
    dpr_unit("04595257", "67", "11401", "11402", 3, 100000, 2110, "測試"),
    "2,I,1140131,A123456789,陳志明,50000,1055,,",
    "2,I,1140331,F131104093,林淑芬,50000,1055,,",                 # row 3: outside 11401–11402
    "2,I,1140131,A123456789,陳志明,50000,1055,,",                 # row 4: duplicate of row 2
    "2,X,1140132,A123456788,,5e4,,,",                              # row 5: kind, date, ID, name, amounts
]) + "\n"
write("dpr/DPR045952571150301002.csv", dpr_bad, "cp950", "\r\n")
expected["DPR045952571150301002.csv"] = {
    "valid": False,
    "errors": [
        err(1, 6, "dpr.count"),
        err(3, 3, "dpr.period"),
        err(4, 4, "dpr.duplicateDetail"),
        err(5, 2, "dpr.field"),
        err(5, 3, "dpr.field", "rocDate.day"),
        err(5, 4, "dpr.field", "nationalID.checksum"),
        err(5, 5, "dpr.field", "name.empty"),
        err(5, 6, "dpr.field"),
        err(5, 7, "dpr.field"),
    ],
}
# Independent fixed-width writer (our layout, DPRFixedWidthLayout): the CSV 62 file above.
def fw(fields):
    out = bytearray()
    for value, length, numeric in fields:
        data = str(value).encode("cp950")
        if numeric and data:
            data = data.rjust(length, b"0")
        out += data[:length].ljust(length, b" ")
    assert len(out) <= 200
    return bytes(out.ljust(200, b" "))


records = [
    fw([("1", 1, False), ("04595257", 8, True), ("62", 2, True), ("11401", 5, True), ("11412", 5, True),
        ("臺灣測試股份有限公司", 50, False), ("02-27065866", 20, False), ("pay@example.com.tw", 60, False), ("王小明", 20, False)]),
    fw([("2", 1, False), ("I", 1, False), ("1140131", 7, True), ("A123456789", 10, False), ("陳志明", 20, False),
        (150000, 12, True), (481, 10, True), ("", 20, False), ("110001000", 9, False), (31800, 9, True), (150000, 12, True), ("年終獎金", 60, False)]),
    fw([("2", 1, False), ("I", 1, False), ("1140228", 7, True), ("F131104093", 10, False), ("林淑芬", 20, False),
        (200000, 12, True), (354, 10, True), ("", 20, False), ("110001000", 9, False), (45800, 9, True), (200000, 12, True), ("", 60, False)]),
    fw([("3", 1, False), ("04595257", 8, True), ("62", 2, True), (2, 8, True), (350000, 14, True), (835, 12, True)]),
]
with open(os.path.join(HERE, "dpr/DPR045952571150301001.txt"), "wb") as f:
    f.write(b"".join(r + b"\r\n" for r in records))
# "A" and 10 CJK characters are 21 bytes: cut at 20 bytes, in the middle of the last character.
cut = list(records)
cut[1] = fw([("2", 1, False), ("I", 1, False), ("1140131", 7, True), ("A123456789", 10, False), ("A歐陽陳林黃張李王吳劉", 20, False),
             (150000, 12, True), (481, 10, True), ("", 20, False), ("110001000", 9, False), (31800, 9, True), (150000, 12, True), ("", 60, False)])
with open(os.path.join(HERE, "dpr/DPR045952571150301003.txt"), "wb") as f:
    f.write(b"".join(r + b"\r\n" for r in cut))

def nhi_rows(expect, blank=()):
    """Renumbers a batch file's expectation from spreadsheet rows to the NHI's 第N筆."""
    header = 1 if expect.get("header") else 0
    def number(row):
        if row == 0 or row in blank:
            return 0
        return row - header - sum(1 for b in blank if b < row)
    out = dict(expect)
    for key in ("errors", "warnings"):
        if key in out:
            out[key] = sorted(({**item, "row": number(item["row"])} for item in out[key]),
                              key=lambda e: (e["row"], e["column"]))
    if "lines" in out:
        out["lines"] = {str(number(int(r))): line for r, line in out["lines"].items()}
    return out


for name in list(expected):
    if name.startswith("DPR") or name.startswith("roster"):
        continue
    expected[name] = nhi_rows(expected[name], blank=(12,) if name.startswith("1100010001150101") or name in (
        "1100010001150102.csv", "1100010001150103.csv", "1100010001150104.csv", "1100010001150105.csv") else ())

with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
