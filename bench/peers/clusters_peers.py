#!/usr/bin/python3
"""Louvain and connected components: stakegraph against python-igraph (and graph-tool when
it is installed) on the same power-law graph.

The graph is igraph's Graph.Static_Power_Law(100000, 1000000, exponent_out=2.3) after
random.seed(42) (igraph draws from Python's random module). It is written as an edge list
and timed with our Google Benchmark program bench/peers/clusters_timer.cpp, so all three
libraries see the identical graph. igraph and graph-tool are timed in-process (wall clock
and process CPU time, each run listed or the best of --repeat); our figures are Google
Benchmark's real and CPU time (mean over --repeat repetitions), one line per Louvain seed.
The timer runs with OMP_NUM_THREADS=--threads (default 1, like igraph's single thread; with
one thread Google Benchmark's CPU time is the whole process's). On a shared, loaded machine
compare the CPU columns: wall time then mostly measures the other processes.

Usage:
  /usr/bin/python3 bench/peers/clusters_peers.py [--timer build/bench/clusters_timer]
      [--nodes 100000] [--edges 1000000] [--repeat 3] [--json OUT.json]
Exit status 0; 2 when igraph or the timer is missing.
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn):
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu, result


def best_of(repeat, fn):
    best = None
    for _ in range(repeat):
        run = timed(fn)
        best = run if best is None or run[0] < best[0] else best
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timer", default=os.path.join(root, "build", "bench", "clusters_timer"))
    parser.add_argument("--nodes", type=int, default=100000)
    parser.add_argument("--edges", type=int, default=1000000)
    parser.add_argument("--exponent", type=float, default=2.3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="OMP_NUM_THREADS for our timer")
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
          f"{args.exponent}) after random.seed(42): {g.vcount()} nodes, {g.ecount()} edges",
          flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        edges_path = os.path.join(tmp, "edges.txt")
        g.write_edgelist(edges_path)

        # ---- ours (Google Benchmark) ----
        env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
        out = subprocess.run([args.timer, edges_path, "--benchmark_format=json",
                              f"--benchmark_repetitions={args.repeat}",
                              "--benchmark_report_aggregates_only=true"],
                             check=True, capture_output=True, text=True, env=env).stdout
        ours = f"stakegraph ({args.threads}t)"
        for b in json.loads(out)["benchmarks"]:
            if b.get("aggregate_name") != "mean":
                continue
            wall = b["real_time"] / 1000.0  # reported in milliseconds
            # Google Benchmark's CPU time is the main thread's: the process's only with 1 thread.
            cpu = b["cpu_time"] / 1000.0 if args.threads == 1 else None
            name = b["run_name"].replace("/real_time", "")
            if name.startswith("BM_PeerLouvain"):
                rows.append((ours, "louvain " + name.split("/")[-1], wall, cpu,
                             b.get("modularity"), b.get("communities")))
            elif name == "BM_PeerComponents":
                rows.append((ours, "connected components", wall, cpu, None,
                             b.get("components")))
            elif name == "BM_PeerCsrBuild":
                rows.append((ours, "edge list -> CSR (not in the above)", wall, cpu, None,
                             None))

    # ---- igraph ----
    for run in range(args.repeat):
        random.seed(run)
        wall, cpu, c = timed(g.community_multilevel)
        rows.append(("igraph " + igraph.__version__, f"community_multilevel random.seed({run})",
                     wall, cpu, c.modularity, len(c)))
    wall, cpu, cc = best_of(args.repeat, g.connected_components)
    rows.append(("igraph " + igraph.__version__, "connected_components", wall, cpu, None,
                 len(cc)))

    # ---- graph-tool (optional) ----
    try:
        import graph_tool.all as gt
    except ImportError:
        gt = None
        print("graph-tool: not installed (apt-get install python3-graph-tool); skipped")
    if gt is not None:
        h = gt.Graph(directed=False)
        h.add_vertex(g.vcount())
        h.add_edge_list(g.get_edgelist())
        # graph-tool has no Louvain (its community detection is stochastic block model
        # inference, minutes on this graph), so only components are compared.
        wall, cpu, comp = best_of(args.repeat, lambda: gt.label_components(h))
        rows.append(("graph-tool " + gt.__version__.split()[0], "label_components", wall, cpu,
                     None, len(comp[1])))

    print(f"{'library':<18} {'algorithm':<40} {'wall s':>8} {'cpu s':>8} {'modularity':>11} "
          f"{'clusters':>9}")
    for lib, alg, wall, cpu, q, k in rows:
        qs = f"{q:.4f}" if q is not None else "-"
        ks = f"{int(k)}" if k is not None else "-"
        cs = f"{cpu:.3f}" if cpu is not None else "-"
        print(f"{lib:<18} {alg:<40} {wall:>8.3f} {cs:>8} {qs:>11} {ks:>9}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(library=r[0], algorithm=r[1], wall_seconds=r[2], cpu_seconds=r[3],
                            modularity=r[4], clusters=r[5]) for r in rows], f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
