#!/usr/bin/python3
"""Exact betweenness, PageRank and BFS: stakegraph against python3-igraph, python3-graph-tool
and python3-networkx on the same power-law graphs.

Graphs: igraph's Graph.Static_Power_Law(n, m, exponent_out=2.3) after random.seed(42)
(python-igraph draws from Python's random module, so the graph is reproducible), undirected:
10,000 nodes / 50,000 edges ("small") and 100,000 nodes / 1,000,000 edges ("large"). The
edge list is written once ("u v" per line) and every peer loads that same file.

Each (peer, algorithm, graph) runs in its own process with a time limit (--timeout seconds;
past it the peer is reported as timed out). The time reported is the algorithm alone
(time.perf_counter around the one call; stakegraph: bench/peers/stakegraph_peer.cpp, the
same around its kernel), not loading or graph construction. Every peer's scores are
compared with stakegraph's (max absolute difference, after converting to the same
convention), and the ratio peer time / stakegraph time is printed.

Conventions: betweenness raw, each unordered pair once (graph-tool's normalized values are
multiplied back by (n-1)(n-2)/2); PageRank alpha 0.85, graph-tool's stopping rule (total L1
change < 1e-6) for graph-tool and stakegraph, NetworkX's tol=1e-6 (its rule: L1 < n * tol),
igraph's PRPACK (a direct solve); BFS hop distances from node 0.

Usage:
  /usr/bin/python3 bench/peers/run_peers.py [--peer-binary build/bench/stakegraph_peer]
      [--sizes small,large] [--algorithms betweenness,pagerank,bfs]
      [--peers stakegraph,stakegraph-1t,igraph,graph-tool,networkx] [--timeout 600]
      [--workdir DIR] [--json OUT.json]
Betweenness runs on the small graph only (exact betweenness on the large one takes hours
in every library). Exit status 0; 2 when igraph or the peer program is missing.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

SIZES = {"small": (10000, 50000), "large": (100000, 1000000)}
PLAN = {"betweenness": ["small"], "pagerank": ["small", "large"], "bfs": ["small", "large"]}


def read_edges(path):
    edges = []
    with open(path) as f:
        for line in f:
            u, v = line.split()
            edges.append((int(u), int(v)))
    return edges


def write_scores(path, scores):
    with open(path, "w") as f:
        for s in scores:
            f.write(repr(float(s)) + "\n")


def child(peer, algorithm, edges_path, n, scores_path):
    """Runs one algorithm in this process; prints {"seconds", "load_seconds"} as JSON."""
    t0 = time.perf_counter()
    edges = read_edges(edges_path)
    if peer == "igraph":
        import igraph
        g = igraph.Graph(n=n, edges=edges, directed=False)
        load = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        if algorithm == "betweenness":
            scores = g.betweenness(directed=False)
        elif algorithm == "pagerank":
            scores = g.pagerank(damping=0.85, directed=False)
        else:
            scores = g.distances(source=0)[0]
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        scores = [-1 if s == float("inf") else s for s in scores]
    elif peer == "graph-tool":
        import graph_tool.all as gt
        g = gt.Graph(directed=False)
        g.add_vertex(n)
        g.add_edge_list(edges)
        load = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        if algorithm == "betweenness":
            vb, _ = gt.betweenness(g, norm=True)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            scale = (n - 1) * (n - 2) / 2.0
            scores = [x * scale for x in vb.a]
        elif algorithm == "pagerank":
            pr = gt.pagerank(g, damping=0.85, epsilon=1e-6)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            scores = list(pr.a)
        else:
            dist = gt.shortest_distance(g, source=g.vertex(0))
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            big = 2147483647
            scores = [-1 if d >= big else d for d in dist.a]
    elif peer == "networkx":
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        load = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        if algorithm == "betweenness":
            d = nx.betweenness_centrality(g, normalized=False)
        elif algorithm == "pagerank":
            d = nx.pagerank(g, alpha=0.85, tol=1e-6)
        else:
            d = nx.single_source_shortest_path_length(g, 0)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        scores = [d.get(v, -1) for v in range(n)]
    else:
        raise SystemExit(f"unknown peer {peer}")
    write_scores(scores_path, scores)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "load_seconds": load,
                      "threads": threads_of(peer)}))


def threads_of(peer):
    if peer == "graph-tool":
        import graph_tool
        return graph_tool.openmp_get_num_threads() if graph_tool.openmp_enabled() else 1
    return 1


def run_one(args, peer, algorithm, edges_path, n, scores_path):
    if peer.startswith("stakegraph"):
        cmd = [args.peer_binary, algorithm, edges_path, scores_path, "--nodes", str(n)]
        if peer == "stakegraph-1t":
            cmd += ["--threads", "1"]
    else:
        cmd = [sys.executable, os.path.abspath(__file__), "--child", peer, algorithm, edges_path,
               str(n), scores_path]
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "wall": time.perf_counter() - start}
    if p.returncode != 0:
        return {"status": "failed", "error": (p.stderr.strip().splitlines() or ["?"])[-1]}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["status"] = "ok"
    out["wall"] = time.perf_counter() - start
    return out


def load_scores(path):
    with open(path) as f:
        return [float(x) for x in f]


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        peer, algorithm, edges_path, n, scores_path = sys.argv[2:7]
        child(peer, algorithm, edges_path, int(n), scores_path)
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-binary", default=os.path.join(root, "build", "bench", "stakegraph_peer"))
    parser.add_argument("--sizes", default="small,large")
    parser.add_argument("--algorithms", default="betweenness,pagerank,bfs")
    parser.add_argument("--peers", default="stakegraph,stakegraph-1t,igraph,graph-tool,networkx")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--workdir", default="/tmp/stakegraph_peers")
    parser.add_argument("--json", help="also write every figure here")
    args = parser.parse_args()
    try:
        import igraph
    except ImportError:
        print("python3-igraph is not installed (apt-get install python3-igraph)", file=sys.stderr)
        return 2
    if not os.access(args.peer_binary, os.X_OK):
        print(f"{args.peer_binary}: no such program (build the stakegraph_peer target)",
              file=sys.stderr)
        return 2
    os.makedirs(args.workdir, exist_ok=True)
    peers = args.peers.split(",")
    sizes = args.sizes.split(",")
    results = []
    for size in sizes:
        n, m = SIZES[size]
        random.seed(42)
        g = igraph.Graph.Static_Power_Law(n, m, exponent_out=2.3)
        edges_path = os.path.join(args.workdir, f"powerlaw_{n}_{m}.edges")
        with open(edges_path, "w") as f:
            for u, v in g.get_edgelist():
                f.write(f"{u} {v}\n")
        print(f"# {size}: {n} nodes, {g.ecount()} edges (Static_Power_Law, exponent 2.3, "
              f"seed 42), {sum(1 for d in g.degree() if d == 0)} isolated, max degree "
              f"{max(g.degree())}", flush=True)
        del g
        for algorithm in args.algorithms.split(","):
            if size not in PLAN[algorithm]:
                continue
            rows = {}
            for peer in peers:
                scores_path = os.path.join(args.workdir, f"{size}_{algorithm}_{peer}.scores")
                if os.path.exists(scores_path):
                    os.remove(scores_path)
                r = run_one(args, peer, algorithm, edges_path, n, scores_path)
                if r["status"] == "ok":
                    r["scores"] = load_scores(scores_path)
                rows[peer] = r
                status = f"{r['seconds']:.4f} s" if r["status"] == "ok" else r["status"]
                print(f"  {size} {algorithm} {peer}: {status}", flush=True)
            ref = rows.get("stakegraph", {})
            for peer, r in rows.items():
                entry = {"size": size, "nodes": n, "edges": m, "algorithm": algorithm,
                         "peer": peer, "status": r["status"]}
                for key in ("seconds", "cpu_seconds", "load_seconds", "threads", "iterations",
                            "csr_bytes_per_edge", "error", "wall"):
                    if key in r:
                        entry[key] = r[key]
                if r["status"] == "ok" and ref.get("status") == "ok":
                    a, b = r["scores"], ref["scores"]
                    entry["max_abs_diff"] = max(abs(x - y) for x, y in zip(a, b))
                    entry["max_score"] = max(abs(y) for y in b)
                    entry["ratio_to_stakegraph"] = r["seconds"] / ref["seconds"]
                    entry["cpu_ratio_to_stakegraph"] = r["cpu_seconds"] / ref["cpu_seconds"]
                results.append(entry)

    print()
    print("| graph | algorithm | peer | threads | algorithm time (s) | peer / stakegraph | "
          "CPU time (s) | CPU peer / stakegraph | max abs diff vs stakegraph (max score) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for e in results:
        t = f"{e['seconds']:.4f}" if e["status"] == "ok" else \
            (f"timeout (> {args.timeout:.0f} s)" if e["status"] == "timeout" else "failed")
        ratio = f"{e['ratio_to_stakegraph']:.1f}x" if "ratio_to_stakegraph" in e else "-"
        diff = f"{e['max_abs_diff']:.3g} ({e['max_score']:.3g})" if "max_abs_diff" in e else "-"
        cpu = f"{e['cpu_seconds']:.4f}" if "cpu_seconds" in e else "-"
        cpu_ratio = f"{e['cpu_ratio_to_stakegraph']:.1f}x" if "cpu_ratio_to_stakegraph" in e else "-"
        print(f"| {e['nodes']:,} / {e['edges']:,} | {e['algorithm']} | {e['peer']} | "
              f"{e.get('threads', '-')} | {t} | {ratio} | {cpu} | {cpu_ratio} | {diff} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
