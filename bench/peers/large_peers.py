#!/usr/bin/python3
"""Peers for bench/large_bench.cpp (issue 6): igraph and graph-tool on the same calibrated graph.

The graph is the CSV that `stakegraph generate --profile gdelt --edges M --seed 42 -o G.csv`
writes (the graph large_bench builds for M edges). Both peers get the view stakegraph's
analytics run on: undirected, parallel edges merged, self-loops dropped. Times are the
algorithm call alone (no loading), wall and process CPU, best of --repeat:
  pagerank     igraph Graph.pagerank (PRPACK), graph-tool pagerank (power iteration)
  components   igraph connected_components, graph-tool label_components
  louvain      igraph community_multilevel (one run)
Usage: /usr/bin/python3 bench/peers/large_peers.py G.csv [--repeat 3]
"""
import argparse
import csv
import time


def load_edges(path):
    ids = {}
    edges = set()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            s = ids.setdefault(row["source"], len(ids))
            t = ids.setdefault(row["target"], len(ids))
            if s == t:
                continue
            edges.add((s, t) if s < t else (t, s))
    return len(ids), sorted(edges)


def best(fn, repeat):
    wall, cpu, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        w1, c1 = time.perf_counter(), time.process_time()
        wall, cpu = min(wall, w1 - w0), min(cpu, c1 - c0)
    return wall, cpu, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n, edges = load_edges(args.graph)
    print(f"graph: {args.graph}: {n} nodes, {len(edges)} distinct undirected pairs")
    print(f"{'library':<16} {'algorithm':<14} {'wall s':>9} {'cpu s':>9}  result")
    import igraph

    g = igraph.Graph(n=n, edges=edges, directed=False)
    w, c, pr = best(lambda: g.pagerank(damping=0.85), args.repeat)
    print(f"{'igraph ' + igraph.__version__:<16} {'pagerank':<14} {w:9.3f} {c:9.3f}  max {max(pr):.6g}")
    w, c, cc = best(g.connected_components, args.repeat)
    print(f"{'igraph ' + igraph.__version__:<16} {'components':<14} {w:9.3f} {c:9.3f}  {len(cc)} components")
    w, c, cl = best(g.community_multilevel, args.repeat)
    print(f"{'igraph ' + igraph.__version__:<16} {'louvain':<14} {w:9.3f} {c:9.3f}  "
          f"{len(cl)} communities, modularity {cl.modularity:.4f}")
    try:
        import graph_tool.all as gt
    except ImportError:
        print("graph-tool: not installed")
        return
    h = gt.Graph(directed=False)
    h.add_vertex(n)
    h.add_edge_list(edges)
    w, c, pr = best(lambda: gt.pagerank(h, damping=0.85), args.repeat)
    print(f"{'graph-tool ' + gt.__version__.split()[0]:<16} {'pagerank':<14} {w:9.3f} {c:9.3f}  max {pr.a.max():.6g}")
    w, c, comp = best(lambda: gt.label_components(h), args.repeat)
    print(f"{'graph-tool ' + gt.__version__.split()[0]:<16} {'components':<14} {w:9.3f} {c:9.3f}  "
          f"{int(comp[0].a.max()) + 1} components")


if __name__ == "__main__":
    main()
