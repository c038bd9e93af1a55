#!/usr/bin/python3
"""Key-edge recall of the extractor on real wire copy (Reuters-21578 articles, 1987).

Usage: score_wire.py --bin build/cli/stakegraph [--data tests/data/reuters]
                     [--key-edges key_edges.tsv] [--edges] [--min-strict X]

Reads the key edges (--key-edges, a file name under --data or a path; default key_edges.tsv,
six articles; key_edges_2.tsv is the held-out second batch of ten), one per line: NEWID,
source, relation, target; alternative names with |; annotated by hand before the extractor
was run on the articles. Reads the articles of
reuters21578_uk_japan_telecom_row_1987.jsonl with those NEWIDs; runs `stakegraph extract
--format json` on each and counts a key edge
  strict: an edge source -relation-> target (ACCUSE also through an allegation node:
          source -ACCUSE-> allegation -implicates-> target);
  loose:  any edge between the two, either way, or through an allegation.
Names match a node's name or alias, case-insensitively. With --edges it prints every edge the
extractor gave, one per line (NEWID, source, relation, target), for a hand judgement of
precision (the README gives the judged figures; tests/data/reuters/judged_2.tsv the judgements
of the second batch). Exit status 0; 1 when the strict recall is below --min-strict (the CTest
floors wire_key_edges, wire_key_edges_2); 2 on bad usage, 1 on bad input.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data",
                                                   "reuters"))
    ap.add_argument("--key-edges", default="key_edges.tsv",
                    help="key-edge file: a name under --data, or a path")
    ap.add_argument("--edges", action="store_true")
    ap.add_argument("--min-strict", type=float, default=0.0)
    a = ap.parse_args()
    gold = collections.defaultdict(list)
    key_path = a.key_edges if os.sep in a.key_edges else os.path.join(a.data, a.key_edges)
    key_name = os.path.basename(key_path)
    if not os.path.exists(key_path):
        sys.exit(f"no key-edge file {key_path}")
    with open(key_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                sys.exit(f"{key_name}:{n}: expected 4 tab-separated fields")
            art, s, r, t = parts
            gold[art].append((s.split("|"), r, t.split("|")))
    articles = {}
    with open(os.path.join(a.data, "reuters21578_uk_japan_telecom_row_1987.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            articles[str(d["newid"])] = line
    strict_n = loose_n = total = 0
    edges_out = []
    with tempfile.TemporaryDirectory() as tmp:
        for art in sorted(gold, key=int):
            if art not in articles:
                sys.exit(f"{key_name}: no article with NEWID {art}")
            path = os.path.join(tmp, art + ".jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(articles[art])
            run = subprocess.run([a.bin, "extract", "--format", "json", path],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{a.bin} failed on NEWID {art}: {run.stderr.strip()}")
            g = json.loads(run.stdout)
            names = {n["id"]: [n["name"].lower()] + [x.lower() for x in n.get("aliases", [])]
                     for n in g["nodes"]}
            shown = {n["id"]: n["name"] for n in g["nodes"]}
            kind = {n["id"]: n["kind"] for n in g["nodes"]}
            E = [(e["source"], e["relation"], e["target"]) for e in g["edges"]]
            edges_out += [(art, shown[s], r, shown[t]) for s, r, t in E]
            via = collections.defaultdict(set)
            for s, r, t in E:
                if r == "ACCUSE" and kind.get(t) == "allegation":
                    via[s] |= {t2 for s2, r2, t2 in E if s2 == t and r2 == "implicates"}

            def ids(alts):
                alts = [x.lower() for x in alts]
                return {i for i, ns in names.items() if any(x in ns for x in alts)}

            for ss, r, tt in gold[art]:
                si, ti = ids(ss), ids(tt)
                strict = any(s in si and t in ti and rr == r for s, rr, t in E) or (
                    r == "ACCUSE" and any(t in via[s] for s in si for t in ti))
                loose = strict or any((s in si and t in ti) or (s in ti and t in si)
                                      for s, _, t in E) or any(
                    t in via[s] or s in via[t] for s in si for t in ti)
                total += 1
                strict_n += strict
                loose_n += loose
    print(f"key-edge recall: strict {strict_n}/{total} = {strict_n / total:.2f}, "
          f"loose {loose_n}/{total} = {loose_n / total:.2f}; {len(edges_out)} edges extracted")
    if a.edges:
        for x in edges_out:
            print("\t".join(x))
    if strict_n / total < a.min_strict:
        print(f"strict recall {strict_n / total:.2f} is below the floor {a.min_strict:.2f}")
        sys.exit(1)


if __name__ == "__main__":
    main()
