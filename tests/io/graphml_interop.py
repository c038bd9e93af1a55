#!/usr/bin/python3
"""Checks that a GraphML file written by `stakegraph convert` loads in NetworkX and igraph
with every typed attribute equal to the CSV edge list it was converted from.

usage: graphml_interop.py EDGES.csv GRAPH.graphml {networkx|igraph}
       graphml_interop.py NODES.json GRAPH.graphml {networkx|igraph}

With NODES.json (a list of {"id", "name", "kind", "aliases"}, aliases as the GraphML string),
only the nodes are compared, by id: names with XML metacharacters, tabs, newlines and
non-ASCII text must come back exactly.

The expectation is computed here, independently of stakegraph: from the CSV rows
(source,target,relation,weight,source_kind,target_kind; node names; a node's kind is the
first one given) and the relation signs of shared/ONTOLOGY.md. Node names are the GraphML
"name" attribute, so the check does not depend on how stakegraph makes node ids.
Exit status: 0 all equal, 1 a difference (printed), 77 the library is not installed.
"""
import csv
import json
import sys

PLUS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
        "allied_with", "member_of", "part_of", "owns", "supplies"}
MINUS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
         "COERCE", "ASSAULT", "implicates"}
NEUTRAL = {"linked_to", "operates_in", "reports", "related_to"}
SYMMETRIC = {"allied_with", "linked_to", "related_to"}

errors = []


def check(cond, what):
    if not cond:
        errors.append(what)


def expectation(csv_path):
    kinds, edges = {}, {}
    with open(csv_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            s, t, rel = row["source"], row["target"], row["relation"]
            kinds.setdefault(s, row["source_kind"])
            kinds.setdefault(t, row["target_kind"])
            assert rel in PLUS | MINUS | NEUTRAL, rel
            sign = 1 if rel in PLUS else -1 if rel in MINUS else 0
            key = frozenset((s, t)) if rel in SYMMETRIC else (s, t)
            edges[(key, rel)] = {"weight": float(row["weight"]), "sign": sign}
    return kinds, edges


def compare(nodes, edges, kinds, expected, integer_types):
    """nodes: {name: attrs}; edges: [(source name, target name, attrs)]."""
    check(len(nodes) == len(kinds), f"{len(nodes)} nodes, expected {len(kinds)}")
    check(len(edges) == len(expected), f"{len(edges)} edges, expected {len(expected)}")
    for name, attrs in nodes.items():
        check(name in kinds, f"unexpected node {name!r}")
        check(isinstance(attrs.get("kind"), str), f"node {name!r}: kind is not a str")
        check(attrs.get("kind") == kinds.get(name), f"node {name!r}: kind {attrs.get('kind')!r}")
        check(attrs.get("aliases") in (None, ""), f"node {name!r}: aliases {attrs.get('aliases')!r}")
    seen = set()
    for s, t, attrs in edges:
        rel = attrs.get("relation")
        check(isinstance(rel, str), f"edge {s}->{t}: relation is not a str")
        key = (frozenset((s, t)) if rel in SYMMETRIC else (s, t), rel)
        want = expected.get(key)
        if want is None:
            errors.append(f"unexpected edge {s} -{rel}-> {t}")
            continue
        seen.add(key)
        for field, value in (("sign", want["sign"]), ("evidence_count", 0)):
            got = attrs.get(field)
            check(isinstance(got, integer_types) and not isinstance(got, bool),
                  f"edge {s}->{t}: {field} has type {type(got).__name__}")
            check(got == value, f"edge {s}->{t}: {field} {got!r}, expected {value!r}")
        check(type(attrs.get("weight")) is float, f"edge {s}->{t}: weight is not a float")
        check(attrs.get("weight") == want["weight"],
              f"edge {s}->{t}: weight {attrs.get('weight')!r}, expected {want['weight']!r}")
        for field in ("first_seen", "last_seen"):
            check(attrs.get(field) in (None, ""), f"edge {s}->{t}: {field} {attrs.get(field)!r}")
    check(len(seen) == len(expected), f"{len(expected) - len(seen)} expected edges missing")


def compare_nodes(nodes_by_id, want):
    check(len(nodes_by_id) == len(want), f"{len(nodes_by_id)} nodes, expected {len(want)}")
    for w in want:
        got = nodes_by_id.get(w["id"])
        if got is None:
            errors.append(f"node id {w['id']!r} missing")
            continue
        for field in ("name", "kind", "aliases"):
            value = got.get(field) or ""
            check(isinstance(value, str), f"node {w['id']!r}: {field} is not a str")
            check(value == w[field], f"node {w['id']!r}: {field} {value!r}, expected {w[field]!r}")


def main():
    csv_path, graphml_path, library = sys.argv[1:4]
    if csv_path.endswith(".json"):
        with open(csv_path, encoding="utf-8") as f:
            want = json.load(f)
        try:
            if library == "networkx":
                import networkx as nx
                G = nx.read_graphml(graphml_path)
                compare_nodes(dict(G.nodes(data=True)), want)
            else:
                import igraph
                g = igraph.Graph.Read_GraphML(graphml_path)
                compare_nodes({v["id"]: v.attributes() for v in g.vs}, want)
        except ImportError:
            return 77
        for e in errors[:20]:
            print(e)
        print(f"{library}: {len(errors)} differences in {len(want)} nodes")
        return 1 if errors else 0
    kinds, expected = expectation(csv_path)
    if library == "networkx":
        try:
            import networkx as nx
        except ImportError:
            return 77
        G = nx.read_graphml(graphml_path)
        check(G.is_directed() and not G.is_multigraph(), f"graph type {type(G).__name__}")
        name = {v: a.get("name") for v, a in G.nodes(data=True)}
        for v, n in name.items():
            check(isinstance(n, str), f"node {v!r}: name is not a str")
        nodes = {name[v]: a for v, a in G.nodes(data=True)}
        edges = [(name[u], name[v], a) for u, v, a in G.edges(data=True)]
        compare(nodes, edges, kinds, expected, (int,))
    elif library == "igraph":
        try:
            import igraph
        except ImportError:
            return 77
        g = igraph.Graph.Read_GraphML(graphml_path)
        check(g.is_directed(), "igraph graph is not directed")
        nodes = {v["name"]: v.attributes() for v in g.vs}
        edges = [(g.vs[e.source]["name"], g.vs[e.target]["name"], e.attributes()) for e in g.es]
        # igraph keeps every numeric attribute as a double: GraphML ints arrive as floats.
        for _, _, a in edges:
            for field in ("sign", "evidence_count"):
                value = a.get(field)
                if isinstance(value, float) and value.is_integer():
                    a[field] = int(value)
                else:
                    errors.append(f"igraph: {field} {value!r} is not an integral number")
        compare(nodes, edges, kinds, expected, (int,))
    else:
        print(f"unknown library {library!r}", file=sys.stderr)
        return 2
    for e in errors[:20]:
        print(e)
    if errors:
        print(f"{library}: {len(errors)} differences")
        return 1
    print(f"{library}: {len(kinds)} nodes, {len(expected)} edges, all attributes equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
