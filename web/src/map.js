// The world choropleth: one metric per country from the ledger (or risk tiers), joined on
// ISO3 (geo_join.js). Click a country for its page.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import small from 'virtual:small-countries';
import { get, optional } from './api.js';
import { makeJoiner } from './geo_join.js';
import { compactFigure, esc, fmt, pct, pointValue } from './format.js';
import { renderTable } from './table.js';

export const METRICS = {
  departed: { label: 'Departed', fmt: fmt },
  returned: { label: 'Returned', fmt: fmt },
  return_rate: { label: 'Return rate (returned ÷ departed)', fmt: pct },
  per_million: { label: 'Returnees per million inhabitants', fmt: (v) => fmt(Math.round(v * 100) / 100) },
  risk: { label: 'Risk tier', fmt: (v) => String(v) },
};

// ColorBrewer OrRd, 6 classes.
const COLORS = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
const TIER_COLORS = { low: '#fdd49e', moderate: '#fdbb84', elevated: '#fc8d59', high: '#e34a33', severe: '#b30000' };
const TIER_ORDER = Object.keys(TIER_COLORS);

// Per-country rows: {iso3, name, departed, returned, return_rate, per_million, figures}.
export function countryMetrics(ledger, countries, risk) {
  const byIso = new Map(countries.map((c) => [c.iso3, c]));
  const rows = new Map();
  for (const e of ledger) {
    if (e.subgroup !== 'all' || e.unit !== 'persons' || !byIso.has(e.scope)) continue;
    if (e.category !== 'departed' && e.category !== 'returned') continue;
    const c = byIso.get(e.scope);
    if (!rows.has(e.scope)) rows.set(e.scope, { iso3: e.scope, name: c.name, population: c.population, entries: {} });
    rows.get(e.scope).entries[e.category] = e;
  }
  for (const r of rows.values()) {
    r.departed = pointValue(r.entries.departed);
    r.returned = pointValue(r.entries.returned);
    r.departed_text = r.entries.departed ? compactFigure(r.entries.departed) : '';
    r.returned_text = r.entries.returned ? compactFigure(r.entries.returned) : '';
    r.return_rate = r.departed && r.returned !== null ? r.returned / r.departed : null;
    r.per_million = r.returned !== null && r.population ? (r.returned / r.population) * 1e6 : null;
    r.sources = [...new Set([...(r.entries.departed?.sources || []), ...(r.entries.returned?.sources || [])])];
  }
  for (const t of risk || []) {
    const scope = t.scope || t.iso3;
    if (!byIso.has(scope)) continue;
    if (!rows.has(scope)) rows.set(scope, { iso3: scope, name: byIso.get(scope).name, entries: {}, sources: [] });
    if (t.tier) rows.get(scope).risk = t.tier;
  }
  return [...rows.values()];
}

