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

// series: [{name, cls, points: [{date: 'YYYY-MM-DD', low, best, high, title}]}]
export function timelineChart(series, { width = 640, height = 240 } = {}) {
  const pts = series.flatMap((s) => s.points);
  if (!pts.length) return '<p class="muted">No dated figures.</p>';
  const t = (d) => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  const t0 = Math.min(...pts.map((p) => t(p.date))) - 1.5e10;
  const t1 = Math.max(...pts.map((p) => t(p.date))) + 1.5e10;
  const max = niceMax(Math.max(...pts.map((p) => p.high ?? p.best ?? p.low ?? 0)));
  const L = 60, R = 110, T = 10, B = 30;
  const x = (d) => L + ((width - L - R) * (t(d) - t0)) / (t1 - t0);
  const y = (v) => T + (height - T - B) * (1 - v / max);
  let s = `<svg xmlns="${NS}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Figures by publication date">`;
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    s += `<line x1="${L}" x2="${width - R}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end" class="axis">${fmt(v)}</text>`;
  }
  const y0 = new Date(t0).getUTCFullYear() + 1, y1 = new Date(t1).getUTCFullYear();
  for (let yr = y0; yr <= y1; yr++) {
    const xx = x(`${yr}-01-01`);
    s += `<line x1="${xx}" x2="${xx}" y1="${T}" y2="${height - B}" class="grid"/><text x="${xx}" y="${height - B + 16}" text-anchor="middle" class="axis">${yr}</text>`;
  }
  series.forEach((se, i) => {
    for (const p of se.points) {
      const xx = x(p.date);
      const v = p.best ?? p.low ?? p.high;
      if (p.low !== null && p.low !== undefined && p.high !== null && p.high !== undefined)
        s += `<line x1="${xx}" x2="${xx}" y1="${y(p.low)}" y2="${y(p.high)}" class="err ${se.cls}"/>`;
      else if (p.low !== null && p.low !== undefined && (p.high === null || p.high === undefined) && p.open)
        s += `<line x1="${xx}" x2="${xx}" y1="${y(p.low)}" y2="${T}" class="err open ${se.cls}"/>`;
      if (v !== null && v !== undefined)
        s += `<circle cx="${xx}" cy="${y(v)}" r="4" class="pt ${se.cls}"><title>${esc(p.title)}</title></circle>`;
    }
    s += `<circle cx="${width - R + 14}" cy="${T + 10 + i * 18}" r="4" class="pt ${se.cls}"/><text x="${width - R + 22}" y="${T + 14 + i * 18}" class="axis">${esc(se.name)}</text>`;
  });
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
