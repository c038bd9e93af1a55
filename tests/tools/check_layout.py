#!/usr/bin/python3
"""Issue 12 (rooms): the include graph of the code (graph/, io/, cli/, bench/, tests/), and a
README line for every folder.

usage: check_layout.py --source REPO_DIR

Files: the C++ sources and headers git tracks under those folders (every such file on disk
when REPO_DIR is no git work tree); an include is a quoted one that names such a file, rooted
at the repo ("io/x.hpp") or, failing that, beside the including file.

Checks (each prints PASS/FAIL; exit 1 on any failure):
  cycles   no include cycle between files: every strongly connected set of two or more files
           (or a file that includes itself) is listed and fails.
  modules  no cycle between modules: a module is a header with its source (io/x.hpp and
           io/x.cpp; a source without a header, or a header without a source, is a module of
           its own), and module A depends on B when a file of A includes a file of B. A source
           that includes a private header which includes the source's own public header is
           such a cycle (the stages' state of io/extract/run.hpp once included io/extract.hpp).
           Every cycle (strongly connected set of two or more modules) is listed and fails.
  rooms    each room of the product code includes only the rooms its CMake target links:
           graph/ nothing of ours; io/formats/ graph/, proto/, the shared plumbing at the top
           of io/ and the DOT writer (io/render/dot.hpp); io/render/ graph/ and the plumbing;
           io/gdelt/ graph/ and the plumbing (but lexicon_lookup.*, the extraction's bridge,
           compiled in stakegraph::extract); io/report/ graph/, proto/, the plumbing and
           io/render/; the plumbing at the top of io/ graph/ and itself; extraction (the rest
           of the top of io/, io/extract/) no format, drawing or report.
  readmes  every folder of the tree (all files, not only C++) has a README.md of its own or a
           line in its parent's README.md naming it as `name/`.
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


# The folders whose files make the include graph; the product code (rooms) is the first three.
FOLDERS = ("graph", "io", "cli", "bench", "tests")
PRODUCT = ("graph", "io", "cli")
SUFFIXES = (".cpp", ".hpp", ".h", ".cc")


def repo_files(root):
    """Every file of the tree, repo-relative: those git tracks when `root` is the top of a work
    tree (and present on disk), else every file on disk outside hidden folders."""
    run = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, text=True)
    top = subprocess.run(["git", "-C", root, "rev-parse", "--show-prefix"],
                         capture_output=True, text=True)
    if run.returncode == 0 and top.returncode == 0 and top.stdout.strip() == "":
        paths = [p for p in run.stdout.split("\0")
                 if p and os.path.isfile(os.path.join(root, p))]
    else:
        paths = []
        for dirpath, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            paths += [os.path.relpath(os.path.join(dirpath, n), root) for n in names]
    return sorted(p.replace(os.sep, "/") for p in paths)


def sources_of(files):
    """The C++ files under FOLDERS."""
    return [p for p in files if p.endswith(SUFFIXES) and p.split("/")[0] in FOLDERS]


def folders_without_readme(root, files):
    """Folders (holding a file, or a folder that does) with neither a README.md of their own
    nor a line in their parent's README.md naming them (`name/`)."""
    present = set(files)
    folders = set()
    for p in files:
        d = os.path.dirname(p)
        while d:
            folders.add(d)
            d = os.path.dirname(d)
    missing = []
    for d in sorted(folders):
        if f"{d}/README.md" in present:
            continue
        parent = os.path.dirname(d)
        readme = f"{parent}/README.md" if parent else "README.md"
        text = ""
        if readme in present:
            with open(os.path.join(root, readme), encoding="utf-8", errors="replace") as f:
                text = f.read()
        name = os.path.basename(d)
        if not re.search(r"(?<![\w./-])" + re.escape(name) + r"/", text):
            missing.append(d)
    return missing


def resolve(path, include, present):
    """The file `include` (quoted, in `path`) names: rooted at the repo, else beside `path`."""
    if include in present:
        return include
    beside = os.path.normpath(os.path.join(os.path.dirname(path), include)).replace(os.sep, "/")
    return beside if beside in present else None


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


def cycles_of(graph):
    """The strongly connected sets of two or more vertices, and vertices with a self loop."""
    out = [sorted(c) for c in strongly_connected(graph) if len(c) > 1]
    out += [[v] for v in sorted(graph) if v in graph[v]]
    return sorted(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    everything = repo_files(args.source)
    files = sources_of(everything)
    present = set(files)
    includes = {}
    for path in files:
        with open(os.path.join(args.source, path), encoding="utf-8", errors="replace") as f:
            found = (resolve(path, i, present) for i in INCLUDE.findall(f.read()))
            includes[path] = [i for i in found if i is not None]

    failures = 0
    file_graph = {path: set(incs) for path, incs in includes.items()}
    cycles = cycles_of(file_graph)
    if cycles:
        failures += 1
        for c in cycles:
            print("FAIL cycles: " + " <-> ".join(c))
    else:
        print(f"PASS cycles: {len(files)} files, no include cycle")

    module_graph = {}
    for path, incs in includes.items():
        deps = module_graph.setdefault(module_of(path), set())
        for inc in incs:
            if module_of(inc) != module_of(path):
                deps.add(module_of(inc))
    cycles = cycles_of(module_graph)
    if cycles:
        failures += 1
        for c in cycles:
            print("FAIL modules: " + " <-> ".join(c))
    else:
        print(f"PASS modules: {len(module_graph)} modules, no cycle between them")

    product = [p for p in files if p.split("/")[0] in PRODUCT]
    bad = [(p, i) for p in product for i in includes[p] if not room_allows(p, i)]
    if bad:
        failures += 1
        for p, i in bad:
            print(f"FAIL rooms: {p} includes {i}")
    else:
        print(f"PASS rooms: {len(product)} files include only the rooms their targets link")

    missing = folders_without_readme(args.source, everything)
    if missing:
        failures += 1
        for d in missing:
            print(f"FAIL readmes: {d}/ has no README.md, nor a line in its parent's naming it")
    else:
        print("PASS readmes: every folder has a README.md or a line in its parent's")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
