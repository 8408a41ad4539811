/**
 * The report's page: HTML, CSS and the script that unpacks the data ReportBuilder embeds and
 * draws it. Self-contained (no request of any kind); everything from the trace reaches the DOM
 * through textContent or a canvas, never as markup.
 */

const STYLE = String.raw`
*{box-sizing:border-box}body{margin:0;font:13px/1.4 system-ui,sans-serif;color:#222;background:#fafafa}
header{padding:8px 14px;background:#263238;color:#eceff1}header h1{font-size:16px;margin:0 12px 0 0;display:inline}
#stats{opacity:.85}
#controls{padding:6px 14px;background:#eceff1;border-bottom:1px solid #cfd8dc;display:flex;gap:10px;flex-wrap:wrap;align-items:center}
#controls label{display:flex;gap:4px;align-items:center}
#tl{position:relative;border-bottom:1px solid #cfd8dc;background:#fff}
#tl canvas{display:block;width:100%;cursor:crosshair}
#legend{padding:4px 14px;font-size:12px}#legend span{display:inline-block;margin-right:12px}
#legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
main{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:12px 14px}
section{background:#fff;border:1px solid #cfd8dc;border-radius:4px;padding:8px 10px;min-width:0;overflow:auto;max-height:420px}
section.wide{grid-column:1/3}
h2{font-size:14px;margin:0 0 6px}
pre{margin:0;font:12px/1.35 ui-monospace,monospace;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:12px}td,th{border-bottom:1px solid #eceff1;padding:2px 6px;text-align:left;vertical-align:top;white-space:nowrap}
td:last-child{white-space:normal;overflow-wrap:anywhere;font-family:ui-monospace,monospace}
th{background:#f5f7f8;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.pick{cursor:pointer}tr.pick:hover{background:#e3f2fd}
ul.tree{margin:0;padding-left:18px}ul.tree li{margin:2px 0}
.err{color:#c62828}#d-json{margin-top:6px;color:#455a64;max-height:180px;overflow:auto}#d-line{font-weight:600;margin-top:4px}.mono{font-family:ui-monospace,monospace}
`;

