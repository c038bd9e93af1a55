#!/usr/bin/env python3
"""Score article extraction against gold annotations (see shared/ONTOLOGY.md).

(Copy, unchanged otherwise, of shared/tools/score_extraction.py, the project's own scorer, so
that the DevSetFloors test runs without ../shared on tests/data/extract.)

usage: score_extraction.py --bin PATH/TO/stakegraph --articles DIR --gold DIR [--verbose]

For each gold file G in --gold, runs `stakegraph extract --format json ARTICLES/G.article`,
reads the graph JSON from stdout, and compares nodes and edges with the gold.
Prints one line per article, then a last line:
  entities P=.. R=.. F1=.. | relations P=.. R=.. F1=.. | typed-loose F1=.. | negated=N
'typed-loose' gives credit for the right endpoints and the right sign (+/-) of relation.
Entities: a node is right when its name or an alias names a gold entity and its kind is the
gold kind; a second node for the same gold entity is a false positive (one actor, one node).
Relations: endpoints are mapped by name or alias whatever their kind (a wrong kind costs in the
entity figures, not twice).
Exit status: 0 when scoring ran, 2 when the extractor failed or printed no JSON.
"""
import argparse, json, os, re, subprocess, sys

PLUS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MINUS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
TIES = {"supplies", "owns", "part_of", "member_of", "allied_with", "linked_to", "operates_in", "reports", "implicates", "related_to"}
SYMMETRIC = {"allied_with", "linked_to", "related_to"}
STOP = {"the", "of", "and", "a", "an", "to", "in", "via", "for", "on", "with", "by", "that", "such",
        "could", "would", "used", "being", "been", "from", "this", "these", "those", "their", "its",
        "claims", "claim", "alleged", "allegation", "allegations", "accusation", "accusations", "charges"}


def norm(s):
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def words(s):
    return {w[:6] for w in norm(s).split() if w not in STOP and len(w) > 3}


def family(rel):
    return "+" if rel in PLUS else "-" if rel in MINUS else rel


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def map_nodes(graph, gold):
    """Map each extracted node id to (gold entity name or None, kind matches?).
    Names decide the mapping; the kind only breaks ties and is scored in the entity figures."""
    forms = {}
    for e in gold["entities"]:
        for f in [e["name"]] + e.get("aliases", []):
            forms.setdefault(norm(f), []).append((e["kind"], e["name"]))
    allegations = [e for e in gold["entities"] if e["kind"] == "allegation"]
    mapping = {}
    for n in graph.get("nodes", []):
        kind = n.get("kind", "")
        names = [n.get("name", "")] + list(n.get("aliases", []) or [])
        cands = [c for f in names for c in forms.get(norm(f), [])]
        hit = next((c for c in cands if c[0] == kind), cands[0] if cands else None)
        if not hit and kind == "allegation":
            mine = set().union(*[words(f) for f in names])
            for e in allegations:
                theirs = set().union(*[words(f) for f in [e["name"]] + e.get("aliases", [])])
                if mine & theirs:
                    hit = ("allegation", e["name"])
                    break
        mapping[n["id"]] = (hit[1], hit[0] == kind) if hit else (None, False)
    return mapping


def key(s, rel, t):
    if rel in SYMMETRIC and t < s:
        s, t = t, s
    return (s, rel, t)


def score_article(graph, gold):
    typed = map_nodes(graph, gold)
    mapping = {k: v[0] for k, v in typed.items()}
    gold_ents = {e["name"] for e in gold["entities"]}
    right = [name for name, kind_ok in typed.values() if name and kind_ok]
    found_ents = set(right)
    wrong = sum(1 for name, kind_ok in typed.values() if not name or not kind_ok)
    ent = (len(found_ents), wrong + len(right) - len(found_ents), len(gold_ents - found_ents))

    want = {key(r["source"], r["relation"], r["target"]) for r in gold["relations"]}
    optional = {key(r["source"], r["relation"], r["target"]) for r in gold.get("optional_relations", [])}
    negated = {key(r["source"], r["relation"], r["target"]) for r in gold.get("negated", [])}
    got = set()
    unmapped = 0
    for e in graph.get("edges", []):
        s, t = mapping.get(e.get("source")), mapping.get(e.get("target"))
        if not s or not t:
            unmapped += 1
            continue
        got.add(key(s, e.get("relation", ""), t))
    tp = len(got & want)
    fp = len(got - want - optional) + unmapped
    fn = len(want - got)
    loose_want = {(s, family(r), t) for s, r, t in want}
    loose_got = {(s, family(r), t) for s, r, t in got}
    loose_opt = {(s, family(r), t) for s, r, t in optional}
    ltp = len(loose_got & loose_want)
    lfp = len(loose_got - loose_want - loose_opt) + unmapped
    lfn = len(loose_want - loose_got)
    return ent, (tp, fp, fn), (ltp, lfp, lfn), len(got & negated), (want - got, got - want - optional)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    E = [0, 0, 0]; R = [0, 0, 0]; L = [0, 0, 0]; NEG = 0
    for name in sorted(os.listdir(a.gold)):
        if not name.endswith(".json"):
            continue
        gold = json.load(open(os.path.join(a.gold, name)))
        article = os.path.join(a.articles, gold["article"])
        p = subprocess.run([a.bin, "extract", "--format", "json", article], capture_output=True, text=True, timeout=120)
        try:
            graph = json.loads(p.stdout)
        except ValueError:
            print(f"{gold['article']}: extractor exit {p.returncode}, no JSON on stdout: {p.stderr.strip()[:300]}")
            print("entities P=0 R=0 F1=0 | relations P=0 R=0 F1=0 | typed-loose F1=0 | negated=0 (extractor failed)")
            return 2
        ent, rel, loose, neg, (missed, extra) = score_article(graph, gold)
        for acc, v in ((E, ent), (R, rel), (L, loose)):
            for i in range(3):
                acc[i] += v[i]
        NEG += neg
        ep, er, ef = prf(*ent); rp, rr, rf = prf(*rel)
        print(f"{gold['article']}: entities F1={ef:.2f} relations P={rp:.2f} R={rr:.2f} F1={rf:.2f} negated={neg}")
        if a.verbose:
            for m in sorted(missed):
                print(f"   missed  {m[0]} -{m[1]}-> {m[2]}")
            for x in sorted(extra):
                print(f"   extra   {x[0]} -{x[1]}-> {x[2]}")
    ep, er, ef = prf(*E); rp, rr, rf = prf(*R); lp, lr, lf = prf(*L)
    print(f"entities P={ep:.2f} R={er:.2f} F1={ef:.2f} | relations P={rp:.2f} R={rr:.2f} F1={rf:.2f} | typed-loose F1={lf:.2f} | negated={NEG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
