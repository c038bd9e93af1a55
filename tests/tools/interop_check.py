#!/usr/bin/python3
"""Issue 15 (weights, exports): the files stakegraph writes, read by NetworkX and igraph, and
the commands of README "Using stakegraph with NetworkX, igraph, Gephi, Cytoscape", run.

usage: interop_check.py --bin STAKEGRAPH --source REPO_DIR --work SCRATCH_DIR

Checks (each prints PASS/FAIL; exit 1 on any failure):
  pagerank   NetworkX's weighted PageRank on tests/data/les_miserables.graphml (computed here,
             and the oracle tests/data/oracles/les_miserables.json) equals
             `stakegraph centrality --metric pagerank` (the file's weights are the
             default; also --weighted and --weight weight),
             within 1e-6 per node; Marius is second, as NetworkX ranks him.
  igraph     a GDELT import (tests/data/gdelt) exported as GraphML loads in igraph with the
             Goldstein mean as `goldstein` (some negative), no `weight` attribute, and
             community_multilevel runs with the evidence counts as weights.
  gexf       a GEXF export (1.2draft) opens in NetworkX's read_gexf with its spells (dates);
             the 1.3 export too, once NetworkX 2.x is told the 1.3 namespace (it knows only
             the drafts); its <spell> dates equal the evidence dates.
  readme     every ```sh block of the README section runs (bash -e) in a scratch directory.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

failures = []


def report(name, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + name + (": " + detail if detail else ""))
    if not ok:
        failures.append(name)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def check_pagerank(sg, source):
    import networkx as nx
    graphml = os.path.join(source, "tests/data/les_miserables.graphml")
    with open(os.path.join(source, "tests/data/oracles/les_miserables.json")) as f:
        oracle = json.load(f)["pagerank_weighted"]
    G = nx.read_graphml(graphml)
    try:  # NetworkX 2.8's pagerank needs SciPy; its pure-Python version is the same method
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        live = _pagerank_python(G, weight="weight", tol=1e-10)
    except ImportError:
        live = nx.pagerank(G, weight="weight", tol=1e-10)
    for flags in ([], ["--weight", "weight"], ["--weighted"]):
        r = run([sg, "centrality", graphml, "--metric", "pagerank", "--top", "0", "--json"] + flags)
        if r.returncode != 0:
            report("pagerank " + (" ".join(flags) or "(default)"), False, r.stderr.strip())
            continue
        scores = {s["id"]: s["score"] for s in json.loads(r.stdout)["scores"]}
        order = [s["id"] for s in json.loads(r.stdout)["scores"]]
        worst = max(max(abs(scores[k] - live[k]), abs(scores[k] - oracle[k])) for k in live)
        report("pagerank " + (" ".join(flags) or "(default)"),
               worst < 1e-6 and order[1] == "Marius" and len(scores) == len(live),
               f"max difference {worst:.2e}, second {order[1]}")


def check_igraph(sg, source, work):
    import igraph as ig
    tsv = os.path.join(source, "tests/data/gdelt/gdelt1_events_60rows.tsv")
    g_sgpb = os.path.join(work, "gdelt.sgpb")
    g_graphml = os.path.join(work, "gdelt.graphml")
    for p in (g_sgpb, g_graphml):
        if os.path.exists(p):
            os.remove(p)
    r = run([sg, "import", "gdelt", tsv, "-o", g_sgpb])
    r2 = run([sg, "convert", g_sgpb, g_graphml])
    if r.returncode or r2.returncode:
        report("igraph", False, r.stderr + r2.stderr)
        return
    g = ig.Graph.Read_GraphML(g_graphml)
    attrs = g.es.attributes()
    goldstein = [x for x in g.es["goldstein"]] if "goldstein" in attrs else []
    ok = "weight" not in attrs and goldstein and min(goldstein) < 0
    report("igraph attributes", bool(ok),
           f"edge attributes {sorted(attrs)}, goldstein min {min(goldstein) if goldstein else None}")
    u = g.as_undirected(combine_edges={"evidence_count": "sum"})
    try:
        parts = u.community_multilevel(weights="evidence_count")
        report("igraph community_multilevel", len(parts) >= 1,
               f"{len(parts)} communities, modularity {parts.modularity:.3f} over {u.vcount()} nodes")
    except Exception as e:  # igraph says "weights must be positive" and the like
        report("igraph community_multilevel", False, str(e))


def check_gexf(sg, source, work):
    import networkx as nx
    from networkx.readwrite import gexf as nxgexf
    src = os.path.join(source, "samples/stakeholders.sgpb")
    spells_seen = {}
    for version in ("1.2draft", "1.3"):
        out = os.path.join(work, f"stakeholders-{version}.gexf")
        r = run([sg, "convert", src, out, "--gexf-version", version])
        if r.returncode:
            report("gexf " + version, False, r.stderr.strip())
            continue
        if version == "1.3" and "1.3" not in nxgexf.GEXF.versions:
            d = dict(nxgexf.GEXF.versions["1.2draft"])
            d.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
                     SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                     VERSION="1.3")
            nxgexf.GEXF.versions["1.3"] = d
        G = nx.read_gexf(out)
        node_spells = [s for _, d in G.nodes(data=True) for s in d.get("spells", [])]
        edge_spells = [s for _, _, d in G.edges(data=True) for s in d.get("spells", [])]
        dated = all(re.fullmatch(r"\d{4}-\d\d-\d\d", x) for s in node_spells + edge_spells for x in s)
        labels = all(d.get("label") for _, d in G.nodes(data=True))
        spells_seen[version] = sorted(edge_spells)
        report("gexf " + version, bool(node_spells and edge_spells and dated and labels),
               f"{G.number_of_nodes()} nodes, {len(node_spells)} node spells, "
               f"{len(edge_spells)} edge spells")
    # The same spells in both versions, and the edge spells cover exactly the evidence dates.
    r = run([sg, "convert", src, os.path.join(work, "stakeholders.json")])
    with open(os.path.join(work, "stakeholders.json")) as f:
        j = json.load(f)
    article_date = {a["id"]: a["date"] for a in j["articles"]}
    evidence_days = set()
    for e in j["edges"]:
        for ev in e["evidence"]:
            d = ev["date"] or article_date.get(ev["article"], "")
            if d:
                evidence_days.add(d)
    spell_ends = {x for s in spells_seen.get("1.3", []) for x in s}
    report("gexf spells = evidence dates",
           spells_seen.get("1.3") == spells_seen.get("1.2draft") and spell_ends <= evidence_days
           and len(evidence_days) > 0,
           f"{len(evidence_days)} evidence days, {len(spell_ends)} spell ends")


def check_readme(sg, source, work):
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        text = f.read()
    start = text.find("\n## Using stakegraph with NetworkX, igraph, Gephi, Cytoscape")
    if start < 0:
        report("readme", False, "section not found")
        return
    end = text.find("\n## ", start + 1)
    section = text[start:end if end > 0 else len(text)]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    scratch = os.path.join(work, "readme")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    os.symlink(os.path.join(os.path.abspath(source), "samples"), os.path.join(scratch, "samples"))
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(sg)) + ":/usr/bin:/bin")
    report("readme blocks", len(blocks) >= 4, f"{len(blocks)} blocks")
    for i, block in enumerate(blocks):
        r = run(["/bin/bash", "-e", "-o", "pipefail", "-c", block], cwd=scratch, env=env)
        first = block.strip().splitlines()[0]
        report(f"readme block {i + 1} ({first[:60]})", r.returncode == 0,
               (r.stderr.strip()[-400:] if r.returncode else ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", choices=["pagerank", "igraph", "gexf", "readme"])
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    checks = {"pagerank": lambda: check_pagerank(a.bin, a.source),
              "igraph": lambda: check_igraph(a.bin, a.source, a.work),
              "gexf": lambda: check_gexf(a.bin, a.source, a.work),
              "readme": lambda: check_readme(a.bin, a.source, a.work)}
    for name, f in checks.items():
        if a.only in (None, name):
            f()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
