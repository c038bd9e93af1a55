#!/usr/bin/python3
"""How fast a large HTML story report opens and reacts in headless Chromium (measured and
reported in bench/report.md, never asserted).

Generates a news-shaped graph (`stakegraph generate`), writes the report of its top N nodes
(`stakegraph report --top N`, N = 2,000 by default: the drawing limit), opens it R times in a
fresh headless Chromium (tests/browser/report_browser_test.py starts it) and prints, per run:
  ready   - from navigation start until the page's script has indexed everything and
            attached its handlers (window.stakegraphReport.readyMs, measured by the page);
  interactive - until the first frame after that (style, layout and paint of the whole
            drawing) is done and the page answers input (interactiveMs);
  load    - the load event's end (navigation timing);
  cpu     - the CPU time the page's renderer spent until interactive: its main thread (parse,
            script, style, layout, paint) and the whole renderer process (with raster and
            compositor threads), from the DevTools Performance metrics (threadTicks); on a
            loaded machine the wall-clock times above grow, these stay;
  layouts - how many times the page was laid out until then;
and, once the page is ready, the time the page takes (measured inside it, synchronously) to
  filter  - uncheck and re-check a node kind (every node and edge re-styled, twice);
  search  - suggestions for a two-letter query;
  select  - show the best-connected node in the side panel;
  hover   - highlight that node's links and clear them.
Usage: bench/report_open.py --stakegraph build/cli/stakegraph [--nodes 2000] [--runs 3]
       [--graph-nodes 20000 --graph-edges 60000] [--keep DIR [--reuse]]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "browser"))
import report_browser_test as rb  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MEASURE = """
const t = (f) => {
  const a = performance.now();
  f();
  document.body.getBoundingClientRect();  // style and layout included
  return performance.now() - a;
};
const box = document.querySelector('#filters input[type=checkbox]');
const filter = t(() => { box.click(); box.click(); });
const search = document.getElementById('search');
const suggest = t(() => { search.value = 'no'; search.dispatchEvent(new Event('input')); });
search.value = '';
search.dispatchEvent(new Event('input'));
const best = document.querySelector('#tables tbody button, #tables table button');
const select = t(() => best.click());
const el = document.querySelector('#diagram g.node.selected');
const hover = t(() => {
  el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  el.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
});
const nav = performance.getEntriesByType('navigation')[0];
return {ready: window.stakegraphReport.readyMs, interactive: window.stakegraphReport.interactiveMs,
        load: nav.loadEventEnd, filter: filter,
        search: suggest, select: select, hover: hover, nodes: window.stakegraphReport.nodes,
        edges: window.stakegraphReport.edges};
"""


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--stakegraph", required=True)
    p.add_argument("--nodes", type=int, default=2000, help="nodes in the report (--top)")
    p.add_argument("--graph-nodes", type=int, default=20000, help="nodes generated")
    p.add_argument("--graph-edges", type=int, default=60000, help="edges generated")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--keep", help="folder to keep the graph and the report in")
    p.add_argument("--reuse", action="store_true",
                   help="open the report already in --keep instead of writing it")
    args = p.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="sg_report_bench_")
    os.makedirs(work, exist_ok=True)
    graph = os.path.join(work, "generated.sgpb")
    report = os.path.join(work, "report.html")
    if not args.reuse:
        subprocess.run([args.stakegraph, "generate", "--nodes", str(args.graph_nodes),
                        "--edges", str(args.graph_edges), "--seed", "16", "-q", "-o", graph],
                       check=True)
        started = time.time()
        subprocess.run([args.stakegraph, "report", graph, "--top", str(args.nodes), "-o",
                        report, "--title", "Top %d of a generated graph" % args.nodes],
                       check=True)
        print("report written in %.1f s" % (time.time() - started))
    print("report: %.1f MB" % (os.path.getsize(report) / 1e6))
    try:
        for run in range(args.runs):
            driver, profile = rb.start_browser()
            try:
                driver.execute_cdp_cmd("Performance.enable", {"timeDomain": "threadTicks"})
                rb.open_report(driver, report, timeout=300)
                WebDriverWait(driver, 300).until(lambda d: d.execute_script(
                    "return window.stakegraphReport.interactiveMs !== null"))
                cpu = {x["name"]: x["value"] for x in
                       driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
                m = driver.execute_script(MEASURE)
            finally:
                driver.quit()
                shutil.rmtree(profile, ignore_errors=True)
            print("run %d: %d nodes, %d edges: ready %.0f ms, interactive %.0f ms, load %.0f ms;"
                  " cpu %.2f s main thread, %.2f s renderer, %d layouts;"
                  " filter %.0f ms, search %.1f ms, select %.0f ms, hover %.0f ms; load average"
                  " %.1f" %
                  (run + 1, m["nodes"], m["edges"], m["ready"], m["interactive"], m["load"],
                   cpu["ThreadTime"], cpu["ProcessTime"], cpu["LayoutCount"],
                   m["filter"], m["search"], m["select"], m["hover"], os.getloadavg()[0]),
                  flush=True)
    except rb.Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
