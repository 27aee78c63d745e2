// Small SVG charts drawn by hand: interval bars, a timeline of figures by publication date,
// and a log-log survival plot for severity fits. No chart library.
import { fmt, esc } from './format.js';

const NS = 'http://www.w3.org/2000/svg';

function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// rows: [{label, low, high, best, open}] -> horizontal bars low–high with a tick at best.
export function intervalChart(rows, { width = 640 } = {}) {
  const rowH = 26, left = 170, right = 60, top = 8;
  const h = top + rows.length * rowH + 24;
  const max = niceMax(Math.max(1, ...rows.map((r) => Math.max(r.high ?? r.low ?? 0, r.best ?? 0, r.low ?? 0))));
  const x = (v) => left + ((width - left - right) * v) / max;
  let s = `<svg xmlns="${NS}" class="chart" viewBox="0 0 ${width} ${h}" role="img" aria-label="Intervals">`;
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    s += `<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(r.label)}</text>`;
    const lo = r.low ?? 0;
    const hi = r.high ?? max;
    s += `<line x1="${x(lo)}" x2="${x(hi)}" y1="${y}" y2="${y}" class="${r.high === null || r.high === undefined ? 'bar open' : 'bar'}"/>`;
    if (r.best !== null && r.best !== undefined) s += `<circle cx="${x(r.best)}" cy="${y}" r="4" class="best"/>`;
    s += `<text x="${Math.min(x(hi) + 6, width - right + 4)}" y="${y + 4}" class="val">${esc(r.text ?? '')}</text>`;
  });
  const axisY = top + rows.length * rowH + 4;
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    s += `<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${axisY}" class="grid"/>`;
    s += `<text x="${x(v)}" y="${axisY + 14}" text-anchor="middle" class="axis">${fmt(v)}</text>`;
  }
  return s + '</svg>';
}

// Empirical survival P(X >= x) on log-log axes, with a fitted power-law tail from xmin.
export function loglogChart(values, fit, { width = 560, height = 360 } = {}) {
  const xs = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!xs.length) return '<p class="muted">No positive values.</p>';
  const n = xs.length;
  const L = 56, R = 16, T = 10, B = 36;
  const lx0 = Math.log10(xs[0]), lx1 = Math.log10(xs[n - 1]) + 0.05;
  const ly0 = Math.log10(1 / n) - 0.1, ly1 = 0;
  const X = (v) => L + ((width - L - R) * (Math.log10(v) - lx0)) / Math.max(1e-9, lx1 - lx0);
  const Y = (p) => T + ((height - T - B) * (ly1 - Math.log10(p))) / (ly1 - ly0);
  let s = `<svg xmlns="${NS}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Survival function">`;
  for (let e = Math.ceil(lx0); e <= Math.floor(lx1); e++)
    s += `<line x1="${X(10 ** e)}" x2="${X(10 ** e)}" y1="${T}" y2="${height - B}" class="grid"/><text x="${X(10 ** e)}" y="${height - B + 16}" text-anchor="middle" class="axis">${fmt(10 ** e)}</text>`;
  for (let e = Math.ceil(ly0); e <= 0; e++)
    s += `<line x1="${L}" x2="${width - R}" y1="${Y(10 ** e)}" y2="${Y(10 ** e)}" class="grid"/><text x="${L - 6}" y="${Y(10 ** e) + 4}" text-anchor="end" class="axis">1e${e}</text>`;
  let prev = null;
  for (let i = 0; i < n; i++) {
    if (prev === xs[i]) continue;
    prev = xs[i];
    s += `<circle cx="${X(xs[i]).toFixed(1)}" cy="${Y((n - i) / n).toFixed(1)}" r="2.2" class="pt"/>`;
  }
  if (fit && fit.xmin > 0 && fit.alpha > 1) {
    const ntail = xs.filter((v) => v >= fit.xmin).length;
    const p0 = ntail / n;
    // The fitted tail P(X >= x) = p0 (x / xmin)^(1 - alpha), drawn to the largest value or to
    // the bottom of the chart, whichever comes first (never clamped: that would bend its slope).
    const floor = 10 ** ly0;
    let x2 = xs[n - 1];
    let p2 = p0 * (x2 / fit.xmin) ** (1 - fit.alpha);
    if (p2 < floor) {
      x2 = fit.xmin * (floor / p0) ** (1 / (1 - fit.alpha));
      p2 = floor;
    }
    s += `<line x1="${X(fit.xmin)}" y1="${Y(p0)}" x2="${X(x2)}" y2="${Y(p2)}" class="fit"/>`;
  }
  s += `<text x="${(L + width - R) / 2}" y="${height - 4}" text-anchor="middle" class="axis">deaths per attack (log)</text>`;
  return s + '</svg>';
}

