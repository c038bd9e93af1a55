#!/usr/bin/python3
"""Browser test of the HTML story report (`stakegraph report`), run by ctest.

Debian's headless Chromium, driven through chromium-driver by python3-selenium, opens the
report of the samples (the README's command) and checks, in this order:
  1. the page becomes ready without a console error, and makes no network request (every
     request the DevTools performance log records is the page's own file:// URL; a canary page
     proves that the log does record requests);
  2. pan and zoom change the diagram's viewBox, and "fit" restores it;
  3. searching "Huawei" suggests it; clicking the suggestion shows Huawei in the side panel
     with an evidence sentence of the seed article, its mention of Huawei highlighted;
  4. hovering Huawei highlights its links; clicking an edge shows that edge's evidence;
  5. unchecking a node kind fades those nodes;
  6. moving the date slider one step hides the seed's edges (the seed article is undated, and
     a narrowed range leaves undated evidence out, as --since/--until do) while later edges
     stay;
  7. a report of hostile names and sentences (<script>, quotes, &, right-to-left and CJK
     text, a javascript: URL) runs none of them and shows them as text;
  8. in a generated drawing of more than 1,000 drawn edges, the edges' relation labels show
     only once zoomed in (and hide again at "fit"), and a node's evidence still shows.
Screenshots go to --out (report.png, report-huawei.png, readme-report.png, report-edge.png,
report-slider.png, report-hostile.png, report-dense-zoomed.png). It FAILS, never skips, when
Chromium, its driver or Selenium is missing: install chromium, chromium-driver and
python3-selenium (.ci/install-deps.sh does).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PACKAGES = "chromium chromium-driver python3-selenium"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def start_browser(width=1280, height=860):
    """Headless Chromium through chromium-driver, with the DevTools performance log on.
    Returns (driver, profile directory). Raises Failure when a piece is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as e:
        raise Failure("python3-selenium is missing (%s): apt-get install %s" % (e, PACKAGES))
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            raise Failure("%s is missing: apt-get install %s" % (path, PACKAGES))
    profile = tempfile.mkdtemp(prefix="sg_chromium_")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                 "--window-size=%d,%d" % (width, height), "--user-data-dir=" + profile):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(CHROMEDRIVER, log_output=os.devnull) if "log_output" in \
        Service.__init__.__code__.co_varnames else Service(CHROMEDRIVER, log_path=os.devnull)
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception as e:  # the driver's own error text says what went wrong
        shutil.rmtree(profile, ignore_errors=True)
        raise Failure("cannot start headless Chromium: %s" % str(e).splitlines()[0])
    driver.set_page_load_timeout(120)
    return driver, profile


def requests_made(driver):
    """Every URL a request was made for since the last call (DevTools Network events)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method = message.get("method", "")
        params = message.get("params", {})
        if method == "Network.requestWillBeSent":
            urls.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            urls.append(params["url"])
    return urls


def console_errors(driver):
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def open_report(driver, path, timeout=60):
    """Opens the page and waits until its script is ready; returns the readiness time (ms
    since navigation start) as the page measured it."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === '1'"))
    return driver.execute_script("return window.stakegraphReport.readyMs")


def run(cmd, cwd=None):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    if r.returncode != 0:
        raise Failure("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.strip()))
    return r.stdout


def script_json(html, element_id):
    start_tag = '<script type="application/json" id="%s">' % element_id
    a = html.index(start_tag) + len(start_tag)
    return json.loads(html[a:html.index("</script>", a)])


def embedded_document(html_path):
    """The page's data document, its two parts (io/report/report_embed.hpp) put together."""
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    doc = script_json(html, "report-data")
    packed = script_json(html, "report-evidence")
    strings = packed["strings"]
    for edge, items in zip(doc["edges"], packed["edges"]):
        edge["evidence"] = [
            {"article": doc["articles"][f[0]]["id"] if f[0] >= 0 else "", "sentence": f[1],
             "start": f[2], "end": f[3], "text": strings[f[4]], "hedged": f[5] == 1,
             "speaker": strings[f[6]], "rule": strings[f[7]], "date": strings[f[8]],
             "evidence_date": strings[f[9]],
             "marks": [f[10][i:i + 2] for i in range(0, len(f[10]), 2)]} for f in items]
        del edge["evidence_keys"]
    return doc


def viewbox(driver):
    return driver.execute_script(
        "return document.querySelector('#diagram svg').getAttribute('viewBox')")


def classes_of(driver, svg_id):
    value = driver.execute_script(
        "const e = document.getElementById(arguments[0]);"
        "return e ? e.getAttribute('class') || '' : null", svg_id)
    check(value is not None, "the drawing has no element %r" % svg_id)
    return value.split()


def screenshot(driver, out, name):
    """The top of the page (the diagram and the panel), whatever was scrolled into view."""
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(out, name))


