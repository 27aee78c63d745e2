// node --test web/test: the survival chart's fitted line has the fitted slope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loglogChart } from '../src/charts.js';

test('fitted tail line keeps slope 1 - alpha on log-log axes, even past the chart floor', () => {
  // 1,000 values; the fitted tail from xmin 10 with alpha 2.5 would fall below 1/n before 10,000.
  const values = Array.from({ length: 1000 }, (_, i) => 1 + i * 10);
  const fit = { xmin: 10, alpha: 2.5 };
  const svg = loglogChart(values, fit, { width: 560, height: 360 });
  const m = svg.match(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" class="fit"\/>/);
  assert.ok(m, 'no fit line');
  const [x1, y1, x2, y2] = m.slice(1).map(Number);
  // Axis scales, as the chart computes them.
  const n = values.length, L = 56, R = 16, T = 10, B = 36;
  const lx0 = Math.log10(1), lx1 = Math.log10(values[n - 1]) + 0.05;
  const ly0 = Math.log10(1 / n) - 0.1;
  const decX = (560 - L - R) / (lx1 - lx0), decY = (360 - T - B) / (0 - ly0);
  const slope = -((y2 - y1) / decY) / ((x2 - x1) / decX);
  assert.ok(Math.abs(slope - (1 - fit.alpha)) < 1e-6, `slope ${slope}`);
  assert.ok(y2 <= 360 - B + 1e-6, 'line leaves the chart');
});

test('country timeline: a bar for an interval, an arrow for more than, a band per date', async () => {
  const { countryTimeline } = await import('../src/charts.js');
  const svg = countryTimeline([{
    category: 'departed', label: 'Departed',
    marks: [
      { date: '2015-12-01', low: 400, best: null, high: 500, qualifier: 'range', source: 'a', title: 'between 400 and 500 — a' },
      { date: '2017-10-01', low: 600, best: null, high: null, qualifier: 'more_than', source: 'b', title: 'more than 600 — b' },
      { date: '2016', low: null, best: 550, high: null, qualifier: 'exact', source: 'a', title: '550 — a' },
    ],
    band: [{ date: '2015-12-01', low: 400, high: 500 }, { date: '2017-10-01', low: 600, high: null }],
  }]);
  assert.equal((svg.match(/class="mark bar"/g) || []).length, 1);
  assert.equal((svg.match(/class="mark arrow up"/g) || []).length, 1);
  assert.equal((svg.match(/class="mark point"/g) || []).length, 1);
  assert.equal((svg.match(/class="band"/g) || []).length, 2);
  assert.match(svg, /<title>more than 600 — b<\/title>/);
  assert.match(svg, /data-source="b" data-qualifier="more_than"/);
});