// Quantile-ish class breaks on the positive values (at most 6 classes).
function breaks(values) {
  const v = values.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return [];
  const out = [];
  for (let k = 1; k < COLORS.length; k++) {
    const b = v[Math.min(v.length - 1, Math.floor((k * v.length) / COLORS.length))];
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  return out;
}

function riskArray(risk) {
  if (!risk) return null;
  if (Array.isArray(risk)) return risk;
  for (const k of ['countries', 'tiers', 'risk', 'items']) if (Array.isArray(risk[k])) return risk[k];
  return null;
}

export async function renderMap(root, params) {
  const [countries, ledger, riskRaw] = await Promise.all([
    get('countries'), get('ledger'), optional(get('risk')),
  ]);
  const risk = riskArray(riskRaw);
  const metric = METRICS[params.get('metric')] ? params.get('metric') : 'departed';
  const rows = countryMetrics(ledger, countries, risk);
  const byIso = new Map(rows.map((r) => [r.iso3, r]));
  const join = makeJoiner(countries);

  root.innerHTML = `
    <h1>Foreign fighters and returnees by country</h1>
    <div class="controls">
      <label>Metric <select id="metric" data-testid="metric">
        ${Object.entries(METRICS).map(([k, m]) => `<option value="${k}" ${k === metric ? 'selected' : ''}
          ${k === 'risk' && !risk ? 'disabled' : ''}>${esc(m.label)}${k === 'risk' && !risk ? ' (not available)' : ''}</option>`).join('')}
      </select></label>
      <span class="muted">Each country: its fused estimate (all sources reconciled; the point shown is the best figure, else the lower end of the interval). Click a country for its page.</span>
    </div>
    <div class="map-wrap"><svg id="map" data-testid="map" viewBox="0 0 960 500" role="img" aria-label="World map"></svg>
      <div id="tip" class="tip" hidden></div></div>
    <div id="legend" class="legend"></div>
    <div id="ranked"></div>`;
  root.querySelector('#metric').onchange = (ev) => { location.hash = `#/map?metric=${ev.target.value}`; };

  const projection = geoNaturalEarth1().fitExtent([[4, 4], [956, 496]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = root.querySelector('#map');
  const value = (r) => (r ? r[metric] : null);
  const b = metric === 'risk' ? [] : breaks(rows.map(value));
  const color = (v) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
    if (metric === 'risk') return TIER_COLORS[String(v).toLowerCase()] || '#999';
    let k = 0;
    while (k < b.length && v >= b[k]) k++;
    return COLORS[k];
  };
  let html = `<path class="sphere" d="${path({ type: 'Sphere' })}"/>`;
  const shapes = feature(world, world.objects.countries).features;
  for (const f of shapes) {
    const iso3 = join(f.id, f.properties.name);
    const r = iso3 ? byIso.get(iso3) : null;
    const fill = color(value(r));
    html += `<path class="country${fill ? ' has-data' : ''}" d="${path(f)}" data-iso3="${iso3 || ''}" data-name="${esc(f.properties.name)}"${fill ? ` style="fill:${fill}"` : ''}/>`;
  }
  for (const s of small) {
    const iso3 = join(s.id, s.name);
    const r = iso3 ? byIso.get(iso3) : null;
    const fill = color(value(r));
    if (!fill) continue;
    const [px, py] = projection([s.lon, s.lat]);
    html += `<circle class="country dot has-data" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4" data-iso3="${iso3}" data-name="${esc(s.name)}" style="fill:${fill}"/>`;
  }
  svg.innerHTML = html;

  const tip = root.querySelector('#tip');
  svg.addEventListener('mousemove', (ev) => {
    const el = ev.target.closest('.country');
    if (!el) { tip.hidden = true; return; }
    const r = byIso.get(el.dataset.iso3);
    tip.hidden = false;
    tip.innerHTML = `<b>${esc(r ? r.name : el.dataset.name)}</b><br>${r
      ? `Departed ${esc(r.departed_text || '–')} · Returned ${esc(r.returned_text || '–')}${metric !== 'departed' && metric !== 'returned' ? `<br>${esc(METRICS[metric].label)}: ${esc(value(r) === null || value(r) === undefined ? '–' : METRICS[metric].fmt(value(r)))}` : ''}`
      : 'no figures'}`;
    const box = svg.getBoundingClientRect();
    tip.style.left = `${ev.clientX - box.left + 12}px`;
    tip.style.top = `${ev.clientY - box.top + 12}px`;
  });
  svg.addEventListener('mouseleave', () => { tip.hidden = true; });
  svg.addEventListener('click', (ev) => {
    const el = ev.target.closest('.country');
    if (el && el.dataset.iso3) location.hash = `#/country/${el.dataset.iso3}`;
  });

  const legend = root.querySelector('#legend');
  if (metric === 'risk') {
    legend.innerHTML = Object.entries(TIER_COLORS).map(([k, c]) => `<span><i style="background:${c}"></i>${esc(k)}</span>`).join('');
  } else {
    const f = METRICS[metric].fmt;
    const edges = [null, ...b];
    legend.innerHTML = edges.map((lo, i) => `<span><i style="background:${COLORS[i]}"></i>${lo === null ? '< ' + f(b[0] ?? 0) : i === edges.length - 1 ? '≥ ' + f(lo) : f(lo) + ' – ' + f(edges[i + 1])}</span>`).join('') +
      '<span><i class="nodata"></i>no figure</span>';
  }

  const ranked = rows.filter((r) => value(r) !== null && value(r) !== undefined)
    .sort((a, b2) => (metric === 'risk' ? TIER_ORDER.indexOf(b2.risk) - TIER_ORDER.indexOf(a.risk) : value(b2) - value(a)));
  renderTable(root.querySelector('#ranked'), [
    { key: 'iso3', label: 'ISO3' },
    { key: 'name', label: 'Country', html: (r) => `<a href="#/country/${r.iso3}">${esc(r.name)}</a>` },
    { key: 'departed_text', label: 'Departed', num: true },
    { key: 'returned_text', label: 'Returned', num: true },
    { key: 'return_rate', label: 'Return rate', num: true, html: (r) => pct(r.return_rate) },
    { key: 'per_million', label: 'Returnees / million', num: true, html: (r) => (r.per_million === null ? '' : fmt(Math.round(r.per_million * 100) / 100)) },
    ...(risk ? [{ key: 'risk', label: 'Risk tier' }] : []),
    { key: 'sources', label: 'Sources', raw: (r) => r.sources.join('|'), html: (r) => esc(r.sources.join(', ')) },
  ], ranked, {
    title: `Countries by ${METRICS[metric].label.toLowerCase()}`,
    file: `ftfwatch-${metric}`,
    sources: (rs) => rs.flatMap((r) => r.sources),
    id: 'ranked-table',
  });
}