def test_canary(driver, out):
    """The performance log records a page's requests: a page that loads an image shows it."""
    page = os.path.join(out, "canary.html")
    with open(page, "w") as f:
        f.write('<!DOCTYPE html><img src="http://127.0.0.1:9/canary.png">')
    requests_made(driver)
    driver.get("file://" + page)
    time.sleep(0.5)
    urls = requests_made(driver)
    check(any("canary.png" in u for u in urls),
          "the DevTools log did not record the canary request (saw %s)" % urls)


def test_samples(driver, args, out):
    sg = args.stakegraph
    source = args.source
    report = os.path.abspath(os.path.join(out, "report.html"))
    # The README's command, run from the source tree (the page names the graph file as given).
    run([os.path.abspath(sg), "report", "samples/stakeholders.sgpb", "-o", report,
         "--focus", "Huawei", "--depth", "2", "--clusters", "camps",
         "--title", "Huawei and its stakeholders"], cwd=source)
    doc = embedded_document(report)
    url = "file://" + os.path.abspath(report)

    # 1. Ready, no console error, no request but the page itself.
    requests_made(driver)
    driver.get_log("browser")
    ready_ms = open_report(driver, report)
    print("report of the samples ready in %.0f ms" % ready_ms)
    time.sleep(0.5)  # let anything the page might start show in the log
    urls = requests_made(driver)
    check(urls and all(u == url for u in urls), "network requests besides the page: %s" %
          [u for u in urls if u != url])
    errors = console_errors(driver)
    check(not errors, "console errors: %s" % errors)
    screenshot(driver, out, "report.png")

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    # 2. Pan and zoom.
    home = viewbox(driver)
    driver.find_element(By.ID, "zoom-in").click()
    zoomed = viewbox(driver)
    check(float(zoomed.split()[2]) < float(home.split()[2]) * 0.9,
          "zoom in did not narrow the viewBox (%s -> %s)" % (home, zoomed))
    diagram = driver.find_element(By.ID, "diagram")
    ActionChains(driver).move_to_element_with_offset(diagram, 5, 5).click_and_hold() \
        .move_by_offset(120, 60).release().perform()
    panned = viewbox(driver)
    check(panned.split()[:2] != zoomed.split()[:2], "dragging did not pan (%s)" % panned)
    driver.find_element(By.ID, "zoom-fit").click()
    check(viewbox(driver) == home, "fit did not restore the view")

    # 3. Search "Huawei", pick the suggestion, find a seed sentence in the panel.
    search = driver.find_element(By.ID, "search")
    search.send_keys("Huawei")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions button"))
    choice = [b for b in driver.find_elements(By.CSS_SELECTOR, "#suggestions button")
              if b.find_element(By.CSS_SELECTOR, "span").text == "Huawei"]
    check(choice, "no suggestion 'Huawei'")
    choice[0].click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#panel h2").text == "Huawei")
    huawei = [n for n in doc["nodes"] if n["name"] == "Huawei"][0]
    check("selected" in classes_of(driver, huawei["svg"]), "Huawei is not selected")
    seed = [a for a in doc["articles"] if a["title"].startswith("US government")]
    check(len(seed) == 1, "the seed article is not in the report")
    seed_id = seed[0]["id"]
    seed_sentences = {x["text"] for e in doc["edges"] for x in e["evidence"]
                      if x["article"] == seed_id and
                      huawei["id"] in (e["source"], e["target"])}
    check(seed_sentences, "no evidence of the seed article on Huawei's edges")

    def panel_sentences():
        return [p for p in driver.find_elements(By.CSS_SELECTOR, "#panel .evidence .sentence")
                if p.is_displayed()]
    found = [p for p in panel_sentences() if p.text in seed_sentences]
    if not found:  # relations listed closed: open them one by one
        for summary in driver.find_elements(By.CSS_SELECTOR, "#panel details.relation summary"):
            summary.click()
            found = [p for p in panel_sentences() if p.text in seed_sentences]
            if found:
                break
    check(found, "no evidence sentence of the seed article in the panel")
    forms = {f.lower() for n in doc["nodes"] for f in [n["name"]] + n["aliases"]}
    marks = [m.text for m in found[0].find_elements(By.TAG_NAME, "mark")]
    check(marks and all(m.lower() in forms for m in marks),
          "the sentence's highlighted mentions are %r: %r" % (marks, found[0].text))
    print("panel shows the seed sentence: %s" % found[0].text)
    screenshot(driver, out, "report-huawei.png")
    # For the README (samples/report.png): the whole diagram, Huawei selected in the panel.
    driver.find_element(By.ID, "zoom-fit").click()
    screenshot(driver, out, "readme-report.png")

    # 4. Hover Huawei: its links light up. Click one of its edges: its evidence shows.
    node_el = driver.find_element(By.ID, huawei["svg"])
    ActionChains(driver).move_to_element(node_el.find_element(By.TAG_NAME, "text")).perform()
    WebDriverWait(driver, 5).until(lambda d: "hovering" in d.execute_script(
        "return document.querySelector('#diagram svg').getAttribute('class') || ''"))
    huawei_edges = [e for e in doc["edges"] if huawei["id"] in (e["source"], e["target"])]
    lit = [e for e in huawei_edges if "lit" in classes_of(driver, e["svg"])]
    check(len(lit) == len(huawei_edges), "hover lit %d of Huawei's %d edges" %
          (len(lit), len(huawei_edges)))
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "title")).perform()
    check("hovering" not in driver.execute_script(
        "return document.querySelector('#diagram svg').getAttribute('class') || ''"),
        "the highlight stayed after the pointer left")
    ban = [e for e in huawei_edges if e["relation"] == "SANCTION" and e["evidence"]]
    check(ban, "no SANCTION edge of Huawei with evidence")
    edge = driver.find_element(By.ID, ban[0]["svg"])
    try:
        ActionChains(driver).move_to_element(edge.find_element(By.TAG_NAME, "text")).click() \
            .perform()
    except Exception:
        pass
    if "selected" not in classes_of(driver, ban[0]["svg"]):
        # The label lies under another element: click the edge's path from the script.
        driver.execute_script(
            "arguments[0].querySelector('path').dispatchEvent("
            "new MouseEvent('click', {bubbles: true}))", edge)
    WebDriverWait(driver, 5).until(lambda d: "\u2192" in d.find_element(
        By.CSS_SELECTOR, "#panel h2").text)
    texts = [p.text for p in panel_sentences()]
    check(ban[0]["evidence"][0]["text"] in texts,
          "the edge's evidence is not in the panel: %s" % texts)
    screenshot(driver, out, "report-edge.png")

    # 5. Uncheck a kind: its nodes fade.
    kinds = {n["kind"] for n in doc["nodes"]}
    kind = "operator" if "operator" in kinds else sorted(kinds)[0]
    box = [l for l in driver.find_elements(By.CSS_SELECTOR, "#filters label")
           if l.text.split()[0:1] == [kind]][0].find_element(By.TAG_NAME, "input")
    box.click()
    for n in doc["nodes"]:
        faded = "off" in classes_of(driver, n["svg"])
        if n["kind"] == kind:
            check(faded, "%s (%s) did not fade" % (n["name"], kind))
    box.click()
    check(all("off" not in classes_of(driver, n["svg"]) for n in doc["nodes"]
              if n["kind"] == kind), "re-checking %s did not bring its nodes back" % kind)

    # 6. The date slider: one step from the first date leaves undated evidence (the seed's)
    #    and the first date's out; edges dated later stay.
    dates = doc["dates"]
    check(len(dates) >= 2, "fewer than two evidence dates: %s" % dates)
    seed_only = [e for e in doc["edges"] if e["evidence"] and
                 all(x["article"] == seed_id for x in e["evidence"])]
    later = [e for e in doc["edges"] if any(x["evidence_date"] >= dates[1]
                                            for x in e["evidence"])]
    check(seed_only and later, "need seed-only and later edges")
    check(all("off" not in classes_of(driver, e["svg"]) for e in seed_only),
          "seed edges hidden before the slider moved")
    slider = driver.find_element(By.ID, "date-from")
    slider.send_keys(Keys.ARROW_RIGHT)
    WebDriverWait(driver, 5).until(lambda d: slider.get_attribute("value") == "1")
    hidden = [e for e in seed_only if "off" in classes_of(driver, e["svg"])]
    # A drawn edge merged with a later relation stays; every other seed edge must hide.
    merged_with_later = {e["svg"] for e in later}
    must_hide = [e for e in seed_only if e["svg"] not in merged_with_later]
    check(must_hide and all("off" in classes_of(driver, e["svg"]) for e in must_hide),
          "moving the slider hid %d of the seed's %d edges" % (len(hidden), len(must_hide)))
    check(all("off" not in classes_of(driver, e["svg"]) for e in later),
          "edges dated %s or later were hidden" % dates[1])
    status = driver.find_element(By.ID, "status").text
    print("after the slider: %s (%d seed edges hidden)" % (status, len(hidden)))
    screenshot(driver, out, "report-slider.png")
    errors = console_errors(driver)
    check(not errors, "console errors: %s" % errors)
    urls = requests_made(driver)
    check(not urls, "requests made while using the page: %s" % urls)


