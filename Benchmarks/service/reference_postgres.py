"""Reference for `nhi-bench service --postgres` and `nhi-bench counters`: what bare SQL does
on the same PostgreSQL server, through psql and pgbench, on the same shapes — no validation,
no audit, no typed values, no write lock:

  - 100,000 filing-like rows (12 columns, 3 secondary indexes) in one transaction, twice:
    with COPY, and with multi-row INSERT statements of 1,000 rows;
  - 1,000,000 coverage rows + their people in one transaction (COPY);
  - the in-force roster of a 10,000-person unit: the same SELECT with the same covering index
    and the same join to person, timed by psql (\\timing, rows to /dev/null), median of N;
  - COUNTERS pgbench clients inserting one filing per transaction for SECONDS seconds:
    transactions per second and p50/p99 latency (from pgbench's per-transaction log).

The times of psql runs include starting psql and connecting (a few milliseconds).
Prints one line per workload: "<name> <value>".
Usage: python3 reference_postgres.py DIR URL FILINGS ROSTER_ROWS UNIT_SIZE QUERIES SECONDS COUNTERS
"""
import glob, os, re, statistics, subprocess, sys, time

directory, url = sys.argv[1], sys.argv[2]
filings, roster_rows, unit_size, queries, seconds, counters = map(int, sys.argv[3:9])
bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]

def database_url(name):
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")

def psql(db, *args, stdin=None):
    return subprocess.run([f"{bindir}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", database_url(db), *args],
                          input=stdin, capture_output=True, text=True, check=True).stdout

def fresh(name):
    psql("postgres", "-c", f"DROP DATABASE IF EXISTS {name}")
    psql("postgres", "-c", f"CREATE DATABASE {name}")

def timed(db, *args, stdin=None):
    start = time.perf_counter()
    psql(db, *args, stdin=stdin)
    return time.perf_counter() - start

def ident(n):  # a national-ID-shaped key (the checksum does not matter to PostgreSQL)
    return "A%09d" % n

FILING_SCHEMA = """
CREATE TABLE filing (id BIGSERIAL PRIMARY KEY, unit_code TEXT NOT NULL, person_id TEXT NOT NULL,
  kind TEXT NOT NULL, status TEXT NOT NULL, filed_on TEXT NOT NULL, filed_at TEXT NOT NULL,
  effective_date TEXT NOT NULL, insured_amount BIGINT, category TEXT, filed_by TEXT, data TEXT);
CREATE INDEX filing_unit_day ON filing(unit_code, filed_on);
CREATE INDEX filing_queue ON filing(status, filed_at);
CREATE INDEX filing_person ON filing(person_id);
"""
COLUMNS = "unit_code, person_id, kind, status, filed_on, filed_at, effective_date, insured_amount, category, filed_by, data"
def filing_row(i):
    return ("110001000", ident(i), "enrol", "pending", "2026-11-23", "2026-11-23T09:00:00+08:00",
            "2026-11-23", "36300", "employee", "A100000001", '{"note":""}')

# 1a. filings with COPY
fresh("ref_filings_copy")
psql("ref_filings_copy", "-c", FILING_SCHEMA)
csv = os.path.join(directory, "ref-filings.csv")
with open(csv, "w") as f:
    for i in range(filings):
        f.write(",".join(v if not v.startswith("{") else '"' + v.replace('"', '""') + '"' for v in filing_row(i)) + "\n")
print("filings-copy", timed("ref_filings_copy", "-c", f"\\copy filing ({COLUMNS}) FROM '{csv}' CSV"))

# 1b. filings with multi-row INSERT (1,000 rows a statement), one transaction
fresh("ref_filings_insert")
psql("ref_filings_insert", "-c", FILING_SCHEMA)
statements = ["BEGIN;"]
for start in range(0, filings, 1000):
    values = ",".join("(" + ",".join("'" + v + "'" for v in filing_row(i)) + ")" for i in range(start, min(filings, start + 1000)))
    statements.append(f"INSERT INTO filing ({COLUMNS}) VALUES {values};")
statements.append("COMMIT;")
print("filings-insert", timed("ref_filings_insert", stdin="\n".join(statements)))
os.remove(csv)

