// The claims explorer, the extraction box, conflicts, severity plots and the sources list.
import { ApiError, get, optional, post } from './api.js';
import { CATEGORY_LABEL, esc, fmt } from './format.js';
import { evidenceHtml, statedFigure } from './evidence.js';
import { loglogChart } from './charts.js';
import { renderTable } from './table.js';

function notAvailable(root, what) {
  root.insertAdjacentHTML('beforeend', `<p class="notice" data-testid="not-available">${esc(what)} is not available on this server
    (the API answers 501: the stage is not built in yet).</p>`);
}

function errorBox(root, e) {
  root.insertAdjacentHTML('beforeend', `<p class="error">${esc(e instanceof ApiError ? `${e.status} ${e.code}: ${e.message}` : String(e))}</p>`);
}

export async function renderClaims(root, params) {
  const sources = await get('sources');
  const f = Object.fromEntries(['country', 'region', 'category', 'subgroup', 'source', 'as_of'].map((k) => [k, params.get(k) || '']));
  const page = Math.max(1, parseInt(params.get('page') || '1', 10));
  root.innerHTML = `<h1>Claims explorer</h1>
    <form id="filters" class="controls">
      <label>Country <input name="country" value="${esc(f.country)}" placeholder="ISO3 or names, comma-separated" size="22"></label>
      <label>Region <input name="region" value="${esc(f.region)}" placeholder="e.g. European Union" size="16"></label>
      <label>Category <select name="category"><option value="">any</option>${Object.entries(CATEGORY_LABEL).map(([k, v]) => `<option value="${k}" ${k === f.category ? 'selected' : ''}>${v}</option>`).join('')}</select></label>
      <label>Subgroup <select name="subgroup"><option value="">any</option>${['all', 'men', 'women', 'minors'].map((k) => `<option ${k === f.subgroup ? 'selected' : ''}>${k}</option>`).join('')}</select></label>
      <label>Source <select name="source"><option value="">any</option>${sources.map((s) => `<option value="${esc(s.id)}" ${s.id === f.source ? 'selected' : ''}>${esc(s.id)}</option>`).join('')}</select></label>
      <label>As of ≤ <input name="as_of" value="${esc(f.as_of)}" placeholder="YYYY-MM-DD" size="10"></label>
      <button type="submit">Filter</button>
    </form><div id="out"></div>`;
  root.querySelector('#filters').onsubmit = (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(ev.target)) if (v) q.set(k, v);
    location.hash = `#/claims?${q}`;
  };
  const out = root.querySelector('#out');
  let r;
  try {
    r = await get('claims', { ...f, page, pagesize: 100 });
  } catch (e) {
    return errorBox(out, e);
  }
  const base = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  const link = (p) => { const q = new URLSearchParams(base); q.set('page', p); return `#/claims?${q}`; };
  out.innerHTML = `<p class="pager" data-testid="pager">${fmt(r.total_count)} claims · page ${r.page} of ${Math.max(1, Math.ceil(r.total_count / r.pagesize))}
    ${r.page > 1 ? `<a href="${link(r.page - 1)}">← previous</a>` : ''} ${r.next_page ? `<a href="${link(r.next_page)}">next →</a>` : ''}</p>`;
  renderTable(out, [
    { key: 'id', label: 'ID', num: true },
    { key: 'scope', label: 'Scope', html: (c) => (/^[A-Z]{3}$/.test(c.scope) ? `<a href="#/country/${c.scope}">${c.scope}</a>` : esc(c.scope)) },
    { key: 'category', label: 'Category' }, { key: 'subgroup', label: 'Subgroup' }, { key: 'unit', label: 'Unit' },
    { key: 'stated', label: 'Stated', raw: (c) => statedFigure(c, fmt), html: (c) => esc(statedFigure(c, fmt)) },
    { key: 'low', label: 'Low', num: true, html: (c) => fmt(c.low) },
    { key: 'best', label: 'Best', num: true, html: (c) => fmt(c.best) },
    { key: 'high', label: 'High', num: true, html: (c) => fmt(c.high) },
    { key: 'qualifier', label: 'Qualifier' }, { key: 'as_of', label: 'As of' }, { key: 'source', label: 'Source' },
    { key: 'evidence', label: 'Evidence', raw: (c) => c.sentence || c.page || c.note, html: evidenceHtml },
  ], r.claims, { title: 'Claims', file: 'ftfwatch-claims', sources: (rs) => rs.map((c) => c.source), id: 'claims-table' });
}

