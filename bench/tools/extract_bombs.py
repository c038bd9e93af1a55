#!/usr/bin/env python3
"""Extraction on pathological text (issue 13, item 10): generates one article per pattern
and size, runs `stakegraph ingest ARTICLE -o GRAPH.sgpb` on it, and reports CPU seconds, MB/s (per CPU second),
peak memory (max RSS of the child) and the size of the graph written.

  bench/tools/extract_bombs.py --bin build/cli/stakegraph [--sizes 1,4,16]
      [--patterns benign,accused,names,quote,said,minister] [--timeout 600] [--keep DIR]

A run is stopped after --timeout seconds (reported as "timeout", CPU "> T") and may use at
most 3 GiB of address space (past it extraction fails with "out of memory", exit 1).

Patterns (each a single .txt article of exactly SIZE MiB, or just under):
  benign    the sample article and the dev-like texts in tests/data (real news), repeated
  accused   "Canada accused Huawei. " repeated
  names     known lexicon names (data/lexicon/actors.textpb, seeded random) separated by
            spaces, no punctuation
  quote     one opening quotation mark, then "Canada accused Huawei of spying. " repeated
            (the quotation is never closed)
  said      "He said they said it. " repeated
  minister  "the Minister of the Ministry of " repeated (no punctuation)
Rates use CPU time (user + system of the child), as the machine is shared; the load
average is printed with the results.
"""
import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MIB = 1 << 20
ARTICLE_LIMIT = 16 * MIB  # kMaxArticleBytes
MEM_LIMIT = 3 << 30  # address space of one run: past it the run fails ("out of memory")


def benign_text():
    parts = []
    for d in (os.path.join(ROOT, "samples", "articles"),):
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                parts.append(f.read().strip())
    reuters = os.path.join(ROOT, "..", "shared", "data", "reuters",
                           "reuters21578_uk_japan_telecom_row_1987.txt")
    if os.path.exists(reuters):
        with open(reuters, encoding="utf-8") as f:
            parts.append(f.read().strip())
    return "\n\n".join(parts) + "\n\n"


def lexicon_names():
    names = []
    with open(os.path.join(ROOT, "data", "lexicon", "actors.textpb"), encoding="utf-8") as f:
        for m in re.finditer(r'name: "([^"]+)"', f.read()):
            names.append(m.group(1))
    return names


def generate(pattern, size):
    """Text of about `size` bytes (never more, never past the article limit)."""
    size = min(size, ARTICLE_LIMIT)
    if pattern == "names":
        rng = random.Random(42)
        names = lexicon_names()
        out, n = [], 0
        while True:
            w = rng.choice(names) + " "
            if n + len(w) > size:
                break
            out.append(w)
            n += len(w)
        return "".join(out)
    head, unit = "", {
        "benign": None,
        "accused": "Canada accused Huawei. ",
        "quote": "Canada accused Huawei of spying. ",
        "said": "He said they said it. ",
        "minister": "the Minister of the Ministry of ",
    }[pattern]
    if pattern == "benign":
        unit = benign_text()
    if pattern == "quote":
        head = "\u201c"
    text = head + unit * ((size - len(head.encode())) // len(unit.encode()) + 1)
    data = text.encode()[:size]
    return data.decode("utf-8", errors="ignore")


def run(binary, path, out, timeout):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    try:
        def limit():  # a shared machine: a runaway run fails instead of swapping
            resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
        p = subprocess.run([binary, "ingest", path, "-o", out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout, preexec_fn=limit)
        rc, err = p.returncode, p.stderr.decode(errors="replace").strip()
    except subprocess.TimeoutExpired:
        rc, err = None, ""
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return rc, err, wall, cpu, after.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "cli", "stakegraph"))
    ap.add_argument("--sizes", default="1,4,16", help="MiB, comma-separated")
    ap.add_argument("--patterns", default="benign,accused,names,quote,said,minister")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", help="write the generated articles here (else a temp dir)")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="extract_bombs.")
    os.makedirs(work, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, load average "
          f"{os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}; "
          f"{a.bin}")
    print("| pattern | MiB | CPU s | wall s | MB/s (CPU) | peak RSS MB | graph MB | exit |")
    print("|---|---|---|---|---|---|---|---|")
    for pattern in a.patterns.split(","):
        for mib in (int(s) for s in a.sizes.split(",")):
            path = os.path.join(work, f"{pattern}-{mib}m.txt")
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(generate(pattern, mib * MIB))
            out = os.path.join(work, f"{pattern}-{mib}m.sgpb")
            if os.path.exists(out):
                os.remove(out)
            # Only the largest child so far is visible through RUSAGE_CHILDREN: run each in a
            # fresh process tree so its own peak is reported.
            r = subprocess.run([sys.executable, __file__, "--_one", a.bin, path, out,
                                str(a.timeout)], capture_output=True, text=True)
            rc, cpu, wall, rss, err = r.stdout.rstrip("\n").split("\t", 4)
            mb = os.path.getsize(path) / 1e6
            graph = os.path.getsize(out) / 1e6 if os.path.exists(out) else 0.0
            cpu, wall = float(cpu), float(wall)
            status = "timeout" if rc == "None" else rc
            rate = f"{mb / cpu:.2f}" if rc != "None" and cpu > 0 else f"< {mb / cpu:.3f}"
            cpu_s = f"{cpu:.2f}" if rc != "None" else f"> {cpu:.0f}"
            print(f"| {pattern} | {mib} | {cpu_s} | {wall:.2f} | {rate} | "
                  f"{int(rss) / 1024:.0f} | {graph:.2f} | {status} |", flush=True)
            if err:
                print(f"  stderr: {err[:200]}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_one":
        binary, path, out, timeout = sys.argv[2:6]
        rc, err, wall, cpu, rss = run(binary, path, out, float(timeout))
        print(f"{rc}\t{cpu:.3f}\t{wall:.3f}\t{rss}\t{err.replace(chr(10), ' ')}")
    else:
        main()