// A country's history: one panel per category, every stated figure at its date — a dot for a
// point, a bar for an interval, an arrow up for "more than / at least" and down for "fewer
// than / at most" — coloured by source, over the fused estimate's band as it stood at each date.
// panels: [{label, marks: [{date, low, best, high, qualifier, source, title}],
//           band: [{date, low, high}]}]; hovering a mark shows its title (sentence and source).
export function countryTimeline(panels, { width = 720, panelHeight = 170 } = {}) {
  const marks = panels.flatMap((p) => p.marks);
  if (!marks.length) return '<p class="muted">No dated figures.</p>';
  const t = (d) => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  const dates = [...marks.map((m) => m.date), ...panels.flatMap((p) => p.band.map((b) => b.date))];
  const t0 = Math.min(...dates.map(t)) - 1.5e10;
  const t1 = Math.max(...dates.map(t)) + 1.5e10;
  const sources = [...new Set(marks.map((m) => m.source))].sort();
  const colour = (s) => `hsl(${(sources.indexOf(s) * 137) % 360} 65% 40%)`;
  const L = 64, R = 16, T = 22, B = 26;
  const x = (d) => L + ((width - L - R) * (t(d) - t0)) / (t1 - t0);
  const legendH = 18 * Math.ceil(sources.length / 4) + 8;
  const H = panels.length * panelHeight + legendH;
  let s = `<svg xmlns="${NS}" class="chart timeline" viewBox="0 0 ${width} ${H}" role="img" aria-label="Figures by date">`;
  panels.forEach((p, pi) => {
    const top = pi * panelHeight;
    const vals = [...p.marks.flatMap((m) => [m.low, m.best, m.high]), ...p.band.flatMap((b) => [b.low, b.high])]
      .filter((v) => v !== null && v !== undefined && Number.isFinite(v));
    const max = niceMax(Math.max(1, ...vals) * 1.1);
    const y = (v) => top + T + (panelHeight - T - B) * (1 - Math.min(v, max) / max);
    s += `<g class="panel" data-category="${esc(p.category)}"><text x="${L}" y="${top + 14}" class="ptitle">${esc(p.label)}</text>`;
    for (let k = 0; k <= 2; k++) {
      const v = (max * k) / 2;
      s += `<line x1="${L}" x2="${width - R}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end" class="axis">${fmt(v)}</text>`;
    }
    const yr0 = new Date(t0).getUTCFullYear() + 1, yr1 = new Date(t1).getUTCFullYear();
    for (let yr = yr0; yr <= yr1; yr++)
      s += `<text x="${x(`${yr}-01-01`)}" y="${top + panelHeight - B + 14}" text-anchor="middle" class="axis">${yr}</text>`;
    // The band: the estimate's interval from each date to the next (a step), open tops drawn to the panel's top.
    const band = [...p.band].sort((a, b) => t(a.date) - t(b.date));
    band.forEach((b, bi) => {
      const xa = x(b.date), xb = bi + 1 < band.length ? x(band[bi + 1].date) : width - R;
      const hi = b.high === null || b.high === undefined ? max : b.high;
      s += `<rect class="band" x="${xa}" width="${Math.max(1, xb - xa)}" y="${y(hi)}" height="${Math.max(1, y(b.low ?? 0) - y(hi))}"><title>${esc(`estimate from ${b.date}: ${fmt(b.low)}–${b.high === null || b.high === undefined ? '…' : fmt(b.high)}`)}</title></rect>`;
    });
    for (const m of p.marks) {
      const xx = x(m.date), c = colour(m.source);
      const title = `<title>${esc(m.title)}</title>`;
      const has = (v) => v !== null && v !== undefined;
      let shape;
      if (m.qualifier === 'more_than' || m.qualifier === 'at_least')
        shape = `<path class="mark arrow up" d="M${xx} ${y(m.low) - 16} l-5 7 h10 z M${xx} ${y(m.low)} v-10" stroke="${c}" fill="${c}"/>`;
      else if (m.qualifier === 'fewer_than' || m.qualifier === 'at_most')
        shape = `<path class="mark arrow down" d="M${xx} ${y(m.high) + 16} l-5 -7 h10 z M${xx} ${y(m.high)} v10" stroke="${c}" fill="${c}"/>`;
      else if (has(m.low) && has(m.high) && m.low !== m.high)
        shape = `<line class="mark bar" x1="${xx}" x2="${xx}" y1="${y(m.low)}" y2="${y(m.high)}" stroke="${c}"/>`;
      else shape = `<circle class="mark point" cx="${xx}" cy="${y(m.best ?? m.low ?? m.high)}" r="4.5" fill="${c}"/>`;
      s += `<g class="tl-mark" data-source="${esc(m.source)}" data-qualifier="${esc(m.qualifier)}">${title}${shape}</g>`;
    }
    s += '</g>';
  });
  sources.forEach((src, k) => {
    const lx = L + (k % 4) * ((width - L) / 4), ly = panels.length * panelHeight + 14 + 18 * Math.floor(k / 4);
    s += `<circle cx="${lx}" cy="${ly - 4}" r="4.5" fill="${colour(src)}"/><text x="${lx + 8}" y="${ly}" class="axis">${esc(src)}</text>`;
  });
  return s + '</svg>';
}
