// stakegraph report page. Reads the data document (#report-data, io/report/report_data.hpp)
// and makes the inlined Graphviz drawing interactive: pan and zoom, search with suggestions,
// hover highlighting, a side panel with evidence, filters, a timeline and tables.
// Plain JavaScript, no library, no network. Every text from the data is put in place as text
// (textContent, createTextNode), never as markup; links are made only for http(s) URLs.
// Cost: indexing is linear in nodes + edges + evidence; a filter change touches each node
// and drawn edge once; the panel builds an edge's evidence only when it is opened. The
// evidence itself (#report-evidence, io/report/report_embed.hpp) is parsed when a panel first
// shows some; until then the filters read each item's date and hedging from "evidence_keys".
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);
  const diagram = document.getElementById('diagram');
  const svg = diagram.querySelector('svg');
  const nodes = data.nodes;
  const edges = data.edges;
  const kRelationsOpen = 25;     // a node's relations are listed open up to this many
  const kRelationsListed = 60;   // and listed up to this many before a "show all" button
  const kLargeDrawing = 400;     // nodes: above, hovering highlights without fading the rest
  const kEvidenceShown = 200;    // evidence items built per relation at most
  const kTableRows = 15;
  // Dense drawings (more than kReportLabelledEdges drawn edges, io/report/report_html.hpp)
  // come with their edges' relation labels apart (#report-edge-labels): they are drawn once
  // zoomed in enough to read them (kLabelUnitsPerPixel), and hidden again when zoomed out.
  // Parsing, laying out and painting ten thousand labels too small to read was a third of
  // the time a dense page took to open.
  const kLabelUnitsPerPixel = 1.5;  // drawing units per screen pixel (labels: 9 units high)
  // The presentation attributes Graphviz writes on text (nothing else is set from the data).
  const kLabelAttributes = new RegExp(
      '^(text-anchor|font-(family|size|weight|style|stretch|variant)|fill|fill-opacity|' +
      'text-decoration|baseline-shift)$');

  // ---- helpers --------------------------------------------------------------------------
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function signClass(s) { return s > 0 ? 'sign-pos' : s < 0 ? 'sign-neg' : 'sign-zero'; }
  function signWord(s) { return s > 0 ? 'cooperative' : s < 0 ? 'conflictual' : 'neutral'; }
  function fold(s) { return String(s).toLowerCase(); }
  function score(x) {
    const v = Number(x);
    if (Math.abs(v) >= 1000) return String(Math.round(v));
    const s = v.toPrecision(4);
    return s.indexOf('.') >= 0 && s.indexOf('e') < 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  }
  function webLink(url, text) {
    // Only http(s) addresses become links (never javascript: or data:).
    if (/^https?:\/\//i.test(url)) {
      const a = el('a', 'bidi', text || url);
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    return el('span', 'bidi', text || url);
  }

  // ---- index ----------------------------------------------------------------------------
  const nodeById = new Map();
  nodes.forEach(function (n, i) {
    n.index = i;
    n.links = [];
    n.folded = fold(n.name);
    n.foldedAliases = n.aliases.map(fold);
    nodeById.set(n.id, n);
  });
  const articleById = new Map(data.articles.map(function (a) { return [a.id, a]; }));
  const elementById = new Map();
  svg.querySelectorAll('g.node, g.edge').forEach(function (g) { elementById.set(g.id, g); });
  const drawnById = new Map();      // svg id of a drawn edge -> {el, edges}
  edges.forEach(function (e, i) {
    e.index = i;
    e.from = nodeById.get(e.source);
    e.to = nodeById.get(e.target);
    e.from.links.push(e);
    if (e.to !== e.from) e.to.links.push(e);
    let d = drawnById.get(e.svg);
    if (!d) {
      d = { el: elementById.get(e.svg) || null, edges: [], off: false };
      drawnById.set(e.svg, d);
    }
    d.edges.push(e);
    e.drawn = d;
    e.visible = true;
  });
  // The evidence of edge e, decoded from #report-evidence (parsed on the first call) into
  // the data document's shape; x.key is its "evidence_keys" entry.
  let evidenceDoc = null;
  function evidenceOf(e) {
    if (e.evidence) return e.evidence;
    if (!evidenceDoc)
      evidenceDoc = JSON.parse(document.getElementById('report-evidence').textContent);
    const str = evidenceDoc.strings;
    e.evidence = evidenceDoc.edges[e.index].map(function (f, i) {
      const marks = [];
      for (let m = 0; m + 1 < f[10].length; m += 2) marks.push([f[10][m], f[10][m + 1]]);
      return { article: f[0] >= 0 ? data.articles[f[0]].id : '', sentence: f[1], start: f[2],
               end: f[3], text: str[f[4]], hedged: f[5] === 1, speaker: str[f[6]],
               rule: str[f[7]], date: str[f[8]], evidence_date: str[f[9]], marks: marks,
               key: e.evidence_keys[i] };
    });
    return e.evidence;
  }
  const nodeOfElement = new Map();
  nodes.forEach(function (n) {
    n.el = elementById.get(n.svg) || null;
    n.visible = true;
    n.off = false;
    if (n.el) nodeOfElement.set(n.el, n);
  });
  const drawnOfElement = new Map();
  drawnById.forEach(function (d) { if (d.el) drawnOfElement.set(d.el, d); });
  const campMembers = new Map();
  nodes.forEach(function (n) {
    if (!campMembers.has(n.camp)) campMembers.set(n.camp, []);
    campMembers.get(n.camp).push(n);
  });

  // ---- pan and zoom (the SVG viewBox) ----------------------------------------------------
  const labelsElement = document.getElementById('report-edge-labels');
  const labelsApart = labelsElement.textContent !== '';
  let labelsMade = false;
  let far = null;  // edge labels hidden (when they come apart)
  function makeLabels() {
    labelsMade = true;
    const doc = JSON.parse(labelsElement.textContent);
    doc.labels.forEach(function (l) {
      const g = elementById.get(l[0]);
      if (!g) return;
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      const style = doc.styles[l[1]] || {};
      Object.keys(style).forEach(function (k) {
        if (kLabelAttributes.test(k)) t.setAttribute(k, style[k]);
      });
      t.setAttribute('x', l[2]);
      t.setAttribute('y', l[3]);
      t.textContent = l[4];
      g.appendChild(t);
    });
  }
  function labelsFor(unitsPerPixel) {
    if (!labelsApart) return;
    const f = unitsPerPixel > kLabelUnitsPerPixel;
    if (!f && !labelsMade) makeLabels();
    if (f !== far) svg.classList.toggle('far', f);
    far = f;
  }
  const base = svg.viewBox.baseVal;
  const home = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = Object.assign({}, home);
  function setView(v) {
    const w = Math.min(Math.max(v.w, home.w / 60), home.w * 4);
    const h = w * (home.h / home.w);
    view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w: w, h: h };
    const r = svg.getBoundingClientRect();  // before the change: no extra layout
    labelsFor(Math.max(view.w / r.width, view.h / r.height));
    svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
  }
  // Screen point -> viewBox point (preserveAspectRatio="xMidYMid meet").
  function toView(cx, cy) {
    const r = svg.getBoundingClientRect();
    const s = Math.max(view.w / r.width, view.h / r.height);
    const ox = view.x - (r.width * s - view.w) / 2;
    const oy = view.y - (r.height * s - view.h) / 2;
    return { x: ox + (cx - r.left) * s, y: oy + (cy - r.top) * s, s: s };
  }
  function zoomAt(cx, cy, factor) {
    const p = toView(cx, cy);
    setView({ x: p.x - (p.x - view.x) / factor, y: p.y - (p.y - view.y) / factor,
              w: view.w / factor, h: view.h / factor });
  }
  function zoomCentre(factor) {
    const r = svg.getBoundingClientRect();
    zoomAt(r.left + r.width / 2, r.top + r.height / 2, factor);
  }
  function showElement(g) {
    const r = g.getBoundingClientRect();
    const a = toView(r.left, r.top);
    const b = toView(r.right, r.bottom);
    const w = Math.max(home.w / 5, (b.x - a.x) * 6);
    const h = w * (home.h / home.w);
    setView({ x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h });
  }
  diagram.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    zoomAt(ev.clientX, ev.clientY, Math.exp(-ev.deltaY * 0.0015));
  }, { passive: false });
  let drag = null;
  let dragged = false;
  diagram.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, view: view, s: toView(ev.clientX, ev.clientY).s };
    dragged = false;
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!dragged) {
      dragged = true;
      diagram.classList.add('dragging');
      clearHover();
    }
    setView({ x: drag.view.x - dx * drag.s, y: drag.view.y - dy * drag.s,
              w: drag.view.w, h: drag.view.h });
  });
  window.addEventListener('pointerup', function () {
    drag = null;
    diagram.classList.remove('dragging');
  });
  document.getElementById('zoom-in').addEventListener('click', function () { zoomCentre(1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () {
    zoomCentre(1 / 1.5);
  });
  const homeAttribute = svg.getAttribute('viewBox');
  document.getElementById('zoom-fit').addEventListener('click', function () {
    view = Object.assign({}, home);
    labelsFor(Infinity);
    svg.setAttribute('viewBox', homeAttribute);
  });

  // ---- hover highlighting --------------------------------------------------------------
  let lit = [];
  function clearHover() {
    lit.forEach(function (g) { g.classList.remove('lit'); });
    lit = [];
    svg.classList.remove('hovering');
  }
  function hover(g) {
    clearHover();
    const n = nodeOfElement.get(g);
    const d = drawnOfElement.get(g);
    lit.push(g);
    if (n) {
      n.links.forEach(function (e) {
        if (e.drawn.el) lit.push(e.drawn.el);
        const other = e.from === n ? e.to : e.from;
        if (other.el) lit.push(other.el);
      });
    } else if (d) {
      if (d.edges[0].from.el) lit.push(d.edges[0].from.el);
      if (d.edges[0].to.el) lit.push(d.edges[0].to.el);
    }
    lit.forEach(function (x) { x.classList.add('lit'); });
    // Fading every other element restyles the whole drawing: small drawings only.
    if (nodes.length <= kLargeDrawing) svg.classList.add('hovering');
  }
  function itemOf(target) {
    return target && target.closest ? target.closest('g.node, g.edge') : null;
  }
  svg.addEventListener('mouseover', function (ev) {
    const g = itemOf(ev.target);
    if (g && !drag && lit[0] !== g) hover(g);
  });
  svg.addEventListener('mouseout', function (ev) {
    const g = itemOf(ev.target);
    if (g && itemOf(ev.relatedTarget) !== g) clearHover();
  });
  svg.addEventListener('click', function (ev) {
    if (dragged) return;
    const g = itemOf(ev.target);
    if (!g) return;
    ev.preventDefault();
    const n = nodeOfElement.get(g);
    if (n) showNode(n, false);
    else if (drawnOfElement.has(g)) showDrawnEdge(drawnOfElement.get(g));
  });

  // ---- search with suggestions ---------------------------------------------------------
  const search = document.getElementById('search');
  const suggestions = document.getElementById('suggestions');
  let found = [];
  let active = -1;
  function matches(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const hits = [];
    nodes.forEach(function (n) {
      let rank = -1, alias = null;
      if (n.folded === q) rank = 0;
      else if (n.folded.startsWith(q)) rank = 1;
      else if (n.folded.includes(q)) rank = 2;
      else {
        const i = n.foldedAliases.findIndex(function (a) { return a.includes(q); });
        if (i >= 0) { rank = 3; alias = n.aliases[i]; }
      }
      if (rank >= 0) hits.push({ rank: rank, node: n, alias: alias });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || a.node.pagerank_rank - b.node.pagerank_rank;
    });
    return hits.slice(0, 10);
  }
  function showSuggestions() {
    found = matches(search.value);
    active = found.length ? 0 : -1;
    suggestions.replaceChildren();
    found.forEach(function (hit, i) {
      const li = el('li');
      li.setAttribute('role', 'option');
      const b = el('button', i === 0 ? 'active' : '');
      b.type = 'button';
      b.appendChild(el('span', 'bidi', hit.node.name));
      b.appendChild(el('span', 'kind', ' ' + hit.node.kind +
                       (hit.alias ? ' \u00b7 alias \u201c' + hit.alias + '\u201d' : '')));
      b.addEventListener('click', function () { pick(hit.node); });
      li.appendChild(b);
      suggestions.appendChild(li);
    });
  }
  function pick(n) {
    search.value = n.name;
    suggestions.replaceChildren();
    showNode(n, true);
  }
  search.addEventListener('input', showSuggestions);
  search.addEventListener('keydown', function (ev) {
    const buttons = suggestions.querySelectorAll('button');
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!buttons.length) return;
      ev.preventDefault();
      if (active >= 0) buttons[active].classList.remove('active');
      active = (active + (ev.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length;
      buttons[active].classList.add('active');
    } else if (ev.key === 'Enter') {
      if (!found.length) found = matches(search.value);
      if (found.length) pick(found[Math.max(active, 0)].node);
    } else if (ev.key === 'Escape') {
      suggestions.replaceChildren();
    }
  });
  document.addEventListener('click', function (ev) {
    if (!document.getElementById('search-box').contains(ev.target)) suggestions.replaceChildren();
  });

  // ---- side panel ----------------------------------------------------------------------
  const panel = document.getElementById('panel');
  let shown = null;                 // {node} or {drawn}: what the panel shows
  let selectedEl = [];
  function select(els) {
    selectedEl.forEach(function (g) { g.classList.remove('selected'); });
    selectedEl = els.filter(Boolean);
    selectedEl.forEach(function (g) { g.classList.add('selected'); });
  }
  function nodeButton(n) {
    const b = el('button', 'linklike bidi', n.name);
    b.type = 'button';
    b.addEventListener('click', function () { showNode(n, true); });
    return b;
  }
  function sentence(x) {
    const p = el('p', 'sentence bidi');
    let at = 0;
    x.marks.forEach(function (m) {
      if (m[0] > at) p.appendChild(document.createTextNode(x.text.slice(at, m[0])));
      p.appendChild(el('mark', '', x.text.slice(m[0], m[1])));
      at = m[1];
    });
    if (at < x.text.length) p.appendChild(document.createTextNode(x.text.slice(at)));
    return p;
  }
  function evidenceBlock(x) {
    const visible = keyPasses(x.key);
    const box = el('div', 'evidence' + (visible ? '' : ' hidden-by-filter'));
    const a = articleById.get(x.article);
    const src = el('p', 'source');
    if (a) {
      const title = a.title || a.id;
      src.appendChild(a.url ? webLink(a.url, title) : el('span', 'bidi', title));
      src.appendChild(document.createTextNode(' \u00b7 ' + (x.evidence_date || 'undated')));
      if (a.source) src.appendChild(document.createTextNode(' \u00b7 ' + a.source));
      if (a.url) {
        src.appendChild(document.createTextNode(' \u00b7 '));
        src.appendChild(webLink(a.url, a.url));
      }
    } else {
      src.textContent = (x.evidence_date || 'undated') + (x.rule ? ' \u00b7 ' + x.rule : '');
    }
    box.appendChild(src);
    box.appendChild(sentence(x));
    const meta = el('p', 'meta');
    meta.textContent = 'sentence ' + x.sentence + ', bytes ' + x.start + '\u2013' + x.end +
        ' of the article' + (x.speaker ? '; said by ' + x.speaker : '');
    if (x.hedged) meta.appendChild(el('span', 'tag hedged', 'hedged'));
    if (!visible) meta.appendChild(el('span', 'tag hidden', 'hidden by the filters'));
    box.appendChild(meta);
    return box;
  }
  function relationBlock(e, open) {
    const details = el('details', 'relation' + (e.visible ? '' : ' hidden-by-filter'));
    const summary = el('summary');
    function end(n) { return n === shownNode() ? el('strong', 'bidi', n.name) : nodeButton(n); }
    summary.appendChild(end(e.from));
    summary.appendChild(el('span', signClass(e.sign), ' \u2014' + e.relation + '\u2192 '));
    summary.appendChild(end(e.to));
    summary.appendChild(el('span', 'tag ' + signClass(e.sign), signWord(e.sign)));
    if (e.hedged) summary.appendChild(el('span', 'tag hedged', 'hedged'));
    if (!e.visible) summary.appendChild(el('span', 'tag hidden', 'hidden'));
    const count = e.evidence_keys.length;
    summary.appendChild(el('span', 'muted', ' ' + count + ' evidence'));
    details.appendChild(summary);
    let built = false;
    function build() {
      if (built) return;
      built = true;
      evidenceOf(e).slice(0, kEvidenceShown).forEach(function (x) {
        details.appendChild(evidenceBlock(x));
      });
      if (count > kEvidenceShown)
        details.appendChild(el('p', 'muted', '\u2026 and ' + (count - kEvidenceShown) +
                                              ' more evidence items'));
    }
    details.addEventListener('toggle', function () { if (details.open) build(); });
    if (open) {
      build();
      details.open = true;
    }
    return details;
  }
  function shownNode() { return shown && shown.node ? shown.node : null; }
  function facts(pairs) {
    const dl = el('dl', 'facts');
    pairs.forEach(function (p) {
      if (p[1] === '' || p[1] === null) return;
      dl.appendChild(el('dt', '', p[0]));
      const dd = el('dd', 'bidi');
      if (p[1] instanceof Node) dd.appendChild(p[1]); else dd.textContent = p[1];
      dl.appendChild(dd);
    });
    return dl;
  }
  function showNode(n, move) {
    shown = { node: n };
    select([n.el]);
    if (move && n.el) showElement(n.el);
    panel.replaceChildren();
    panel.appendChild(el('h2', 'bidi', n.name));
    const camp = campMembers.get(n.camp) || [];
    const campText = 'camp ' + (n.camp + 1) + ' (' + camp.length +
        (camp.length === 1 ? ' member' : ' members') + ')';
    panel.appendChild(facts([
      ['kind', n.kind],
      ['aliases', n.aliases.join('; ')],
      ['CAMEO code', n.cameo],
      ['PageRank', '#' + n.pagerank_rank + ' of ' + nodes.length + ' (' + score(n.pagerank) + ')'],
      ['betweenness', '#' + n.betweenness_rank + ' of ' + nodes.length + ' (' +
                      score(n.betweenness) + ')'],
      ['camp', campText],
      ['degree', (n.in_degree + n.out_degree) + ' (in ' + n.in_degree + ', out ' +
                 n.out_degree + ')'],
      ['id', n.id],
    ]));
    const links = n.links.slice().sort(function (a, b) {
      return (b.visible - a.visible) || (b.evidence_keys.length - a.evidence_keys.length);
    });
    panel.appendChild(el('h3', '', 'Relations (' + links.length + ')'));
    const open = links.length <= kRelationsOpen;
    function list(from, to) {
      links.slice(from, to).forEach(function (e) { panel.appendChild(relationBlock(e, open)); });
      if (links.length > to) {
        const more = el('button', 'linklike', 'show all ' + links.length + ' relations');
        more.type = 'button';
        more.addEventListener('click', function () {
          more.remove();
          list(to, links.length);
        });
        panel.appendChild(more);
      }
    }
    list(0, kRelationsListed);
  }
  function showDrawnEdge(d) {
    shown = { drawn: d };
    const first = d.edges[0];
    select([d.el]);
    panel.replaceChildren();
    const h = el('h2', 'bidi');
    h.appendChild(nodeButton(first.from));
    h.appendChild(document.createTextNode(' \u2192 '));
    h.appendChild(nodeButton(first.to));
    panel.appendChild(h);
    d.edges.forEach(function (e) { panel.appendChild(relationBlock(e, true)); });
  }
  function refreshPanel() {
    if (!shown) return;
    const top = panel.scrollTop;
    if (shown.node) showNode(shown.node, false); else showDrawnEdge(shown.drawn);
    panel.scrollTop = top;
  }

  // ---- filters -------------------------------------------------------------------------
  const state = { kinds: new Set(), relations: new Set(), signs: new Set([-1, 0, 1]),
                  hedged: true, plain: true, from: 0, to: Math.max(data.dates.length - 1, 0) };
  function rangeSet() { return state.from > 0 || state.to < data.dates.length - 1; }
  // An evidence item's "evidence_keys" entry: 2 * (index of its date in data.dates + 1) +
  // hedged, 0 + hedged when undated.
  let ranged = false;  // rangeSet(), as of the last apply()
  function keyPasses(k) {
    if (k & 1 ? !state.hedged : !state.plain) return false;
    if (ranged) {
      // As --since/--until: undated evidence is left out once a range is set.
      const d = (k >> 1) - 1;
      if (d < 0 || d < state.from || d > state.to) return false;
    }
    return true;
  }
  function apply() {
    let edgesShown = 0, nodesShown = 0;
    ranged = rangeSet();
    edges.forEach(function (e) {
      const keys = e.evidence_keys;
      e.visible = state.kinds.has(e.from.kind) && state.kinds.has(e.to.kind) &&
          state.relations.has(e.relation) && state.signs.has(Math.sign(e.sign)) &&
          (keys.length ? keys.some(keyPasses) : !ranged);
      edgesShown += e.visible;
    });
    // Classes change only where visibility does (a drawing has up to tens of thousands of
    // elements).
    function fade(item, off) {
      if (item.el && item.off !== off) item.el.classList.toggle('off', off);
      item.off = off;
    }
    nodes.forEach(function (n) {
      n.visible = state.kinds.has(n.kind) &&
          (n.links.length === 0 || n.links.some(function (e) { return e.visible; }));
      nodesShown += n.visible;
      fade(n, !n.visible);
    });
    drawnById.forEach(function (d) {
      fade(d, !d.edges.some(function (e) { return e.visible; }));
    });
    document.getElementById('status').textContent = nodesShown + ' of ' + nodes.length +
        ' stakeholders, ' + edgesShown + ' of ' + edges.length + ' relations shown';
    updateDates();
    refreshPanel();
  }
  function checkbox(label, checked, onChange, count) {
    const l = el('label');
    const c = el('input');
    c.type = 'checkbox';
    c.checked = checked;
    c.addEventListener('change', function () { onChange(c.checked); apply(); });
    l.appendChild(c);
    l.appendChild(el('span', 'bidi', ' ' + label));
    if (count !== undefined) l.appendChild(el('span', 'count', ' ' + count));
    return l;
  }
  function countBy(list, key) {
    const m = new Map();
    list.forEach(function (x) { m.set(key(x), (m.get(key(x)) || 0) + 1); });
    return m;
  }
  function setGroup(title, counts, set) {
    const f = el('fieldset');
    f.appendChild(el('legend', '', title));
    Array.from(counts.keys()).sort().forEach(function (k) {
      set.add(k);
      f.appendChild(checkbox(k, true, function (on) { if (on) set.add(k); else set.delete(k); },
                             counts.get(k)));
    });
    const all = el('button', 'linklike', 'all');
    all.type = 'button';
    const none = el('button', 'linklike', 'none');
    none.type = 'button';
    function every(on) {
      f.querySelectorAll('input').forEach(function (c) { c.checked = on; });
      counts.forEach(function (v, k) { if (on) set.add(k); else set.delete(k); });
      apply();
    }
    all.addEventListener('click', function () { every(true); });
    none.addEventListener('click', function () { every(false); });
    const line = el('div', 'muted');
    line.appendChild(all);
    line.appendChild(document.createTextNode(' \u00b7 '));
    line.appendChild(none);
    f.appendChild(line);
    return f;
  }
  const filters = document.getElementById('filters');
  filters.appendChild(el('h2', '', 'Filters'));
  filters.appendChild(el('p', 'muted', 'What the filters leave out fades in the diagram; ' +
                         'the layout stays as drawn.'));
  filters.appendChild(setGroup('Stakeholder kinds', countBy(nodes, function (n) { return n.kind; }),
                               state.kinds));
  filters.appendChild(setGroup('Relations', countBy(edges, function (e) { return e.relation; }),
                               state.relations));
  const signs = el('fieldset');
  signs.appendChild(el('legend', '', 'Sign'));
  [[1, 'cooperative (+)'], [-1, 'conflictual (\u2212)'], [0, 'neutral']].forEach(function (s) {
    signs.appendChild(checkbox(s[1], true, function (on) {
      if (on) state.signs.add(s[0]); else state.signs.delete(s[0]);
    }));
  });
  filters.appendChild(signs);
  const hedging = el('fieldset');
  hedging.appendChild(el('legend', '', 'Evidence'));
  hedging.appendChild(checkbox('hedged', true, function (on) { state.hedged = on; }));
  hedging.appendChild(checkbox('not hedged', true, function (on) { state.plain = on; }));
  filters.appendChild(hedging);
  const dates = el('fieldset', 'dates');
  dates.appendChild(el('legend', '', 'Evidence dates'));
  const fromLabel = el('label');
  const toLabel = el('label');
  const fromInput = el('input');
  const toInput = el('input');
  fromInput.id = 'date-from';
  toInput.id = 'date-to';
  [fromInput, toInput].forEach(function (r) {
    r.type = 'range';
    r.min = 0;
    r.max = Math.max(data.dates.length - 1, 0);
    r.step = 1;
    r.disabled = data.dates.length < 2;
  });
  fromInput.value = 0;
  toInput.value = Math.max(data.dates.length - 1, 0);
  const fromText = el('span', 'count');
  const toText = el('span', 'count');
  fromLabel.append('from ', fromInput, ' ', fromText);
  toLabel.append('to ', toInput, ' ', toText);
  dates.append(fromLabel, toLabel);
  dates.appendChild(el('p', 'muted', data.dates.length
      ? 'Undated evidence (' + data.timeline.undated + ') is left out once the range is narrowed.'
      : 'No evidence is dated.'));
  filters.appendChild(dates);
  function onRange(which) {
    let a = Number(fromInput.value), b = Number(toInput.value);
    if (a > b) { if (which === 'from') b = a; else a = b; }
    fromInput.value = a;
    toInput.value = b;
    state.from = a;
    state.to = b;
    apply();
  }
  fromInput.addEventListener('input', function () { onRange('from'); });
  toInput.addEventListener('input', function () { onRange('to'); });
  const reset = el('button', '', 'show everything');
  reset.type = 'button';
  reset.addEventListener('click', function () {
    filters.querySelectorAll('input[type=checkbox]').forEach(function (c) { c.checked = true; });
    countBy(nodes, function (n) { return n.kind; }).forEach(function (v, k) {
      state.kinds.add(k);
    });
    countBy(edges, function (e) { return e.relation; }).forEach(function (v, k) {
      state.relations.add(k);
    });
    state.signs = new Set([-1, 0, 1]);
    state.hedged = state.plain = true;
    fromInput.value = 0;
    toInput.value = Math.max(data.dates.length - 1, 0);
    onRange('from');
  });
  filters.appendChild(reset);

  // ---- timeline ------------------------------------------------------------------------
  const timeline = document.getElementById('timeline');
  const bins = data.timeline.bins;
  timeline.appendChild(el('h2', '', 'Evidence per ' + data.timeline.unit));
  const bars = el('div', 'bars');
  const most = bins.reduce(function (m, b) { return Math.max(m, b.count); }, 0);
  bins.forEach(function (b) {
    const bar = el('div', 'bar');
    bar.style.height = (most ? Math.max(2, 100 * b.count / most) : 0) + '%';
    bar.title = b.period + ': ' + b.count + ' evidence';
    bar.addEventListener('click', function () {
      // Narrow the range to this day or month.
      const i = data.dates.findIndex(function (d) { return d.startsWith(b.period); });
      if (i < 0) return;
      let j = i;
      while (j + 1 < data.dates.length && data.dates[j + 1].startsWith(b.period)) ++j;
      fromInput.value = i;
      toInput.value = j;
      onRange('from');
    });
    b.el = bar;
    bars.appendChild(bar);
  });
  timeline.appendChild(bars);
  const axis = el('div', 'axis');
  axis.appendChild(el('span', '', bins.length ? bins[0].period : ''));
  axis.appendChild(el('span', '', data.timeline.undated + ' undated'));
  axis.appendChild(el('span', '', bins.length ? bins[bins.length - 1].period : ''));
  timeline.appendChild(axis);
  function updateDates() {
    const lo = data.dates[state.from] || '', hi = data.dates[state.to] || '';
    fromText.textContent = lo;
    toText.textContent = hi;
    const n = data.timeline.unit === 'month' ? 7 : 10;
    bins.forEach(function (b) {
      b.el.classList.toggle('out', b.period < lo.slice(0, n) || b.period > hi.slice(0, n));
    });
  }

  // ---- tables --------------------------------------------------------------------------
  const tables = document.getElementById('tables');
  tables.appendChild(el('h2', '', 'Stakeholders, camps and articles'));
  const grid = el('div', 'grid');
  tables.appendChild(grid);
  function table(caption, headers, rows) {
    const t = el('table');
    t.appendChild(el('caption', '', caption));
    const tr = el('tr');
    headers.forEach(function (h) { tr.appendChild(el('th', '', h)); });
    t.appendChild(tr);
    rows.forEach(function (cells) {
      const r = el('tr');
      cells.forEach(function (c) {
        const td = el('td', typeof c === 'number' ? 'num' : '');
        if (c instanceof Node) td.appendChild(c); else td.textContent = c;
        r.appendChild(td);
      });
      t.appendChild(r);
    });
    return t;
  }
  // A table of the first `limit` of `count` rows (row(i) gives the cells of row i), with a
  // button that shows them all: a 10,000-article graph builds 25 rows, not 10,000.
  function longTable(caption, headers, count, row, limit) {
    const wrap = el('div');
    function fill(n) {
      const rows = [];
      for (let i = 0; i < Math.min(n, count); ++i) rows.push(row(i));
      wrap.replaceChildren(table(caption, headers, rows));
      if (count > n) {
        const more = el('button', 'linklike', 'show all ' + count);
        more.type = 'button';
        more.addEventListener('click', function () { fill(count); });
        wrap.appendChild(more);
      }
    }
    fill(limit);
    return wrap;
  }
  function rankTable(result, title) {
    return longTable(title, ['#', 'stakeholder', 'kind', 'score'], result.scores.length,
                     function (i) {
                       const s = result.scores[i];
                       return [i + 1, nodeButton(nodeById.get(s.id)), s.kind, score(s.score)];
                     }, kTableRows);
  }
  grid.appendChild(rankTable(data.pagerank, 'Top stakeholders by PageRank'));
  grid.appendChild(rankTable(data.betweenness, 'Top stakeholders by betweenness'));
  const frustration = new Map(data.camp_frustration.map(function (f) { return [f.id, f]; }));
  const camps = data.camps.clusters;
  grid.appendChild(longTable(
      'Camps (total frustration ' + score(data.camps.frustration) +
          (data.camps.optimal ? ', optimal' : ', best found') + ')',
      ['camp', 'size', 'members', '\u2212 ties inside', '+ ties across'], camps.length,
      function (i) {
        const c = camps[i];
        const members = el('div', 'members');
        c.ids.slice(0, 40).forEach(function (id) {
          members.appendChild(nodeButton(nodeById.get(id)));
        });
        if (c.ids.length > 40) members.appendChild(el('span', 'muted', '+' + (c.ids.length - 40)));
        const f = frustration.get(c.id) || { inside: 0, across: 0 };
        return [c.id + 1, c.ids.length, members, score(f.inside), score(f.across)];
      }, kTableRows));
  grid.appendChild(longTable('Articles', ['date', 'title', 'source', 'edges', 'evidence'],
    data.articles.length, function (i) {
      const a = data.articles[i];
      return [a.date || 'undated', a.url ? webLink(a.url, a.title || a.id)
                                         : el('span', 'bidi', a.title || a.id),
              a.source, a.edges, a.evidence];
    }, 2 * kTableRows));

  // ---- ready ---------------------------------------------------------------------------
  document.getElementById('noscript-note').hidden = true;
  labelsFor(Infinity);  // the whole drawing shows first
  diagram.classList.add('ready');
  apply();
  const report = { readyMs: performance.now(), interactiveMs: null, nodes: nodes.length,
                   edges: edges.length };
  window.stakegraphReport = report;
  document.documentElement.setAttribute('data-ready', '1');
  // The first frame after this (style, layout and paint of the whole drawing) ends the wait
  // before the page answers input (bench/report_open.py reports both times).
  requestAnimationFrame(function () {
    setTimeout(function () { report.interactiveMs = performance.now(); }, 0);
  });
})();
