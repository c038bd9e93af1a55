#!/usr/bin/python3
"""Louvain and connected components: stakegraph against python-igraph (and graph-tool when
it is installed) on the same power-law graph.

The graph is igraph's Graph.Static_Power_Law(100000, 1000000, exponent_out=2.3) after
random.seed(42) (igraph draws from Python's random module). It is written as an edge list
and timed with our Google Benchmark program bench/peers/clusters_timer.cpp, so all three
libraries see the identical graph. igraph and graph-tool are timed in-process with
time.perf_counter (best of --repeat runs); our figures are Google Benchmark's real time
(mean of the runs it chooses), one line per Louvain seed.

Usage:
  /usr/bin/python3 bench/peers/clusters_peers.py [--timer build/bench/clusters_timer]
      [--nodes 100000] [--edges 1000000] [--repeat 3] [--json OUT.json]
Exit status 0; 2 when igraph or the timer is missing.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def best_of(repeat, fn):
    best, result = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timer", default=os.path.join(root, "build", "bench", "clusters_timer"))
    parser.add_argument("--nodes", type=int, default=100000)
    parser.add_argument("--edges", type=int, default=1000000)
    parser.add_argument("--exponent", type=float, default=2.3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()

    try:
        import igraph
    except ImportError:
        print("python3-igraph is not installed (apt-get install python3-igraph)", file=sys.stderr)
        return 2
    if not os.access(args.timer, os.X_OK):
        print(f"{args.timer}: no such program (build the clusters_timer target)", file=sys.stderr)
        return 2

    random.seed(42)
    g = igraph.Graph.Static_Power_Law(args.nodes, args.edges, exponent_out=args.exponent)
    rows = []
    print(f"graph: igraph Static_Power_Law({args.nodes}, {args.edges}, exponent_out="
          f"{args.exponent}) after random.seed(42): {g.vcount()} nodes, {g.ecount()} edges")

    with tempfile.TemporaryDirectory() as tmp:
        edges_path = os.path.join(tmp, "edges.txt")
        g.write_edgelist(edges_path)

        # ---- ours (Google Benchmark) ----
        out = subprocess.run([args.timer, edges_path, "--benchmark_format=json",
                              f"--benchmark_repetitions={args.repeat}",
                              "--benchmark_report_aggregates_only=true"],
                             check=True, capture_output=True, text=True).stdout
        for b in json.loads(out)["benchmarks"]:
            if b.get("aggregate_name") != "mean":
                continue
            seconds = b["real_time"] / 1000.0  # reported in milliseconds
            name = b["run_name"]
            if name.startswith("BM_PeerLouvain"):
                rows.append(("stakegraph", "louvain " + name.split("/")[-1], seconds,
                             b.get("modularity"), b.get("communities")))
            elif name == "BM_PeerComponents":
                rows.append(("stakegraph", "connected components", seconds, None,
                             b.get("components")))
            elif name == "BM_PeerCsrBuild":
                rows.append(("stakegraph", "edge list -> CSR (not in the above)", seconds,
                             None, None))

    # ---- igraph ----
    for run in range(args.repeat):
        random.seed(run)
        start = time.perf_counter()
        c = g.community_multilevel()
        rows.append(("igraph " + igraph.__version__, f"community_multilevel run {run + 1}",
                     time.perf_counter() - start, c.modularity, len(c)))
    t, cc = best_of(args.repeat, g.connected_components)
    rows.append(("igraph " + igraph.__version__, "connected_components", t, None, len(cc)))

    # ---- graph-tool (optional) ----
    try:
        import graph_tool.all as gt
    except ImportError:
        gt = None
        print("graph-tool: not installed (Debian has no package for it); skipped")
    if gt is not None:
        h = gt.Graph(directed=False)
        h.add_vertex(g.vcount())
        h.add_edge_list(g.get_edgelist())
        t, comp = best_of(args.repeat, lambda: gt.label_components(h))
        rows.append(("graph-tool " + gt.__version__.split()[0], "label_components", t, None,
                     len(comp[1])))
        def sbm():
            state = gt.minimize_blockmodel_dl(h)
            return gt.modularity(h, state.get_blocks())
        t, q = best_of(1, sbm)
        rows.append(("graph-tool", "minimize_blockmodel_dl (not Louvain)", t, q, None))

    print(f"{'library':<18} {'algorithm':<38} {'seconds':>9} {'modularity':>11} {'clusters':>9}")
    for lib, alg, sec, q, k in rows:
        qs = f"{q:.4f}" if q is not None else "-"
        ks = f"{int(k)}" if k is not None else "-"
        print(f"{lib:<18} {alg:<38} {sec:>9.3f} {qs:>11} {ks:>9}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(library=r[0], algorithm=r[1], seconds=r[2], modularity=r[3],
                            clusters=r[4]) for r in rows], f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
