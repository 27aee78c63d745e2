// A country page: each figure with its interval, the fused estimate and its explanation
// (when the server has fusion), the claims and sentences behind it, the sources, and a
// timeline of the figures by publication date.
import { allClaims, get, optional } from './api.js';
import { CATEGORY_LABEL, compactFigure, esc, fmt, intervalText } from './format.js';
import { evidenceHtml, statedFigure } from './evidence.js';
import { countryTimeline, intervalChart } from './charts.js';
import { renderTable } from './table.js';

const key = (e) => `${e.category}/${e.subgroup}/${e.unit}`;
const label = (e) => `${CATEGORY_LABEL[e.category] || e.category}${e.subgroup !== 'all' ? ` (${e.subgroup})` : ''}${e.unit !== 'persons' ? ` [${e.unit}]` : ''}`;

function explanationText(x) {
  if (!x) return '';
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map(explanationText).join(' ');
  if (typeof x === 'object') return x.text || x.summary || JSON.stringify(x);
  return String(x);
}

const TIMELINE = [['departed', 'Departed'], ['returned', 'Returned'], ['detained', 'Detained']];

// A partial date as the last day it can mean, for `as_of` queries ("2017" -> "2017-12-31").
const asOfDay = (d) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-28` : d);

// The timeline: the accepted claims of departed, returned and detained (all, persons) at their
// dates, one mark per claim (so per source and qualifier), over the fused estimate as the ledger
// stood at each of those dates.
async function timelineHtml(iso3, claims) {
  const shown = claims.filter((x) => TIMELINE.some(([cat]) => cat === x.category) && x.subgroup === 'all' &&
    x.unit === 'persons' && x.as_of && (x.review === undefined || x.review === 'accepted'));
  const dates = [...new Set(shown.map((x) => x.as_of))].sort();
  const ledgers = await Promise.all(dates.map((d) => get('ledger', { country: iso3, as_of: asOfDay(d) }).catch(() => [])));
  const panels = TIMELINE.map(([cat, label]) => ({
    category: cat,
    label,
    marks: shown.filter((x) => x.category === cat).map((x) => ({
      date: x.as_of, low: x.low, best: x.best, high: x.high, qualifier: x.qualifier, source: x.source,
      title: `${statedFigure(x, fmt)} (${x.qualifier}) — ${x.source}, ${x.as_of}\n${x.sentence || x.page || x.note || ''}`,
    })),
    band: dates.flatMap((d, i) => {
      const e = ledgers[i].find((l) => l.scope === iso3 && l.category === cat && l.subgroup === 'all' && l.unit === 'persons');
      return e ? [{ date: d, low: e.interval.low, high: e.interval.high }] : [];
    }),
  })).filter((p) => p.marks.length || p.band.length);
  return countryTimeline(panels);
}

export async function renderCountry(root, iso3) {
  const countries = await get('countries');
  const c = countries.find((x) => x.iso3 === iso3);
  if (!c) {
    root.innerHTML = `<p class="error">No country with code ${esc(iso3)}.</p>`;
    return;
  }
  const [ledger, claims] = await Promise.all([get('ledger', { country: iso3 }), allClaims({ country: iso3 })]);
  const sources = await get('sources');
  const own = ledger.filter((e) => e.scope === iso3);
  const cats = [...new Set(own.filter((e) => e.unit === 'persons').map((e) => e.category))];
  const explained = await Promise.all(own.map((e) =>
    optional(get(`estimates/${iso3}/${e.category}`, { subgroup: e.subgroup, unit: e.unit })).catch(() => null)));

  root.innerHTML = `
    <p><a href="#/map">← Map</a></p>
    <h1 data-testid="country-name">${esc(c.name)} <span class="muted">${esc(c.iso3)}</span></h1>
    <p class="muted">${esc(c.un_subregion || c.un_region)}${c.population ? ` · population ${fmt(c.population)} (${c.population_year})` : ''} ·
      <a href="api/ledger?country=${esc(iso3)}">ledger JSON</a> · <a href="api/claims?country=${esc(iso3)}&pagesize=1000">claims JSON</a></p>
    <div id="est"></div><div id="ivchart"></div><div id="fused"></div>
    <h2>Timeline: every stated figure by date, over the fused estimate</h2><div id="timeline" data-testid="timeline"></div>
    <div id="claims"></div><div id="sources"></div>`;

  if (!own.length) root.querySelector('#est').innerHTML = '<p class="muted">No figures stored for this country.</p>';
  else {
    renderTable(root.querySelector('#est'), [
      { key: 'figure', label: 'Figure', raw: (e) => label(e), html: (e) => esc(label(e)) },
      { key: 'shown', label: 'Stated', raw: (e) => compactFigure(e), html: (e) => `<b>${esc(compactFigure(e))}</b>${e.conflict ? ' <span class="flag" title="sources disagree">conflict</span>' : ''}` },
      { key: 'best', label: 'Best', num: true, html: (e) => fmt(e.best) },
      { key: 'low', label: 'Low', num: true, html: (e) => fmt(e.low) },
      { key: 'high', label: 'High', num: true, html: (e) => fmt(e.high) },
      { key: 'interval', label: 'Interval', raw: (e) => e.interval, html: (e) => esc(intervalText(e.interval)) },
      { key: 'as_of', label: 'As of' },
      { key: 'sources', label: 'Sources', raw: (e) => e.sources.join('|'), html: (e) => esc(e.sources.join(', ')) },
      { key: 'n_claims', label: 'Claims', num: true },
      { key: 'method', label: 'Method' },
    ], own, { title: `${c.name}: estimates`, file: `ftfwatch-${iso3}-ledger`, sources: (rs) => rs.flatMap((e) => e.sources), id: 'estimates', rowKey: key });
    const persons = own.filter((e) => e.unit === 'persons');
    root.querySelector('#ivchart').innerHTML = intervalChart(persons.map((e) => ({
      label: label(e), low: e.interval.low, high: e.interval.high, best: e.best, text: compactFigure(e),
    })));
  }

  if (explained.some(Boolean)) {
    const f = root.querySelector('#fused');
    f.innerHTML = '<h2>How each figure was reached</h2>' + own.map((e, i) => (explained[i]
      ? `<details data-testid="explain-${esc(key(e))}"><summary>${esc(label(e))}: <b>${esc(compactFigure(e))}</b> <span class="muted">${esc(intervalText(e.interval))}</span></summary><pre class="explain">${esc(explanationText(explained[i].explanation))}</pre></details>`
      : '')).join('');
  }

  root.querySelector('#timeline').innerHTML = await timelineHtml(iso3, claims);

  const srcIds = new Set(claims.map((x) => x.source));
  renderTable(root.querySelector('#claims'), [
    { key: 'id', label: 'ID', num: true },
    { key: 'category', label: 'Figure', raw: (x) => `${x.category}/${x.subgroup}/${x.unit}`, html: (x) => esc(label(x)) },
    { key: 'stated', label: 'Stated', raw: (x) => statedFigure(x, fmt), html: (x) => esc(statedFigure(x, fmt)) },
    { key: 'as_of', label: 'As of' },
    { key: 'source', label: 'Source' },
    { key: 'evidence', label: 'Evidence', raw: (x) => x.sentence || x.page || x.note, html: (x) => evidenceHtml(x) },
  ], claims, { title: `${c.name}: claims behind the figures`, file: `ftfwatch-${iso3}-claims`, sources: (rs) => rs.map((x) => x.source), id: 'claims' });

  renderTable(root.querySelector('#sources'), [
    { key: 'id', label: 'ID' }, { key: 'publisher', label: 'Publisher' },
    { key: 'title', label: 'Title', html: (s) => (s.url ? `<a href="${esc(s.url)}" rel="noreferrer noopener" target="_blank">${esc(s.title)}</a>` : esc(s.title)) },
    { key: 'published', label: 'Published' }, { key: 'kind', label: 'Kind' },
  ], sources.filter((s) => srcIds.has(s.id)), { title: `${c.name}: sources`, file: `ftfwatch-${iso3}-sources`, sources: (rs) => rs.map((s) => s.id), id: 'sources' });
}
