#!/usr/bin/env python3
"""Short search queries as people type them, generated from a corpus's own vocabulary.

Usage: bench/web-queries.py CORPUS_DIR [N] [SEED] > queries.tsv

Reads the article text of every `.md` file under CORPUS_DIR (the cancu corpus format) and
writes N (default 2,000) distinct queries, one per line after a header, as `id<TAB>query`
(the form `bench/web-search.lua` reads through CANCU_QUERIES):

- 1–4 consecutive syllables of a random sentence (runs of words; a pair of frequent
  syllables is as likely as a rare name), lower-cased as typed into a search box;
- about 1 in 6 with a typo (a letter dropped, doubled or swapped with its neighbour);
- about 1 in 6 typed without diacritics;
- about 1 in 10 holding a number fragment ("điều 12", "nghị định 15", "145/2020").

Deterministic for a given corpus, N and SEED. Nothing of the corpus is stored in the
repository: the queries are produced at run time into a file outside it.
"""

import os
import random
import re
import sys
import unicodedata

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def typo(word: str, rnd: random.Random) -> str:
    if len(word) < 3:
        return word + word[-1]
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def sentences(corpus: str):
    for root, _, files in os.walk(corpus):
        for name in sorted(files):
            if not name.endswith(".md") or name == "README.md":
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            # Skip the TOML front matter.
            parts = text.split("+++", 2)
            body = parts[2] if len(parts) == 3 else text
            for line in body.splitlines():
                line = line.strip()
                if len(line) > 20 and not line.startswith("#"):
                    yield line


def main() -> None:
    corpus = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 15)
    lines = list(sentences(corpus))
    lines.sort()
    rnd.shuffle(lines)
    numbers = ["điều", "khoản", "nghị định", "luật", "thông tư", "quyết định"]
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n and i < len(lines) * 4:
        line = lines[i % len(lines)]
        i += 1
        words = [w.lower() for w in WORD.findall(line)]
        if not words:
            continue
        k = rnd.choice([1, 2, 2, 3, 3, 4])
        start = rnd.randrange(max(1, len(words) - k + 1))
        q = words[start : start + k]
        r = rnd.random()
        if r < 1 / 6:
            j = rnd.randrange(len(q))
            q[j] = typo(q[j], rnd)
        elif r < 2 / 6:
            q = [strip(w) for w in q]
        elif r < 2 / 6 + 1 / 10:
            kind = rnd.randrange(3)
            if kind == 0:
                q = [rnd.choice(numbers), str(rnd.randrange(1, 120))] + q[:2]
            elif kind == 1:
                q = q[:3] + [str(rnd.randrange(1, 60))]
            else:
                q = q[:2] + [f"{rnd.randrange(1, 200)}/{rnd.randrange(2005, 2025)}"]
        text = " ".join(q)
        if text in seen:
            continue
        seen.add(text)
        out.append(text)
    print("id\tquery")
    for j, q in enumerate(out):
        print(f"w{j + 1}\t{q}")


if __name__ == "__main__":
    main()