const SCRIPT = String.raw`
'use strict';
(function () {
const COLORS = {file:'#4e79a7',desc:'#59a14f',network:'#f28e2b',process:'#b07aa1',signal:'#edc948',memory:'#9c755f',ipc:'#76b7b2',other:'#9e9e9e'};
const ROW = 18, LABEL = 170, RULER = 22, MAX_ROWS = 32;
const CLASS_CODES = Object.keys(COLORS);
function $(id) { return document.getElementById(id); }
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
function b64(s) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(s);
  const map = new Uint8Array(128);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) map[abc.charCodeAt(i)] = i;
  let n = s.length; while (n && (s.charCodeAt(n - 1) === 61 || s.charCodeAt(n - 1) < 33)) n--;
  const out = new Uint8Array((n * 3) >> 2);
  let o = 0, acc = 0, bits = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i); if (c < 43) continue;
    acc = (acc << 6) | map[c]; bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
  }
  return out.subarray(0, o);
}
function ms(ns) { return (ns / 1e6).toFixed(ns < 1e7 ? 3 : 1) + ' ms'; }
function dur(ns) { return ns < 1e3 ? ns.toFixed(0) + ' ns' : ns < 1e6 ? (ns / 1e3).toFixed(1) + ' µs' : ns < 1e9 ? (ns / 1e6).toFixed(2) + ' ms' : (ns / 1e9).toFixed(3) + ' s'; }

/** A blob the page carries, inflated (raw deflate), then dropped from the DOM. */
async function unpack(id) {
  const node = $(id);
  const z = b64(node.textContent); node.textContent = '';
  return new Response(new Blob([z]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
}

/** Line i of a table of newline-ended lines, decoded when asked for. */
function table(buf, count) {
  const b = new Uint8Array(buf), td = new TextDecoder(), o = new Uint32Array(count + 1);
  let k = 1, p = 0;
  while (k <= count) { p = b.indexOf(10, p); if (p < 0) break; o[k++] = ++p; }
  return function (i) { return td.decode(b.subarray(o[i], o[i + 1] - 1)); };
}

async function load() {
  const buf = await unpack('data-head');
  const dv = new DataView(buf), u8 = new Uint8Array(buf), td = new TextDecoder();
  let off = 0;
  function blob() { const n = dv.getUint32(off, true); off += 4; const b = u8.subarray(off, off + n); off += n; return b; }
  function col(T) { const n = dv.getUint32(off, true); off += 4; if (off % 8) off += 8 - off % 8; const a = new T(buf, off, n / T.BYTES_PER_ELEMENT); off += n; return a; }
  const H = JSON.parse(td.decode(blob()));
  const D = { H, start: col(Float64Array), dur: col(Float64Array), tid: col(Uint32Array), line: col(Uint32Array), json: col(Uint32Array), name: col(Uint16Array), err: col(Uint16Array) };
  // the lines come after the timeline: until then the list and a selected call wait for them
  D.lineText = null;
  D.lines = unpack('data-lines').then(function (b) { return (D.lineText = table(b, H.lines)); });
  // the JSON texts are needed only for a selected call: unpacked after the page is ready
  let jsonText = null;
  D.jsons = function () { return jsonText ? Promise.resolve(jsonText) : unpack('data-json').then(function (b) { return (jsonText = table(b, H.jsons)); }); };
  return D;
}

function build(D) {
  const H = D.H, n = H.n;
  // tracks: the threads of each process, processes by start
  const procs = H.procs.slice().sort(function (a, b) { return Number(a.start || 0) - Number(b.start || 0) || a.pid - b.pid; });
  const procOf = new Map(), tracks = [], rowOf = new Map();
  for (const p of procs) for (const t of p.threads) { procOf.set(t, p); rowOf.set(t, tracks.length); tracks.push({ tid: t, proc: p }); }
  for (let i = 0; i < n; i++) if (!rowOf.has(D.tid[i])) { const t = D.tid[i]; const p = { pid: t, name: String(t), threads: [t] }; procOf.set(t, p); rowOf.set(t, tracks.length); tracks.push({ tid: t, proc: p }); }
  const count = new Uint32Array(tracks.length), rowIdx = new Uint32Array(n);
  for (let i = 0; i < n; i++) { const r = rowOf.get(D.tid[i]); rowIdx[i] = r; count[r]++; }
  for (let r = 0; r < tracks.length; r++) { tracks[r].ev = new Uint32Array(count[r]); tracks[r].k = 0; tracks[r].maxDur = 0; }
  let end = 0;
  for (let i = 0; i < n; i++) { const t = tracks[rowIdx[i]]; t.ev[t.k++] = i; if (D.dur[i] > t.maxDur) t.maxDur = D.dur[i]; const e = D.start[i] + D.dur[i]; if (e > end) end = e; }
  const marks = H.marks.map(function (m) { return { row: rowOf.has(m.tid) ? rowOf.get(m.tid) : -1, t: Number(m.t), kind: m.kind, text: m.text }; });
  for (const m of marks) if (m.t > end) end = m.t;
  for (const p of H.procs) if (p.end !== null && Number(p.end) > end) end = Number(p.end);
  return { tracks, marks, end: Math.max(end, 1), procOf, rowOf };
}

function main(D) {
  const H = D.H, n = H.n, T = build(D);
  const st = { v0: 0, v1: T.end * 1.02, sel: -1, match: null, nMatch: n, top: 0 };
  const shown = Math.min(T.tracks.length, MAX_ROWS);
  function scrollRows(d) { st.top = Math.max(0, Math.min(T.tracks.length - shown, st.top + d)); draw(); }
  $('stats').textContent = n + ' syscalls, ' + H.procs.length + ' processes, ' + T.tracks.length + ' threads, ' + ms(T.end);
  // --- controls
  const selName = $('f-name'), selClass = $('f-class');
  const order = H.names.map(function (s, i) { return i; }).sort(function (a, b) { return H.names[a] < H.names[b] ? -1 : 1; });
  for (const i of order) { const o = el('option', H.names[i]); o.value = String(i); selName.appendChild(o); }
  for (const c of Object.keys(COLORS)) { if (H.classes.indexOf(c) < 0) continue; const o = el('option', c); o.value = c; selClass.appendChild(o); }
  const legend = $('legend');
  for (const c of Object.keys(COLORS)) { const s = el('span', c); const i = el('i'); i.style.background = COLORS[c]; s.prepend(i); legend.appendChild(s); }
  legend.appendChild(el('span', '▮ red underline: failed call · ◆ signal · ▼ exit'));

  let lineHit = null, lineHitFor = null;
  function applyFilter() {
    if (!D.lineText && $('f-text').value !== '') { D.lines.then(applyFilter); return; }
    const name = selName.value, cls = selClass.value, pidS = $('f-pid').value.trim(), text = $('f-text').value, errOnly = $('f-err').checked;
    const pid = pidS === '' ? null : Number(pidS);
    if (name === '' && cls === '' && pid === null && text === '' && !errOnly) { st.match = null; st.nMatch = n; }
    else {
      if (text !== '' && lineHitFor !== text) {
        lineHit = new Uint8Array(H.lines);
        for (let i = 0; i < H.lines; i++) if (D.lineText(i).indexOf(text) >= 0) lineHit[i] = 1;
        lineHitFor = text;
      }
      const nameOk = new Uint8Array(H.names.length);
      for (let i = 0; i < H.names.length; i++) nameOk[i] = (name === '' || Number(name) === i) && (cls === '' || H.classes[i] === cls) ? 1 : 0;
      const m = new Uint8Array(n); let c = 0;
      for (let i = 0; i < n; i++) {
        if (!nameOk[D.name[i]]) continue;
        if (errOnly && !D.err[i]) continue;
        if (pid !== null && D.tid[i] !== pid && T.procOf.get(D.tid[i]).pid !== pid) continue;
        if (text !== '' && !lineHit[D.line[i]]) continue;
        m[i] = 1; c++;
      }
      st.match = m; st.nMatch = c;
    }
    $('nmatch').textContent = st.nMatch + ' of ' + n + ' calls';
    buildBins(); listMatches(); draw();
  }
  for (const id of ['f-name', 'f-class', 'f-err']) $(id).addEventListener('change', applyFilter);
  for (const id of ['f-pid', 'f-text']) $(id).addEventListener('input', applyFilter);
  $('reset').addEventListener('click', function () { st.v0 = 0; st.v1 = T.end * 1.02; draw(); });

  // --- timeline
  const canvas = $('canvas'), ctx = canvas.getContext('2d');
  let W = 0, Hh = 0, dpr = 1;
  function size() {
    dpr = window.devicePixelRatio || 1;
    W = canvas.clientWidth; Hh = RULER + Math.min(T.tracks.length, MAX_ROWS) * ROW + 4;
    canvas.style.height = Hh + 'px'; canvas.width = Math.round(W * dpr); canvas.height = Math.round(Hh * dpr);
  }
  function xOf(t) { return LABEL + (t - st.v0) * (W - LABEL) / (st.v1 - st.v0); }
  function tOf(x) { return st.v0 + (x - LABEL) * (st.v1 - st.v0) / (W - LABEL); }
  function firstFrom(t, from) { let lo = 0, hi = t.ev.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (D.start[t.ev[mid]] < from) lo = mid + 1; else hi = mid; } return lo; }
  let pending = false;
  function draw() { if (!pending) { pending = true; requestAnimationFrame(paint); } }
  function paint() {
    pending = false;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, W, Hh);
    const k = (W - LABEL) / (st.v1 - st.v0);
    // ruler
    ctx.fillStyle = '#555'; ctx.font = '11px system-ui,sans-serif';
    const span = st.v1 - st.v0, step = Math.pow(10, Math.floor(Math.log10(span / 8)));
    const tick = span / step > 40 ? step * 5 : span / step > 16 ? step * 2 : step;
    for (let t = Math.ceil(st.v0 / tick) * tick; t <= st.v1; t += tick) { const x = xOf(t); ctx.fillRect(x, RULER - 6, 1, 6); ctx.fillText(ms(t), x + 2, 11); }
    const match = st.match, nsPerPx = (st.v1 - st.v0) / (W - LABEL);
    for (let r = st.top; r < st.top + shown; r++) {
      const tr = T.tracks[r], y = RULER + (r - st.top) * ROW;
      if (r % 2) { ctx.fillStyle = '#f7f9fa'; ctx.fillRect(LABEL, y, W - LABEL, ROW); }
      if (tr.bins && tr.binNs <= nsPerPx) { paintBins(tr, y); continue; }
      const ev = tr.ev;
      let i = firstFrom(tr, st.v0 - tr.maxDur), lastPx = -1, lastColor = '';
      for (; i < ev.length; i++) {
        const e = ev[i], s = D.start[e];
        if (s > st.v1) break;
        const d = D.dur[e];
        if (s + d < st.v0) continue;
        let x0 = LABEL + (s - st.v0) * k, w = d * k;
        if (x0 < LABEL) { w -= LABEL - x0; x0 = LABEL; }
        const on = !match || match[e];
        const color = on ? COLORS[H.classes[D.name[e]]] || COLORS.other : '#e0e0e0';
        const err = on && D.err[e];
        if (w < 1) {
          // zoomed out: one pixel column per colour (errors win), however many calls fall in it
          const px = x0 | 0;
          if (px === lastPx && (color === lastColor || lastColor === '#c62828') && !err) continue;
          lastPx = px; lastColor = err ? '#c62828' : color;
          ctx.fillStyle = color; ctx.fillRect(px, y + 2, 1, ROW - 4);
          if (err) { ctx.fillStyle = '#c62828'; ctx.fillRect(px, y + ROW - 5, 1, 4); }
          continue;
        }
        lastPx = -1;
        ctx.fillStyle = color; ctx.fillRect(x0, y + 2, Math.max(w - 0.5, 1), ROW - 4);
        if (err) { ctx.fillStyle = '#c62828'; ctx.fillRect(x0, y + ROW - 5, Math.max(w - 0.5, 1), 4); }
        if (w > 40) { ctx.fillStyle = '#fff'; ctx.save(); ctx.beginPath(); ctx.rect(x0, y, w, ROW); ctx.clip(); ctx.fillText(H.names[D.name[e]], x0 + 3, y + 13); ctx.restore(); }
      }
    }
    for (const m of T.marks) {
      if (m.row < st.top || m.row >= st.top + shown || m.t < st.v0 || m.t > st.v1) continue;
      const x = xOf(m.t), y = RULER + (m.row - st.top) * ROW;
      ctx.fillStyle = m.kind === 'signal' || m.kind === 'stopped' ? '#ef6c00' : m.kind === 'killed' ? '#c62828' : '#212121';
      ctx.beginPath();
      if (m.kind === 'signal' || m.kind === 'stopped') { ctx.moveTo(x, y + 2); ctx.lineTo(x + 5, y + 9); ctx.lineTo(x, y + 16); ctx.lineTo(x - 5, y + 9); }
      else { ctx.moveTo(x - 5, y + 3); ctx.lineTo(x + 5, y + 3); ctx.lineTo(x, y + 14); }
      ctx.fill();
    }
    if (st.sel >= 0) {
      const e = st.sel, r = T.rowOf.get(D.tid[e]) - st.top, x = xOf(D.start[e]);
      if (r >= 0 && r < shown) { ctx.strokeStyle = '#000'; ctx.lineWidth = 2; ctx.strokeRect(x - 1, RULER + r * ROW + 1, Math.max(D.dur[e] * k, 1) + 2, ROW - 2); }
    }
    // labels last, over anything that ran into them
    ctx.fillStyle = '#eceff1'; ctx.fillRect(0, 0, LABEL, Hh);
    ctx.fillStyle = '#222';
    for (let r = st.top; r < st.top + shown; r++) {
      const tr = T.tracks[r], y = RULER + (r - st.top) * ROW;
      const label = (tr.tid === tr.proc.pid ? '' : '  ') + tr.proc.name + ' ' + tr.tid;
      ctx.save(); ctx.beginPath(); ctx.rect(0, y, LABEL - 4, ROW); ctx.clip();
      ctx.fillText(label, 4, y + 13); ctx.restore();
    }
    if (shown < T.tracks.length) { ctx.fillStyle = '#555'; ctx.fillText('rows ' + (st.top + 1) + '–' + (st.top + shown) + ' of ' + T.tracks.length, 4, 13); }
  }
  // zoomed out, a busy thread is drawn from its bins: one colour per bin (the first call's class, a failure's red)
  const BINS = 1 << 16;
  function buildBins() {
    const binNs = T.end / BINS;
    for (const tr of T.tracks) {
      if (tr.ev.length < 20000) continue;
      const bins = tr.bins || (tr.bins = new Uint8Array(BINS));
      bins.fill(0); tr.binNs = binNs;
      for (const e of tr.ev) {
        if (st.match && !st.match[e]) continue;
        const code = CLASS_CODES.indexOf(H.classes[D.name[e]]) + 1, err = D.err[e] ? 0x80 : 0;
        const b1 = Math.min(BINS - 1, Math.floor((D.start[e] + D.dur[e]) / binNs));
        for (let b = Math.floor(D.start[e] / binNs); b <= b1; b++) if (!bins[b] || err) bins[b] = code | err;
      }
    }
  }
  function paintBins(tr, y) {
    const bins = tr.bins;
    for (let x = LABEL; x < W; x++) {
      const b0 = Math.max(0, Math.floor(tOf(x) / tr.binNs)), b1 = Math.min(BINS, Math.ceil(tOf(x + 1) / tr.binNs));
      let c = 0;
      for (let b = b0; b < b1; b++) { const v = bins[b]; if (v & 0x80) { c = v; break; } if (!c) c = v; }
      if (!c) continue;
      ctx.fillStyle = COLORS[CLASS_CODES[(c & 0x7f) - 1]]; ctx.fillRect(x, y + 2, 1, ROW - 4);
      if (c & 0x80) { ctx.fillStyle = '#c62828'; ctx.fillRect(x, y + ROW - 5, 1, 4); }
    }
  }
  function pick(x, y) {
    const r = Math.floor((y - RULER) / ROW) + st.top;
    if (r < st.top || r >= st.top + shown || x < LABEL) return -1;
    const tr = T.tracks[r], t = tOf(x), slack = 4 * (st.v1 - st.v0) / (W - LABEL);
    let best = -1, bestD = Infinity;
    for (let i = firstFrom(tr, t - slack - tr.maxDur); i < tr.ev.length; i++) {
      const e = tr.ev[i], s = D.start[e]; if (s > t + slack) break;
      const dd = t < s ? s - t : t > s + D.dur[e] ? t - s - D.dur[e] : 0;
      if (dd <= slack && dd < bestD && (!st.match || st.match[e])) { best = e; bestD = dd; }
    }
    return best;
  }
  let drag = null;
  canvas.addEventListener('mousedown', function (e) { drag = { x: e.offsetX, v0: st.v0, v1: st.v1, moved: false }; });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    const dx = e.clientX - canvas.getBoundingClientRect().left - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    if (!drag.moved) return;
    const dt = dx * (drag.v1 - drag.v0) / (W - LABEL);
    st.v0 = drag.v0 - dt; st.v1 = drag.v1 - dt; draw();
  });
  window.addEventListener('mouseup', function (e) {
    if (drag && !drag.moved && e.target === canvas) { const i = pick(e.offsetX, e.offsetY); if (i >= 0) select(i); }
    drag = null;
  });
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    if (e.offsetX < LABEL || e.shiftKey) { scrollRows(e.deltaY > 0 ? 3 : -3); return; }
    const t = tOf(Math.max(e.offsetX, LABEL)), f = e.deltaY > 0 ? 1.25 : 0.8;
    const span = Math.max((st.v1 - st.v0) * f, 50);
    st.v0 = t - (t - st.v0) * span / (st.v1 - st.v0); st.v1 = st.v0 + span; draw();
  }, { passive: false });
  canvas.addEventListener('dblclick', function () { st.v0 = 0; st.v1 = T.end * 1.02; draw(); });
  window.addEventListener('resize', function () { size(); draw(); });

  // --- details of one call
  function eventJson(e, jsonText) {
    const rest = JSON.parse(jsonText(D.json[e]));
    const o = { type: rest.type, time: (BigInt(H.t0) + BigInt(Math.round(D.start[e]))).toString(), pid: D.tid[e] };
    for (const k in rest) if (k !== 'type') o[k] = rest[k];
    o.durationNs = D.dur[e];
    return o;
  }
  function select(e) {
    st.sel = e;
    const p = T.procOf.get(D.tid[e]);
    $('d-where').textContent = 'pid ' + D.tid[e] + (p.pid !== D.tid[e] ? ' (process ' + p.pid + ')' : '') + ' · ' + p.name + ' · at ' + ms(D.start[e]) + ' · took ' + dur(D.dur[e]) + ' · ' + H.classes[D.name[e]];
    $('d-line').textContent = '…';
    D.lines.then(function (t) { if (st.sel === e) $('d-line').textContent = t(D.line[e]); });
    $('d-json').textContent = '…';
    D.jsons().then(function (t) { if (st.sel === e) $('d-json').textContent = JSON.stringify(eventJson(e, t)); });
    const s = D.start[e], span = st.v1 - st.v0, r = T.rowOf.get(D.tid[e]);
    if (s < st.v0 || s > st.v1) { st.v0 = s - span / 2; st.v1 = s + span / 2; }
    if (r < st.top || r >= st.top + shown) scrollRows(r - st.top - (shown >> 1));
    draw();
  }

  // --- tables
  function grid(host, heads, rows, onPick) {
    const t = el('table'), hr = el('tr');
    for (const h of heads) hr.appendChild(el('th', h));
    t.appendChild(hr);
    for (const r of rows) {
      const tr = el('tr');
      r.cells.forEach(function (c, i) { const td = el('td', typeof c === 'string' && c.length > 400 ? c.slice(0, 400) + '…' : c); if (typeof c === 'number') td.className = 'n'; if (r.err && i === 1) td.classList.add('err'); tr.appendChild(td); });
      if (onPick && r.pick !== undefined) { tr.className = 'pick'; tr.addEventListener('click', function () { onPick(r.pick); }); }
      t.appendChild(tr);
    }
    host.textContent = ''; host.appendChild(t);
  }
  function listMatches() {
    if (!D.lineText) { $('matches').textContent = 'loading…'; return; }
    const rows = [];
    for (let i = 0; i < n && rows.length < 300; i++) if (!st.match || st.match[i]) rows.push({ cells: [ms(D.start[i]), D.tid[i], D.lineText(D.line[i])], err: false, pick: i });
    grid($('matches'), ['at', 'pid', 'call'], rows, select);
  }
  // process tree
  const kids = new Map();
  const pids = new Set(H.procs.map(function (p) { return p.pid; }));
  for (const p of H.procs) { const k = p.parent === null || !pids.has(p.parent) ? -1 : p.parent; if (!kids.has(k)) kids.set(k, []); kids.get(k).push(p); }
  // a tree of thousands of processes: the first 2000 of them
  let listed = 0;
  function tree(parent) {
    const ul = el('ul', null, 'tree');
    for (const p of kids.get(parent) || []) {
      if (++listed > 2000) { if (listed === 2001) ul.appendChild(el('li', '… and ' + (H.procs.length - 2000) + ' more')); break; }
      const li = el('li');
      li.appendChild(el('b', p.name + ' ' + p.pid));
      if (p.argv) li.appendChild(el('span', ' ' + JSON.stringify(p.argv), 'mono'));
      const took = p.start !== null && p.end !== null ? ', ' + dur(Number(p.end) - Number(p.start)) : '';
      li.appendChild(el('span', ' — ' + p.ending + took + (p.threads.length > 1 ? ', ' + p.threads.length + ' threads' : ''), p.exited0 ? '' : 'err'));
      if (kids.has(p.pid)) li.appendChild(tree(p.pid));
      ul.appendChild(li);
    }
    return ul;
  }
  $('procs').appendChild(tree(-1));
  // errors (from the effects model): a row selects the first such call
  const E = H.effects;
  const erows = E.errors.slice().sort(function (a, b) { return b.count - a.count; }).map(function (x) {
    const ni = H.names.indexOf(x.syscall), ei = H.errnos.indexOf(x.errno);
    let first = -1;
    for (let i = 0; i < n; i++) if (D.name[i] === ni && D.err[i] === ei) { first = i; break; }
    return { cells: [x.syscall, x.errno, x.count, x.example, x.line], err: true, pick: first >= 0 ? first : undefined };
  });
  if (erows.length) grid($('errors'), ['syscall', 'errno', 'count', 'example', 'first'], erows, select); else $('errors').textContent = 'No call failed.';
  $('summary').textContent = H.summary || '(no syscalls)';
  effectsTables(E);
  size(); paint(); applyFilter();
  window.sysrayReport = { n: n, tracks: T.tracks.length, select: select,
    find: function (text) { for (let i = 0; i < n; i++) if (D.lineText(D.line[i]).indexOf(text) >= 0) return i; return -1; },
    span: function (e) { return [D.start[e], D.start[e] + D.dur[e]]; },
    slicePoint: function (e) {
    const row = T.rowOf.get(D.tid[e]);
    if (row < st.top || row >= st.top + shown) { scrollRows(row - st.top); paint(); }
    const r = row - st.top, x = xOf(D.start[e] + D.dur[e] / 2);
    return { x: x, y: RULER + r * ROW + ROW / 2 };
  }, view: function (v0, v1) { st.v0 = v0; st.v1 = v1; paint(); } };
  // the timeline is usable now; the page is complete once the lines are in (both in ms since
  // the page began to load)
  document.body.dataset.timeline = String(Math.round(performance.now()));
  D.lines.then(function () { listMatches(); document.body.dataset.loaded = String(Math.round(performance.now())); document.body.dataset.ready = '1'; D.jsons(); });
}

function effectsTables(E) {
  for (const key of Object.keys(E)) {
    const host = $('fx-' + key); if (!host) continue;
    const rows = E[key];
    host.textContent = '';
    if (!rows.length) { host.textContent = 'none'; continue; }
    const heads = Object.keys(rows[0]);
    const t = el('table'), hr = el('tr');
    for (const h of heads) hr.appendChild(el('th', h));
    t.appendChild(hr);
    for (const r of rows.slice(0, 1000)) {
      const tr = el('tr');
      for (const h of heads) { const v = r[h]; const td = el('td', v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : v); if (typeof v === 'number') td.className = 'n'; tr.appendChild(td); }
      t.appendChild(tr);
    }
    host.appendChild(t);
  }
}

load().then(main).catch(function (e) { $('stats').textContent = 'This report could not be read: ' + e; });
})();
`;