HOSTILE = {
    "nodes": [
        {"id": "evil", "name": "<script>window.pwned=1</script>", "kind": "government",
         "aliases": ["\"><img src=x onerror=window.pwned=7>"]},
        {"id": "quoted", "name": "Q \"quoted\" & 'single' </b>", "kind": "person"},
        {"id": "cjk", "name": "\u83ef\u70ba <img src=x onerror=\"window.pwned=2\">",
         "kind": "vendor"},
        {"id": "rtl", "name": "\u0645\u0631\u062d\u0628\u0627 \u202eRTL", "kind": "media"},
    ],
    "edges": [
        {"source": "evil", "target": "quoted", "relation": "ACCUSE",
         "evidence": [{"article": "a1", "sentence": 0, "start": 0, "end": 60,
                       "text": "</script><script>window.pwned=3</script> <!-- \u2028 \u2029 "
                               "\u534e\u4e3a --> & 'q'", "hedged": False}]},
        {"source": "cjk", "target": "rtl", "relation": "REJECT",
         "evidence": [{"article": "a1", "sentence": 1, "start": 61, "end": 120,
                       "text": "\u83ef\u70ba <img src=x onerror=\"window.pwned=4\"> "
                               "\u0645\u0631\u062d\u0628\u0627 denied.", "hedged": True}]},
    ],
    "articles": [{"id": "a1", "title": "<script>window.pwned=5</script>", "date": "2020-01-01",
                  "url": "javascript:window.pwned=6"}],
}


