#!/usr/bin/python3
"""Issue 12 (rooms): the include graph of the product code (graph/, io/, cli/).

usage: check_layout.py --source REPO_DIR

Checks (each prints PASS/FAIL; exit 1 on any failure):
  cycles   no include cycle between files: a module is a header with its source (io/x.hpp and
           io/x.cpp; a source without a header is a module of its own), and module A depends
           on B when a file of A includes B's header ("dir/name.hpp", rooted at the repo).
           Every cycle (strongly connected set of two or more modules) is listed; the one
           cycle known today (KNOWN_CYCLES, the extraction driver and its per-article state,
           left for the extraction issue) is reported without failing, any other fails.
  rooms    each room includes only the rooms its CMake target links: graph/ nothing of ours;
           io/formats/ graph/, proto/, the shared plumbing at the top of io/ and the DOT writer
           (io/render/dot.hpp); io/render/ graph/ and the plumbing; io/gdelt/ graph/ and the
           plumbing (but lexicon_lookup.*, the extraction's bridge, compiled in
           stakegraph::extract); io/report/ graph/, proto/, the plumbing and io/render/;
           the plumbing at the top of io/ graph/ and itself; extraction (the rest of the top
           of io/, io/extract/) no format, drawing or report.
"""
import argparse
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

# The shared plumbing at the top of io/ (stakegraph::io_base, and error.hpp).
PLUMBING = {f"io/{name}.hpp" for name in (
    "atomic_file", "file_lock", "printable", "display_width", "signal_cleanup", "input",
    "data_dir", "text", "iso_codes", "error")}


# io/extract.cpp includes io/extract/run.hpp (the stages' state) and run.hpp includes
# io/extract.hpp (the public options it carries): for the extraction issue to untie.
KNOWN_CYCLES = [{"io/extract", "io/extract/run"}]


def tracked_sources(root):
    out = subprocess.run(["git", "-C", root, "ls-files", "*.cpp", "*.hpp"], check=True,
                         capture_output=True, text=True).stdout.split()
    return [p for p in out if p.split("/")[0] in ("graph", "io", "cli")]


def module_of(path):
    return os.path.splitext(path)[0]


def strongly_connected(graph):
    """Tarjan's algorithm, iterative; returns the components (lists of vertices)."""
    index, low, on_stack, stack, comps, counter = {}, {}, set(), [], [], [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                comps.append(comp)
    return comps


def room_allows(path, include):
    """True when the file at `path` may include `include` (both repo-rooted)."""
    if include.startswith("proto/"):
        top = path.split("/")[0]
        return top != "graph"
    def within(prefix):
        return include.startswith(prefix)
    if path.startswith("graph/"):
        return within("graph/")
    if path.startswith("io/formats/"):
        return (within("graph/") or within("io/formats/") or include in PLUMBING
                or include == "io/render/dot.hpp")
    if path.startswith("io/render/"):
        return within("graph/") or within("io/render/") or include in PLUMBING
    if path.startswith("io/gdelt/") and not os.path.basename(path).startswith("lexicon_lookup"):
        return within("graph/") or within("io/gdelt/") or include in PLUMBING
    if path.startswith("io/report/"):
        return (within("graph/") or within("io/report/") or within("io/render/")
                or include in PLUMBING)
    if path.startswith("io/") and path.count("/") == 1:
        if module_of(path) + ".hpp" in PLUMBING:  # the plumbing: graph/ and itself
            return within("graph/") or include in PLUMBING
        # extraction (stakegraph::extract): no graph format, drawing or report
        return not (within("io/formats/") or within("io/render/") or within("io/report/"))
    if path.startswith("io/extract/"):
        return not (within("io/formats/") or within("io/render/") or within("io/report/"))
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    files = tracked_sources(args.source)
    present = set(files)
    includes = {}
    for path in files:
        with open(os.path.join(args.source, path), encoding="utf-8") as f:
            includes[path] = [i for i in INCLUDE.findall(f.read()) if i in present]

    failures = 0
    graph = {}
    for path, incs in includes.items():
        deps = graph.setdefault(module_of(path), set())
        for inc in incs:
            if module_of(inc) != module_of(path):
                deps.add(module_of(inc))
    cycles = [sorted(c) for c in strongly_connected(graph) if len(c) > 1]
    for c in cycles:
        if set(c) in KNOWN_CYCLES:
            print("KNOWN cycles: " + " <-> ".join(c))
    cycles = [c for c in cycles if set(c) not in KNOWN_CYCLES]
    if cycles:
        failures += 1
        for c in cycles:
            print("FAIL cycles: " + " <-> ".join(c))
    else:
        print(f"PASS cycles: {len(graph)} modules, no include cycle but the known ones")

    bad = [(p, i) for p, incs in sorted(includes.items()) for i in incs if not room_allows(p, i)]
    if bad:
        failures += 1
        for p, i in bad:
            print(f"FAIL rooms: {p} includes {i}")
    else:
        print(f"PASS rooms: {len(files)} files include only the rooms their targets link")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
