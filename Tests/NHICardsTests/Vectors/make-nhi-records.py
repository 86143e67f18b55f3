#!/usr/bin/python3
"""Generates nhi-records.json: 57-byte NHI-card profile records (SPEC §12) encoded with
Python's own cp950 codec, an implementation independent of the SDK's iconv-based one.

Each vector: the record as hex and the fields a correct decoder must produce.
Run: /usr/bin/python3 make-nhi-records.py > nhi-records.json
"""
import json

def roc(date):  # "1996-05-04" -> "0850504"
    y, m, d = date.split("-")
    return "%03d%s%s" % (int(y) - 1911, m, d)

def record(card, name_bytes, pid, birth, sex, issue, pad=b"\0"):
    assert len(card) == 12 and len(pid) == 10 and len(name_bytes) <= 20
    out = card.encode() + name_bytes + pad * (20 - len(name_bytes)) + pid.encode() + roc(birth).encode() + sex.encode() + roc(issue).encode()
    assert len(out) == 57
    return out

vectors = []
def add(label, name, expected_name=None, name_bytes=None, pid="A123456789", birth="1996-05-04", sex="M",
        issue="2021-01-01", card="000012345678", pad=b"\0", truncated=False, replaced=0):
    raw = name_bytes if name_bytes is not None else name.encode("cp950")
    vectors.append({
        "label": label,
        "record": record(card, raw, pid, birth, sex, issue, pad).hex().upper(),
        "cardNumber": card, "name": expected_name if expected_name is not None else name,
        "id": pid, "birthDate": birth, "birthDateROC": roc(birth), "sex": sex, "issueDate": issue,
        "nameTruncated": truncated, "nameReplacedCharacters": replaced,
    })

# Names of 2 to 10 characters; ROC years below and above 100.
add("2 characters, ROC 85", "王明", pid="A123456789", birth="1996-05-04")
add("3 characters, ROC 105", "陳大文", pid="F131104093", birth="2016-05-30", issue="2022-12-27")
add("4 characters, ROC 38", "歐陽娜娜", pid="O158238845", birth="1949-10-01", sex="M")
add("5 characters", "司馬相如明", pid="W123456789", birth="2011-01-02")
add("6 characters with a middle dot", "瓦歷斯．諾幹", pid="Z123456780", birth="1961-12-31")
add("7 characters", "張陳林黃李吳王", pid="A123456789", birth="2000-02-29")
add("8 characters", "伊斯坦大貝克思明", pid="A800000014", birth="1988-08-08", sex="M")
add("9 characters, resident number", "阿布杜拉赫曼哈米德", pid="A900207177", birth="1975-03-15", sex="F")
add("10 characters, fills the field", "拉娃谷倖達利伊斯坦大", pid="AC03095424", birth="2010-10-10", sex="M")
add("ETEN extension 碁 (F9 D6)", "林碁", birth="1970-07-07")
add("ETEN extension 銹", "李銹華", birth="1982-04-04")
add("space padded", "黃小琥", pad=b" ", birth="1964-06-06")
# A name longer than the field: an ASCII letter shifts the CJK characters, the 20th byte is half a character.
half = "A".encode() + "王大明小華林美玲張".encode("cp950") + "偉".encode("cp950")[:1]
add("ends in half a character", None, expected_name="A王大明小華林美玲張", name_bytes=half, truncated=True, birth="1999-09-09")
# A user-defined (EUDC) character: iconv maps it to the private use area; the SDK shows ＊.
eudc = "陳".encode("cp950") + bytes.fromhex("FA40") + "如".encode("cp950")
add("user-defined character", None, expected_name="陳＊如", name_bytes=eudc, replaced=1, birth="1955-05-05")
# Full-width spaces used as padding are trimmed.
add("full-width space padding", None, expected_name="吳宗", name_bytes="吳宗　　".encode("cp950"), birth="1980-01-01")

print(json.dumps(vectors, ensure_ascii=False, indent=1))