def test_hostile(driver, args, out):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    graph = os.path.join(out, "hostile.json")
    with open(graph, "w", encoding="utf-8") as f:
        json.dump(HOSTILE, f, ensure_ascii=False)
    report = os.path.join(out, "hostile.html")
    run([args.stakegraph, "report", graph, "-o", report,
         "--title", "<script>window.pwned=8</script>"])
    requests_made(driver)
    open_report(driver, report)
    time.sleep(0.3)
    check(driver.execute_script("return window.pwned === undefined"),
          "hostile text ran: window.pwned = %r" % driver.execute_script("return window.pwned"))
    try:
        alert = driver.switch_to.alert
        raise Failure("an alert opened: %s" % alert.text)
    except NoAlertPresentException:
        pass
    check(driver.title == "<script>window.pwned=8</script>", "title: %r" % driver.title)
    check(not driver.find_elements(By.TAG_NAME, "img") and
          # data, evidence, edge labels (none here), code
          len(driver.find_elements(By.TAG_NAME, "script")) == 4,
          "markup from the data reached the page")
    # Each name is found by the search and shown as text, exactly.
    for node in HOSTILE["nodes"]:
        search = driver.find_element(By.ID, "search")
        search.clear()
        search.send_keys(node["name"][:12])
        WebDriverWait(driver, 5).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions button"))
        buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "#suggestions button")
                   if b.find_element(By.CSS_SELECTOR, "span").get_attribute("textContent")
                   == node["name"]]
        check(buttons, "no suggestion shows %r as text" % node["name"])
        buttons[0].click()
        shown = driver.find_element(By.CSS_SELECTOR, "#panel h2").get_attribute("textContent")
        check(shown == node["name"], "panel shows %r for %r" % (shown, node["name"]))
        sentences = [p.get_attribute("textContent") for p in
                     driver.find_elements(By.CSS_SELECTOR, "#panel .evidence .sentence")]
        expected = [x["text"] for e in HOSTILE["edges"] for x in e["evidence"]
                    if node["id"] in (e["source"], e["target"])]
        check(sorted(sentences) == sorted(expected), "sentences %r, expected %r" %
              (sentences, expected))
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    check(not any(l.lower().startswith("javascript:") for l in links),
          "a javascript: link was made: %s" % links)
    check(driver.execute_script("return window.pwned === undefined"), "hostile text ran")
    urls = requests_made(driver)
    check(all(u == "file://" + os.path.abspath(report) for u in urls),
          "the hostile page made requests: %s" % urls)
    errors = console_errors(driver)
    check(not errors, "console errors: %s" % errors)
    screenshot(driver, out, "report-hostile.png")


