#!/usr/bin/env python3
"""The SQLite FTS5 peer's whole build from a Pháp điển dump (issue 15, run by bench/build).

Reads every demuc/*.html of the zip with Python's html.parser, takes each article's title
(p.pDieu) and body (p.pNoiDung, inner paragraphs and tables as lines), and inserts them into
the FTS5 table of examples/fts5_peer.py (tokenize='unicode61 remove_diacritics 2', title and
body). Prints JSON: articles, seconds for parse, insert and the whole build, database bytes,
peak RSS in MiB.
"""
import json, os, resource, sqlite3, sys, tempfile, time, zipfile
from html.parser import HTMLParser


class Demuc(HTMLParser):
    """Collects (title, body) per article: a p.pDieu opens one, p.pNoiDung gives its body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles = []
        self.mode = None  # "title" | "body"
        self.depth = 0
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if self.mode is not None:
            if tag == "p":
                self.depth += 1
            if tag in ("p", "br", "tr", "div"):
                self.buf.append("\n")
            return
        if tag == "p":
            cls = dict(attrs).get("class", "")
            if cls == "pDieu":
                self.mode, self.depth, self.buf = "title", 1, []
            elif cls == "pNoiDung" and self.articles:
                self.mode, self.depth, self.buf = "body", 1, []

    def handle_endtag(self, tag):
        if self.mode is None or tag != "p":
            return
        self.depth -= 1
        if self.depth > 0:
            return
        text = "".join(self.buf).strip()
        if self.mode == "title":
            self.articles.append([text, ""])
        else:
            self.articles[-1][1] = text
        self.mode = None

    def handle_data(self, data):
        if self.mode is not None:
            self.buf.append(data)


def main():
    src = sys.argv[1]
    t0 = time.perf_counter()
    rows = []
    with zipfile.ZipFile(src) as z:
        for name in sorted(z.namelist()):
            if not (name.startswith("demuc/") and name.endswith(".html")):
                continue
            p = Demuc()
            p.feed(z.read(name).decode("utf-8-sig"))
            p.close()
            rows.extend(p.articles)
    parsed = time.perf_counter()
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "fts.db")
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE a USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    con.executemany("INSERT INTO a(title, body) VALUES (?,?)", rows)
    con.commit()
    con.close()
    done = time.perf_counter()
    print(json.dumps({
        "articles": len(rows),
        "parse_seconds": parsed - t0,
        "insert_seconds": done - parsed,
        "build_seconds": done - t0,
        "bytes": os.path.getsize(db),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    os.remove(db)
    os.rmdir(tmp)


main()