# 2. roster import (COPY) and 3. roster query
fresh("ref_roster")
psql("ref_roster", "-c", """
CREATE TABLE person (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, birth_date TEXT NOT NULL,
  indigenous BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE coverage (id BIGSERIAL PRIMARY KEY, unit_code TEXT NOT NULL, person_id TEXT NOT NULL,
  principal_id TEXT, relation TEXT, category TEXT NOT NULL, insured_amount BIGINT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT, status TEXT NOT NULL, foreign_national BOOLEAN NOT NULL DEFAULT false);
CREATE INDEX coverage_person ON coverage(person_id);
CREATE INDEX coverage_roster ON coverage(unit_code, start_date, end_date, person_id, principal_id, relation,
  category, insured_amount, status);
""")
units = max(1, roster_rows // unit_size)
people_csv, cover_csv = os.path.join(directory, "ref-people.csv"), os.path.join(directory, "ref-coverage.csv")
with open(people_csv, "w") as p, open(cover_csv, "w") as c:
    for i in range(roster_rows):
        p.write(f"{ident(i)},王小明,1990-01-01\n")
        c.write(f"{110000000 + i % units:09d},{ident(i)},,,employee,36300,2024-01-01,,active\n")
print("roster-import", timed("ref_roster", "-c", "BEGIN", "-c", f"\\copy person (id, name, birth_date) FROM '{people_csv}' CSV",
                             "-c", f"\\copy coverage (unit_code, person_id, principal_id, relation, category, insured_amount,"
                                   f" start_date, end_date, status) FROM '{cover_csv}' CSV", "-c", "COMMIT"))
os.remove(people_csv); os.remove(cover_csv)
psql("ref_roster", "-c", "ANALYZE")
query = """SELECT c.person_id, COALESCE(p.name, ''), p.birth_date, c.principal_id, c.relation, c.category,
  c.insured_amount, c.start_date, c.status FROM coverage c LEFT JOIN person p ON p.id = c.person_id
  WHERE c.unit_code = '110000000' AND c.start_date <= '2026-11-23' AND (c.end_date IS NULL OR c.end_date > '2026-11-23')
  ORDER BY c.person_id;"""
out = psql("ref_roster", stdin="\\timing on\n\\o /dev/null\n" + (query + "\n") * queries)
times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
assert len(times) == queries, out[:500]
print("roster-query-ms", statistics.median(times))

# 4. counters: pgbench, one INSERT per transaction, COUNTERS clients
fresh("ref_counters")
psql("ref_counters", "-c", FILING_SCHEMA + "CREATE UNIQUE INDEX filing_once ON filing(unit_code, person_id, kind, effective_date);"
                           "CREATE SEQUENCE ref_person;")
script = os.path.join(directory, "ref-counter.sql")
with open(script, "w") as f:
    f.write(f"INSERT INTO filing ({COLUMNS}) VALUES ('110001000', 'A' || lpad(nextval('ref_person')::text, 9, '0'), 'enrol',"
            " 'pending', '2026-11-23', now()::text, '2026-11-23', 36300, 'employee', 'A100000001', '{}');\n")
logs = os.path.join(directory, "pgbench")
os.makedirs(logs, exist_ok=True)
for old in glob.glob(os.path.join(logs, "pgbench_log.*")): os.remove(old)
subprocess.run([f"{bindir}/pgbench", "-n", "-f", script, "-c", str(counters), "-j", str(min(counters, os.cpu_count() or 1)),
                "-T", str(seconds), "-l", database_url("ref_counters")], cwd=logs, capture_output=True, text=True, check=True)
latencies = []
for log in glob.glob(os.path.join(logs, "pgbench_log.*")):
    with open(log) as f:
        latencies += [int(line.split()[2]) / 1000 for line in f if line.strip()]
    os.remove(log)
latencies.sort()
print("counters-per-second", len(latencies) / seconds)
print("counters-p50-ms", latencies[len(latencies) // 2])
print("counters-p99-ms", latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))])
os.remove(script)
for name in ("ref_filings_copy", "ref_filings_insert", "ref_roster", "ref_counters"):
    psql("postgres", "-c", f"DROP DATABASE IF EXISTS {name}")