def test_dense_labels(driver, args, out):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    graph = os.path.join(out, "dense.sgpb")
    report = os.path.join(out, "dense.html")
    run([args.stakegraph, "generate", "--nodes", "300", "--edges", "2000", "--seed", "16", "-q",
         "-o", graph])
    run([args.stakegraph, "report", graph, "-o", report, "-q"])
    open_report(driver, report)
    # The edge labels come apart (#report-edge-labels) and are drawn once zoomed in.
    label_display = ("const t = document.querySelector('#diagram g.edge > text');"
                     "return t ? getComputedStyle(t).display : 'none'")
    with open(report, encoding="utf-8") as f:
        labels = script_json(f.read(), "report-edge-labels")["labels"]
    edges = driver.execute_script("return document.querySelectorAll('#diagram g.edge').length")
    check(edges > 1000, "the dense drawing has %d drawn edges, not over 1,000" % edges)
    check(driver.execute_script(label_display) == "none",
          "edge labels shown in the whole dense drawing")
    node_labels = driver.execute_script(
        "return getComputedStyle(document.querySelector('#diagram g.node > text')).display")
    check(node_labels != "none", "node labels hidden")
    for _ in range(12):
        if driver.execute_script(label_display) != "none":
            break
        driver.find_element(By.ID, "zoom-in").click()
    check(driver.execute_script(label_display) != "none", "edge labels hidden once zoomed in")
    drawn = driver.execute_script(
        "return Array.from(document.querySelectorAll('#diagram g.edge > text'))"
        ".map(t => [t.parentNode.id, t.textContent])")
    check(sorted(drawn) == sorted([l[0], l[4]] for l in labels),
          "%d edge labels drawn, %d apart" % (len(drawn), len(labels)))
    screenshot(driver, out, "report-dense-zoomed.png")
    driver.find_element(By.ID, "zoom-fit").click()
    check(driver.execute_script(label_display) == "none", "edge labels shown again at fit")
    # The evidence, parsed when first needed, shows in the panel.
    driver.find_element(By.CSS_SELECTOR, "#tables table button").click()
    driver.find_element(By.CSS_SELECTOR, "#panel details.relation summary").click()
    WebDriverWait(driver, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .evidence .sentence mark"))
    errors = console_errors(driver)
    check(not errors, "console errors: %s" % errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakegraph", required=True, help="the stakegraph program")
    parser.add_argument("--source", required=True, help="the source tree (for samples/)")
    parser.add_argument("--out", required=True, help="folder for the pages and screenshots")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    driver = profile = None
    try:
        driver, profile = start_browser()
        test_canary(driver, args.out)
        test_samples(driver, args, args.out)
        test_hostile(driver, args, args.out)
        test_dense_labels(driver, args, args.out)
    except Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if profile is not None:
            shutil.rmtree(profile, ignore_errors=True)
    print("report browser test passed; screenshots in %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
