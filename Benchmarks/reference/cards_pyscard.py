#!/usr/bin/python3
"""The pyscard side of Benchmarks/cards.sh: the same NHI-card reads as `nhi-bench cards`, on
the same virtual card, with pyscard's defaults (a connection per read is made with
createConnection() + connect(), which powers the card, and disconnect() unpowers it;
insertions are observed with CardMonitor).

Usage: cards_pyscard.py CONTROL_FIFO READER WARM COLD INSERTS   → one JSON object
"""
import json, sys, threading, time
from smartcard.System import readers
from smartcard.CardMonitoring import CardMonitor, CardObserver

fifo_path, reader_name, warm_n, cold_n, insert_n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
fifo = open(fifo_path, "w", buffering=1)

SELECT = [0x00, 0xA4, 0x04, 0x00, 0x10, 0xD1, 0x58, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00]
READ = [0x00, 0xCA, 0x11, 0x00, 0x02, 0x00, 0x00]

def decode(data):
    """The SPEC §12 layout: card number, CP950 name, ID, ROC birth date, sex, issue date."""
    raw = bytes(data)
    name = raw[12:32].split(b"\0")[0].rstrip(b" ")
    i, whole = 0, b""
    while i < len(name):
        step = 1 if name[i] < 0x80 else 2
        if i + step > len(name):
            break
        whole += name[i:i + step]
        i += step
    def roc(b):
        s = b.decode("ascii")
        return "%04d-%s-%s" % (int(s[:3]) + 1911, s[3:5], s[5:7])
    return (raw[0:12].decode("ascii"), whole.decode("cp950"), raw[32:42].decode("ascii"),
            roc(raw[42:49]), raw[49:50].decode("ascii"), roc(raw[50:57]))

def read_identity(connection):
    connection.transmit(SELECT)
    data, sw1, sw2 = connection.transmit(READ)
    assert (sw1, sw2) == (0x90, 0x00), (sw1, sw2)
    return decode(data)

def stats(samples):
    if not samples:
        return None
    s = sorted(samples)
    rank = lambda p: s[max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))]
    return {"median": rank(50), "p95": rank(95), "n": len(s)}

class Observer(CardObserver):
    def __init__(self):
        self.inserted = threading.Event()
        self.removed = threading.Event()
        self.identity = None
    def update(self, observable, actions):
        added, removed = actions
        for card in removed:
            if card.reader == reader_name:
                self.removed.set()
        for card in added:
            if card.reader == reader_name:
                connection = card.createConnection()
                connection.connect()
                self.identity = read_identity(connection)
                connection.disconnect()
                self.inserted.set()

def wait_present():
    for _ in range(500):
        if any(str(r) == reader_name for r in readers()):
            try:
                c = [r for r in readers() if str(r) == reader_name][0].createConnection()
                c.connect()
                c.disconnect()
                return
            except Exception:
                pass
        time.sleep(0.02)
    raise SystemExit("card did not appear")

fifo.write("insert\n")
wait_present()
reader = [r for r in readers() if str(r) == reader_name][0]

# Warm: SELECT + READ + decode on one connected card.
connection = reader.createConnection()
connection.connect()
expected = read_identity(connection)
for _ in range(100 if warm_n else 0):
    read_identity(connection)
warm = []
for _ in range(warm_n):
    t = time.perf_counter()
    identity = read_identity(connection)
    warm.append((time.perf_counter() - t) * 1000)
    assert identity == expected
connection.disconnect()

# Cold: createConnection (a context) + connect + SELECT + READ + decode + disconnect.
cold = []
for i in range(cold_n + 2 if cold_n else 0):
    t = time.perf_counter()
    c = reader.createConnection()
    c.connect()
    identity = read_identity(c)
    c.disconnect()
    del c
    if i >= 2:
        cold.append((time.perf_counter() - t) * 1000)
    assert identity == expected

# Insert → identity through CardMonitor.
inserts = []
if insert_n:
    observer = Observer()
    monitor = CardMonitor()
    monitor.addObserver(observer)
    time.sleep(0.5)
for round in range(insert_n):
    observer.removed.clear()
    fifo.write("remove\n")
    assert observer.removed.wait(15), "removal not seen"
    time.sleep((300 + round * 137 % 400) / 1000)  # the same spread over pcscd's polling cycle
    observer.inserted.clear()
    t = time.perf_counter()
    fifo.write("insert\n")
    assert observer.inserted.wait(15), "insertion not seen"
    inserts.append((time.perf_counter() - t) * 1000)
    assert observer.identity == expected
if insert_n:
    monitor.deleteObserver(observer)

print(json.dumps({"warm": stats(warm), "cold": stats(cold), "insert": stats(inserts), "identity": list(expected)}, ensure_ascii=False))