// The extracted claims drawn over the pasted text: every claim's span is marked.
function markSpans(text, claims) {
  const enc = new TextEncoder();
  const bytes = enc.encode(text);
  const dec = new TextDecoder();
  const spans = claims.filter((c) => Array.isArray(c.span) || (c.span && c.span.start !== undefined))
    .map((c, i) => ({ start: Array.isArray(c.span) ? c.span[0] : c.span.start, end: Array.isArray(c.span) ? c.span[1] : c.span.end, i }))
    .filter((s) => s.start >= 0 && s.end <= bytes.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  let html = '', pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    html += esc(dec.decode(bytes.slice(pos, s.start)));
    html += `<mark data-claim="${s.i}" title="claim ${s.i + 1}">${esc(dec.decode(bytes.slice(s.start, s.end)))}</mark>`;
    pos = s.end;
  }
  return html + esc(dec.decode(bytes.slice(pos)));
}

export async function renderExtract(root) {
  root.innerHTML = `<h1>Extract figures from a text</h1>
    <p class="muted">Paste an article; ftfwatch finds the figures, what they count and where, and shows them in the text. Nothing is stored.</p>
    <form id="ex"><textarea name="text" rows="10" data-testid="extract-text" placeholder="e.g. Some 850 people have travelled from the UK to Syria; about half have returned."></textarea>
    <div class="controls"><label>Publication date <input name="date" placeholder="YYYY-MM-DD" size="10"></label><button type="submit">Extract</button></div></form>
    <div id="out"></div>`;
  root.querySelector('#ex').onsubmit = async (ev) => {
    ev.preventDefault();
    const fd = new FormData(ev.target);
    const out = root.querySelector('#out');
    out.innerHTML = '<p class="muted">Extracting…</p>';
    const text = String(fd.get('text') || '');
    try {
      const r = await post('extract', { text, date: fd.get('date') || undefined });
      const claims = r.claims || [];
      out.innerHTML = `<h2>${claims.length} claims</h2><div class="marked" data-testid="marked">${markSpans(text, claims)}</div>`;
      renderTable(out, [
        { key: 'scope', label: 'Scope' }, { key: 'category', label: 'Category' }, { key: 'subgroup', label: 'Subgroup' },
        { key: 'stated', label: 'Stated', raw: (c) => statedFigure(c, fmt), html: (c) => esc(statedFigure(c, fmt)) },
        { key: 'qualifier', label: 'Qualifier' }, { key: 'cue', label: 'Cue' }, { key: 'attributed_to', label: 'Attributed to' },
        { key: 'evidence', label: 'Sentence', raw: (c) => c.sentence, html: evidenceHtml },
      ], claims, { title: 'Extracted claims', file: 'ftfwatch-extracted', id: 'extracted' });
    } catch (e) {
      out.innerHTML = '';
      if (e instanceof ApiError && e.status === 501) notAvailable(out, 'Extraction');
      else errorBox(out, e);
    }
  };
}

function asArray(x, keys) {
  if (!x) return [];
  if (Array.isArray(x)) return x;
  for (const k of keys) if (Array.isArray(x[k])) return x[k];
  return [];
}