const BODY = `<header><h1>sysray report</h1><span id="stats">loading…</span></header>
<div id="controls">
<label>syscall <select id="f-name"><option value="">all</option></select></label>
<label>class <select id="f-class"><option value="">all</option></select></label>
<label>pid <input id="f-pid" size="7" inputmode="numeric"></label>
<label>path or text <input id="f-text" size="24"></label>
<label><input type="checkbox" id="f-err"> failed only</label>
<span id="nmatch"></span>
<button id="reset" type="button">whole trace</button>
<span style="opacity:.7">wheel: zoom · drag: pan · wheel over names: more threads · click: details</span>
</div>
<div id="tl"><canvas id="canvas"></canvas><div id="legend"></div></div>
<main>
<section class="wide"><h2>Selected call</h2><div id="d-where">Click a slice or a row.</div><pre id="d-line" class="mono"></pre><pre id="d-json"></pre></section>
<section><h2>Processes</h2><div id="procs"></div></section>
<section><h2>Summary (-c)</h2><pre id="summary"></pre></section>
<section class="wide"><h2>Errors</h2><div id="errors"></div></section>
<section class="wide"><h2>Files</h2><div id="fx-files"></div></section>
<section><h2>Network</h2><div id="fx-network"></div></section>
<section><h2>Slowest calls</h2><div id="fx-slowest"></div></section>
<section class="wide"><h2>File descriptors</h2><div id="fx-fds"></div></section>
<section class="wide"><h2>Not known from this trace</h2><div id="fx-incomplete"></div></section>
<section class="wide"><h2>Calls</h2><div id="matches"></div></section>
</main>`;

/** The page around the data: the text before, between and after its three base64 blobs. */
export function reportPage(): [string, string, string, string] {
  const before = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sysray report</title><style>${STYLE}</style></head>
<body>${BODY}
<script type="application/octet-stream" id="data-head">`;
  const after = `</script>
<script>${SCRIPT}</script>
</body></html>
`;
  return [before, '</script>\n<script type="application/octet-stream" id="data-lines">', '</script>\n<script type="application/octet-stream" id="data-json">', after];
}
