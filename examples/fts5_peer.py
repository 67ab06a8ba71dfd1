#!/usr/bin/env python3
"""The SQLite FTS5 peer of examples/bench_search.rs (run by it).

Reads articles (TSV: key, number_key, article, title, body; newlines in body as \\n) and
queries (one per line), builds an FTS5 table with tokenize='unicode61 remove_diacritics 2'
over title and body, and answers each query with BM25 over both columns, the query's words
OR-ed. Prints JSON: build seconds, database bytes, per query the top 10 (number_key,
article) and the latencies of `runs` repetitions.
"""
import json, os, re, sqlite3, sys, tempfile, time

articles_path, queries_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "fts.db")
con = sqlite3.connect(db)
t0 = time.perf_counter()
con.execute("CREATE VIRTUAL TABLE a USING fts5(title, body, num UNINDEXED, art UNINDEXED, tokenize='unicode61 remove_diacritics 2')")
def rows():
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) == 5:
                yield (c[3], c[4].replace("\\n", "\n"), c[1], c[2])
con.executemany("INSERT INTO a(title, body, num, art) VALUES (?,?,?,?)", rows())
con.commit()
build = time.perf_counter() - t0
size = os.path.getsize(db)
out = {"build_seconds": build, "bytes": size, "queries": []}
with open(queries_path, encoding="utf-8") as f:
    queries = [l.rstrip("\n") for l in f if l.strip()]
for q in queries:
    words = re.findall(r"\w+", q)
    match = " OR ".join('"%s"' % w.replace('"', '') for w in words)
    lat = []
    hits = []
    for _ in range(runs):
        s = time.perf_counter()
        hits = con.execute("SELECT num, art FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT 10", (match,)).fetchall()
        lat.append(time.perf_counter() - s)
    out["queries"].append({"query": q, "hits": hits, "latencies": lat})
print(json.dumps(out))