export async function renderConflicts(root) {
  root.innerHTML = '<h1>Where sources disagree</h1><p class="muted">Figures for the same country and category whose stated intervals do not overlap, beyond their stated uncertainty.</p>';
  let data;
  try {
    data = await optional(get('conflicts'));
  } catch (e) {
    return errorBox(root, e);
  }
  if (data === null) return notAvailable(root, 'Conflict detection');
  const rows = asArray(data, ['conflicts', 'items']);
  const sideText = (c) => (c.sides || []).map((sd) => `${sd.label}${sd.credible ? '' : ' (not used)'}: ${(sd.claims || []).map((x) => `#${x.id} ${x.figure ?? ''} (${x.source}, ${x.as_of})`).join('; ')}`).join(' | ');
  const sideHtml = (c) => (c.sides || []).map((sd) => `<div><b>${esc(sd.label)}</b>${sd.credible ? '' : ' <span class="muted">(not used)</span>'}<ul>${(sd.claims || []).map((x) =>
    `<li>#${esc(x.id)} <b>${esc(x.figure ?? '')}</b> — ${esc(x.source)}, ${esc(x.as_of)}${x.sentence ? `: ${evidenceHtml(x)}` : x.page || x.note ? ` <span class="muted">${esc([x.page, x.note].filter(Boolean).join(' — '))}</span>` : ''}</li>`).join('')}</ul></div>`).join('');
  renderTable(root, [
    { key: 'scope', label: 'Scope', html: (r) => (/^[A-Z]{3}$/.test(r.scope) ? `<a href="#/country/${r.scope}">${r.scope}</a>` : esc(r.scope)) },
    { key: 'name', label: 'Name' }, { key: 'category', label: 'Category' }, { key: 'subgroup', label: 'Subgroup' },
    { key: 'kind', label: 'Kind' }, { key: 'as_of', label: 'As of' }, { key: 'summary', label: 'Summary' },
    { key: 'sides', label: 'Claims on each side', raw: sideText, html: sideHtml },
  ], rows, { title: 'Conflicts', file: 'ftfwatch-conflicts', sources: (rs) => rs.flatMap((r) => (r.sides || []).flatMap((sd) => (sd.claims || []).map((x) => x.source))), id: 'conflicts' });
}

export async function renderSeverity(root) {
  root.innerHTML = `<h1>Attack severity</h1>
    <p class="muted">Paste or choose a CSV of attacks (a <code>deaths</code> column, one row per attack, GTD-like) to fit a power-law tail by maximum likelihood (Clauset, Shalizi &amp; Newman 2009). Nothing is stored.</p>
    <form id="sv"><input type="file" name="file" accept=".csv,text/csv"> <textarea name="csv" rows="6" placeholder="date,country,deaths&#10;2016-07-14,FRA,86"></textarea>
    <div class="controls"><button type="submit">Fit</button></div></form><div id="out"></div>`;
  root.querySelector('#sv').onsubmit = async (ev) => {
    ev.preventDefault();
    const fd = new FormData(ev.target);
    const file = fd.get('file');
    const csv = file && file.size ? await file.text() : String(fd.get('csv') || '');
    const out = root.querySelector('#out');
    out.innerHTML = '<p class="muted">Fitting…</p>';
    try {
      const fit = await post('severity', csv, 'text/csv');
      const header = csv.split(/\r?\n/)[0].split(',').map((h) => h.trim().toLowerCase());
      const col = Math.max(0, header.indexOf('deaths'));
      const values = csv.split(/\r?\n/).slice(header.includes('deaths') ? 1 : 0).map((l) => parseFloat(l.split(',')[col])).filter((v) => Number.isFinite(v));
      const f = fit.fit || fit;
      out.innerHTML = `<div class="cards">${['xmin', 'alpha', 'sigma_alpha', 'ks', 'p', 'n_tail', 'n'].filter((k) => f[k] !== undefined).map((k) => `<div class="card"><span>${k}</span><b>${esc(typeof f[k] === 'number' ? +f[k].toPrecision(4) : f[k])}</b></div>`).join('')}</div>
        ${loglogChart(values, f)}`;
      renderTable(out, Object.keys(f).filter((k) => typeof f[k] !== 'object').map((k) => ({ key: k, label: k })), [f], { title: 'Power-law fit', file: 'ftfwatch-severity-fit', id: 'severity-fit' });
    } catch (e) {
      out.innerHTML = '';
      if (e instanceof ApiError && e.status === 501) notAvailable(out, 'Severity fitting');
      else errorBox(out, e);
    }
  };
}

export async function renderSources(root) {
  const sources = await get('sources');
  root.innerHTML = '<h1>Sources</h1>';
  renderTable(root, [
    { key: 'id', label: 'ID', html: (s) => `<a href="#/claims?source=${encodeURIComponent(s.id)}">${esc(s.id)}</a>` },
    { key: 'kind', label: 'Kind' }, { key: 'published', label: 'Published' }, { key: 'publisher', label: 'Publisher' },
    { key: 'title', label: 'Title', html: (s) => (s.url ? `<a href="${esc(s.url)}" rel="noreferrer noopener" target="_blank">${esc(s.title)}</a>` : esc(s.title)) },
    { key: 'claims', label: 'Claims', num: true },
  ], sources, { title: 'Sources', file: 'ftfwatch-sources', sources: (rs) => rs.map((s) => s.id), id: 'sources' });
}
