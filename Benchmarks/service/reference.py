"""Reference for `nhi-bench service`: what bare SQLite does on this machine through Python's
sqlite3 module, on the same shapes — no validation, no audit, no typed values:

  - 100,000 filing-like rows (12 columns, 3 secondary indexes) with executemany in one
    transaction, WAL, synchronous=NORMAL;
  - 1,000,000 coverage rows + their people in one transaction;
  - the in-force roster of a 10,000-person unit: the same SELECT with the same covering
    index and the same join to person, rows fetched into Python tuples, sorted.

Prints one line per workload: "<name> <seconds>" (roster: median milliseconds).
Usage: python3 reference.py DIR FILINGS ROSTER_ROWS UNIT_SIZE QUERIES
"""
import os, random, sqlite3, statistics, sys, time

directory, filings, roster_rows, unit_size, queries = sys.argv[1], *map(int, sys.argv[2:6])

def connect(name):
    path = os.path.join(directory, name)
    for suffix in ("", "-wal", "-shm"):
        try: os.remove(path + suffix)
        except FileNotFoundError: pass
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
    return db, path

def ident(n):  # a national-ID-shaped key (the checksum does not matter to SQLite)
    return "A%09d" % n

# 1. filings
db, path = connect("ref-filings.sqlite")
db.executescript("""
CREATE TABLE filing (id INTEGER PRIMARY KEY, unit_code TEXT NOT NULL, person_id TEXT NOT NULL,
  kind TEXT NOT NULL, status TEXT NOT NULL, filed_on TEXT NOT NULL, filed_at TEXT NOT NULL,
  effective_date TEXT NOT NULL, insured_amount INTEGER, category TEXT, filed_by TEXT, data TEXT);
CREATE INDEX filing_unit_day ON filing(unit_code, filed_on);
CREATE INDEX filing_queue ON filing(status, filed_at);
CREATE INDEX filing_person ON filing(person_id);
""")
rows = [("110001000", ident(i), "enrol", "pending", "2026-11-23", "2026-11-23T09:00:00+08:00",
         "2026-11-23", 36300, "employee", "A100000001", '{"note":""}') for i in range(filings)]
start = time.perf_counter()
db.execute("BEGIN IMMEDIATE")
db.executemany("INSERT INTO filing (unit_code, person_id, kind, status, filed_on, filed_at, effective_date,"
               " insured_amount, category, filed_by, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
db.execute("COMMIT")
print("filings", time.perf_counter() - start)
db.close()

# 2. roster import and 3. roster query
db, path = connect("ref-roster.sqlite")
db.executescript("""
CREATE TABLE person (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, birth_date TEXT NOT NULL,
  indigenous INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE coverage (id INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, person_id TEXT NOT NULL,
  principal_id TEXT, relation TEXT, category TEXT NOT NULL, insured_amount INTEGER NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT, status TEXT NOT NULL, foreign_national INTEGER NOT NULL DEFAULT 0);
CREATE INDEX coverage_person ON coverage(person_id);
CREATE INDEX coverage_roster ON coverage(unit_code, start_date, end_date, person_id, principal_id, relation,
  category, insured_amount, status);
""")
units = max(1, roster_rows // unit_size)
people = [(ident(i), "王小明", "1990-01-01") for i in range(roster_rows)]
cover = [("%09d" % (110000000 + i % units), ident(i), None, None, "employee", 36300, "2024-01-01", None, "active")
         for i in range(roster_rows)]
start = time.perf_counter()
db.execute("BEGIN IMMEDIATE")
db.executemany("INSERT INTO person (id, name, birth_date) VALUES (?,?,?)", people)
db.executemany("INSERT INTO coverage (unit_code, person_id, principal_id, relation, category, insured_amount,"
               " start_date, end_date, status) VALUES (?,?,?,?,?,?,?,?,?)", cover)
db.execute("COMMIT")
print("roster-import", time.perf_counter() - start)
sql = """SELECT c.person_id, COALESCE(p.name, ''), p.birth_date, c.principal_id, c.relation, c.category,
         c.insured_amount, c.start_date, c.status
         FROM coverage c LEFT JOIN person p ON p.id = c.person_id
         WHERE c.unit_code = ? AND c.start_date <= ? AND (c.end_date IS NULL OR c.end_date > ?)"""
times = []
for q in range(queries):
    start = time.perf_counter()
    result = sorted(db.execute(sql, ("110000000", "2026-11-23", "2026-11-23")).fetchall())
    times.append(time.perf_counter() - start)
assert len(result) >= unit_size, len(result)
print("roster-query-ms", statistics.median(times) * 1000)
db.close()
for name in ("ref-filings.sqlite", "ref-roster.sqlite"):
    for suffix in ("", "-wal", "-shm"):
        try: os.remove(os.path.join(directory, name + suffix))
        except FileNotFoundError: pass
