#!/usr/bin/env python3
"""(Copy of shared/tools/score_petr.py, the project's own scorer, so that the suite runs
without ../shared; --min-exact added for the regression floor.)

Peer test suite: PETRARCH's unit-test records, coded by `stakegraph extract` with PETRARCH's own
validation dictionaries (data/petrarch2/PETR.Validate.* beside this folder).

usage: score_petr.py --bin STAKEGRAPH [--records FILE] [--dicts DIR] [--verbose]
Runs, for each <Sentence> with expected codings:
  stakegraph extract --format json SENTENCE.txt --dictionary A --dictionary B ...
where SENTENCE.txt has a "Date:" header line with the record's date (PETRARCH codes a record
at its date: date-restricted actor codes depend on it).
--verbose lists each coding missed (not even its roots reproduced) and ends with the count of
misses by failure class (no coded edge; event right, source/target wrong; event wrong).
and reads node `code` and edge `cameo` from the JSON. A coding is reproduced when some edge has
the expected CAMEO event code and its endpoints carry the expected actor codes (exact), or the
same three-letter roots (root). A record that expects no event counts as right when no edge
has a CAMEO code.
Last line: petr exact=.. root=.. noevent-ok=a/b codings=N
"""
import argparse, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

SHARED = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def records(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    # The file is XML-like with comments; keep each <Sentence> element and parse it alone.
    for m in re.finditer(r"<Sentence\b.*?</Sentence>", text, re.S):
        chunk = re.sub(r"<Parse>.*?</Parse>", "", m.group(0), flags=re.S)
        chunk = chunk.replace("&", "&amp;")
        try:
            el = ET.fromstring(chunk)
        except ET.ParseError:
            continue
        body = " ".join((el.findtext("Text") or "").split())
        codings = [c.attrib for c in el.findall("EventCoding")]
        if body and codings and not any("error" in c for c in codings):
            yield el.get("id"), el.get("date") or "", body, codings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--records", default=os.path.join(SHARED, "data/petrarch2/PETR.UnitTest.records.xml"))
    ap.add_argument("--dicts", default=os.path.join(SHARED, "data/petrarch2"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-exact", type=float, default=None,
                    help="exit 1 when the exact share falls below this floor")
    a = ap.parse_args()
    dicts = []
    for f in ["PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"]:
        dicts += ["--dictionary", os.path.join(a.dicts, f)]
    n = exact = root = ne_n = ne_ok = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "s.txt")
        classes = {}
        for rid, date, body, codings in records(a.records):
            header = ""
            if re.fullmatch(r"\d{8}", date):
                header = f"Date: {date[:4]}-{date[4:6]}-{date[6:]}\n\n"
            open(path, "w").write(header + body + "\n")
            p = subprocess.run([a.bin, "extract", "--format", "json", path] + dicts,
                               capture_output=True, text=True, timeout=60)
            try:
                g = json.loads(p.stdout)
            except ValueError:
                g = {}
            code = {x.get("id"): (x.get("code") or "").upper() for x in g.get("nodes", [])}
            got = [(code.get(e.get("source"), ""), code.get(e.get("target"), ""), str(e.get("cameo") or ""))
                   for e in g.get("edges", []) if e.get("cameo")]
            if any("noevents" in c for c in codings):
                ne_n += 1
                ne_ok += not got
                continue
            for c in codings:
                s, t, ev = c.get("sourcecode", "").upper(), c.get("targetcode", "").upper(), c.get("eventcode", "")
                n += 1
                e_ok = any(gs == s and gt == t and ge == ev for gs, gt, ge in got)
                r_ok = any(gs[:3] == s[:3] and gt[:3] == t[:3] and ge == ev for gs, gt, ge in got)
                exact += e_ok
                root += r_ok
                if a.verbose and not r_ok:
                    print(f"MISS {rid} want=({s},{t},{ev}) got={got} text={body[:110]!r}")
                    same_ev = [g for g in got if g[2] == ev]
                    if not got:
                        cls = "no coded edge"
                    elif same_ev:
                        cls = "event right, " + ("source and target wrong"
                                                 if not any(g[0][:3] == s[:3] or g[1][:3] == t[:3] for g in same_ev)
                                                 else "source wrong" if any(g[1][:3] == t[:3] for g in same_ev)
                                                 else "target wrong")
                    elif any(g[0][:3] == s[:3] and g[1][:3] == t[:3] for g in got):
                        cls = "actors right, event wrong"
                    else:
                        cls = "event and actors wrong"
                    classes[cls] = classes.get(cls, 0) + 1
    if a.verbose:
        for cls, k in sorted(classes.items(), key=lambda x: -x[1]):
            print(f"misses: {k:4d} {cls}")
    print(f"petr exact={exact / n if n else 0:.2f} root={root / n if n else 0:.2f} "
          f"noevent-ok={ne_ok}/{ne_n} codings={n}")
    if n == 0:
        print("no codings read")
        return 1
    if a.min_exact is not None and exact / n < a.min_exact:
        print(f"exact share {exact / n:.3f} is below the floor {a.min_exact}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
