// Browser tests of the ftfwatch dashboard in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is downloaded). Starts `ftfwatch serve` on a free
// loopback port with a fresh database, opens the dashboard, clicks countries on the map and
// checks that the numbers shown equal the API's. Prints "N passed, M failed"; exit code 1 on
// any failure.
//
// Environment: FTFWATCH_BIN (the binary; default ../../build/ftfwatch), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOT_DIR (default /tmp).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(process.env.FTFWATCH_BIN || join(here, '../../build/ftfwatch'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR || '/tmp';

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const fmt = (v) => (v === null || v === undefined ? '' : nf.format(v));
function compactFigure(e) {
  const n = (v) => (v === null || v === undefined ? '?' : fmt(v));
  switch (e.qualifier) {
    case 'exact': return n(e.best ?? e.low);
    case 'approx': return e.best != null ? '~' + n(e.best) : `${n(e.low)}–${n(e.high)}`;
    case 'at_least': return '≥' + n(e.low);
    case 'more_than': return '>' + n(e.low);
    case 'at_most': return '≤' + n(e.high);
    case 'fewer_than': return '<' + n(e.high);
    case 'range':
    case 'vague': return e.low === e.high ? n(e.low) : `${n(e.low)}–${n(e.high)}`;
    default: {  // a fused estimate: from its interval
      const iv = e.interval;
      if (iv.high == null) return '≥' + n(iv.low);
      if (e.best != null) return n(e.best);
      return iv.low === iv.high ? n(iv.low) : `${n(iv.low)}–${n(iv.high)}`;
    }
  }
}

function startServer(db, extra = []) {
  return new Promise((ok, fail) => {
    const child = spawn(BIN, ['--db', db, 'serve', '--host', '127.0.0.1', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in 30 s: ${err}`)), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); ok({ child, base: `http://127.0.0.1:${m[1]}` }); }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${err}`)); });
  });
}

const results = [];
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
  }
}

// Clicks a point inside the country's shape (not its bounding box: France's box, with
// French Guiana, is centred on the Atlantic).
async function clickCountry(page, iso3) {
  const pt = await page.evaluate((code) => {
    const el = document.querySelector(`#map .country[data-iso3="${code}"]`);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    let best = null;
    for (let gy = 1; gy < 24 && !best; gy++) {
      for (let gx = 1; gx < 24; gx++) {
        const x = box.left + (box.width * gx) / 24, y = box.top + (box.height * gy) / 24;
        if (document.elementFromPoint(x, y) === el) { best = { x, y }; break; }
      }
    }
    return best;
  }, iso3);
  if (!pt) throw new Error(`no clickable point inside ${iso3} on the map`);
  await page.mouse.click(pt.x, pt.y);
}

const tmp = mkdtempSync(join(tmpdir(), 'ftfwatch-browser-'));
let server, browser;
try {
  // The seed article's extracted claims wait for review; the server accepts decisions with a token.
  const db = join(tmp, 'ftfwatch.db');
  const ing = spawnSync(BIN, ['--db', db, '-q', 'ingest', join(here, '../fixtures/seed_article.txt'), '--date', '2017-10-24',
    '--source', 'Voice of America'], { encoding: 'utf8' });
  assert.equal(ing.status, 0, ing.stderr);
  const TOKEN = 'browser-test-token-0123456789';
  writeFileSync(join(tmp, 'token'), TOKEN + '\n');
  server = await startServer(db, ['--token-file', join(tmp, 'token'), '--token-name', 'browser-reviewer']);
  const api = async (p) => {
    const r = await fetch(server.base + '/api/' + p);
    assert.equal(r.status, 200, `GET /api/${p}`);
    return r.json();
  };
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(server.base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const ready = () => page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });

  await test('map renders countries with data, Kosovo and France joined', async () => {
    await page.goto(server.base + '/');
    await ready();
    const n = await page.locator('#map .country.has-data').count();
    assert.ok(n >= 50, `only ${n} countries coloured`);
    const ledger = await api('ledger?category=departed&subgroup=all');
    for (const iso of ['FRA', 'NOR', 'XKX']) {
      if (!ledger.some((e) => e.scope === iso)) continue;
      assert.equal(await page.locator(`#map path.country.has-data[data-iso3="${iso}"]`).count() > 0, true, `${iso} not coloured`);
    }
    await page.screenshot({ path: join(SHOTS, 'ftfwatch-map.png') });
  });

  await test('ranked table under the map shows the API figures', async () => {
    const ledger = await api('ledger?category=departed&subgroup=all&unit=persons');
    const fra = ledger.find((e) => e.scope === 'FRA');
    const cell = page.locator('[data-testid="ranked-table"] tr', { hasText: 'France' }).locator('td[data-col="departed_text"]');
    assert.equal((await cell.first().textContent()).trim(), compactFigure(fra));
  });

  for (const iso of ['FRA', 'DEU']) {
    await test(`click ${iso} on the map opens its page with the API's numbers`, async () => {
      await page.goto(server.base + '/#/map');
      await ready();
      await clickCountry(page, iso);
      await page.waitForFunction((c) => location.hash === `#/country/${c}` && document.body.dataset.ready === 'true', iso, { timeout: 15000 });
      const countries = await api('countries');
      assert.match(await page.locator('[data-testid="country-name"]').textContent(), new RegExp(countries.find((c) => c.iso3 === iso).name));
      const ledger = (await api(`ledger?country=${iso}`)).filter((e) => e.scope === iso);
      assert.ok(ledger.length > 0);
      for (const e of ledger) {
        const row = page.locator(`[data-testid="estimates"] tr[data-key="${e.category}/${e.subgroup}/${e.unit}"]`);
        assert.equal(await row.count(), 1, `row for ${e.category}/${e.subgroup}/${e.unit}`);
        assert.equal((await row.locator('td[data-col="best"]').textContent()).trim(), fmt(e.best), `${e.category} best`);
        assert.equal((await row.locator('td[data-col="low"]').textContent()).trim(), fmt(e.low), `${e.category} low`);
        assert.equal((await row.locator('td[data-col="high"]').textContent()).trim(), fmt(e.high), `${e.category} high`);
        const shown = (await row.locator('td[data-col="shown"]').textContent()).trim();
        assert.ok(shown.startsWith(compactFigure(e)), `${e.category}/${e.subgroup}: shown '${shown}', expected '${compactFigure(e)}'`);
      }
      const claims = await api(`claims?country=${iso}&pagesize=1000`);
      assert.equal(await page.locator('[data-testid="claims"] tbody tr').count(), claims.total_count);
      assert.ok((await page.locator('svg.chart').count()) >= 2, 'interval chart and timeline');
      if (iso === 'FRA') await page.screenshot({ path: join(SHOTS, 'ftfwatch-country.png'), fullPage: true });
    });
  }

  await test('claims explorer pages and filters like the API', async () => {
    await page.goto(server.base + '/#/claims?country=GBR,FRA&category=departed');
    await ready();
    const r = await api('claims?country=GBR,FRA&category=departed&page=1&pagesize=100');
    assert.match(await page.locator('[data-testid="pager"]').textContent(), new RegExp(`${fmt(r.total_count)} claims`));
    const ids = await page.locator('[data-testid="claims-table"] td[data-col="id"]').allTextContents();
    assert.deepEqual(ids.map((s) => Number(s.replace(/,/g, ''))), r.claims.map((c) => c.id));
  });

  await test('CSV download carries a citation line', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="claims-table"] button[data-dl="csv"]').click()]);
    const text = readFileSync(await dl.path(), 'utf8');
    assert.match(text.split('\n')[0], /^# Cite as: ftfwatch, "Claims", http:\/\/127\.0\.0\.1:\d+\/.*retrieved \d{4}-\d\d-\d\d\./);
    assert.match(text.split('\n')[1], /^id,scope,category/);
    const [dj] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="claims-table"] button[data-dl="json"]').click()]);
    const j = JSON.parse(readFileSync(await dj.path(), 'utf8'));
    assert.match(j.citation, /Figures as published by:/);
    assert.ok(j.data.length > 0);
  });

  await test('extract page highlights the claims the API extracts', async () => {
    const text = 'Around 850 people have travelled from the United Kingdom to Syria and Iraq; about half have returned.';
    const api = await (await fetch(server.base + '/api/extract', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
    })).json();
    const cues = api.claims.map((c) => c.cue).sort();
    assert.deepEqual(cues, ['Around 850', 'about half']);
    await page.goto(server.base + '/#/extract');
    await ready();
    await page.fill('[data-testid="extract-text"]', text);
    await page.click('#ex button[type=submit]');
    await page.waitForSelector('[data-testid="marked"]', { timeout: 15000 });
    const marks = (await page.locator('[data-testid="marked"] mark').allTextContents()).map((t) => t.trim()).sort();
    assert.deepEqual(marks, cues);
    await page.screenshot({ path: join(SHOTS, 'ftfwatch-extract.png'), fullPage: true });
  });

  await test('severity page fits pasted data like the API and draws the tail', async () => {
    const values = readFileSync(join(here, '../../data/severity/terrorism.txt'), 'utf8').trim();
    const csv = 'deaths\n' + values + '\n';
    const api = await (await fetch(server.base + '/api/severity', {
      method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv,
    })).json();
    assert.equal(api.xmin, 12);  // poweRlaw and CSN 2009 on these data
    await page.goto(server.base + '/#/severity');
    await ready();
    await page.setInputFiles('#sv input[type=file]', { name: 'terrorism.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('#sv button[type=submit]');
    await page.waitForSelector('#out .card', { timeout: 30000 });
    const cards = {};
    for (const c of await page.locator('#out .card').all()) {
      cards[(await c.locator('span').textContent()).trim()] = (await c.locator('b').textContent()).trim();
    }
    assert.equal(cards.xmin, String(api.xmin));
    assert.equal(cards.alpha, String(+api.alpha.toPrecision(4)));
    assert.equal(cards.n_tail, String(api.n_tail));
    assert.ok(await page.locator('#out svg').count() >= 1, 'no log-log plot');
    await page.screenshot({ path: join(SHOTS, 'ftfwatch-severity.png'), fullPage: true });
  });

  await test('review page: three claims reviewed with the keyboard change the ledger', async () => {
    const queue = (await api('review?source=voice-of-america')).pending;
    assert.ok(queue.length >= 3, `only ${queue.length} pending`);
    const usaBefore = (await api('ledger?country=USA')).find((e) => e.scope === 'USA' && e.category === 'departed' && e.subgroup === 'all');
    assert.equal(usaBefore.conflict, false);
    await page.goto(server.base + '/#/review?source=voice-of-america');
    await ready();
    await page.fill('#token', TOKEN);
    await page.locator('#token').evaluate((el) => { el.dispatchEvent(new Event('change')); el.blur(); });
    // The card shows the first pending claim with its cue highlighted in the sentence.
    const card = page.locator('[data-testid=review-card]');
    const cueShown = async () => (await card.locator('mark').textContent()).trim();
    // Walk to the USA departed claim with the keyboard (n), then accept it (a).
    const usaIndex = queue.findIndex((c) => c.scope === 'USA' && c.category === 'departed');
    assert.ok(usaIndex >= 0, 'the seed article states a USA departed figure');
    for (let k = 0; k < usaIndex; k++) await page.keyboard.press('n');
    assert.equal(await card.getAttribute('data-claim'), String(queue[usaIndex].id));
    assert.equal(await cueShown(), queue[usaIndex].cue);
    await page.keyboard.press('a');
    await page.waitForSelector(`[data-testid=review-status]:has-text("accepted #${queue[usaIndex].id}")`);
    // Reject the next one with a reason: r focuses the reason, Enter sends it.
    const second = Number(await card.getAttribute('data-claim'));
    await page.keyboard.press('r');
    await page.keyboard.type('not a count of fighters');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=review-status]:has-text("rejected #${second}")`);
    const third = Number(await card.getAttribute('data-claim'));
    await page.keyboard.press('a');
    await page.waitForSelector(`[data-testid=review-status]:has-text("accepted #${third}")`);
    const log = await api('review/log');
    assert.deepEqual(log.map((e) => [e.action, e.actor]), [['accept', 'browser-reviewer'], ['reject', 'browser-reviewer'], ['accept', 'browser-reviewer']]);
    assert.equal(log[1].reason, 'not a count of fighters');
    assert.equal((await api('review?source=voice-of-america')).pending.length, queue.length - 3);
    // The ledger changed: Soufan's 129 and the article's "fewer than 129" now disagree.
    await page.goto(server.base + '/#/country/USA');
    await ready();
    const row = page.locator('#est tr', { hasText: 'Departed' }).first();
    assert.equal(await row.locator('.flag').count(), 1, 'no conflict flag on USA departed after the review');
    const usaAfter = (await api('ledger?country=USA')).find((e) => e.scope === 'USA' && e.category === 'departed' && e.subgroup === 'all');
    assert.equal(usaAfter.conflict, true);
    await page.screenshot({ path: join(SHOTS, 'ftfwatch-review.png'), fullPage: true });
  });

  await test('country timeline: one mark per stated figure, arrows for "more than", the estimate band, hover text', async () => {
    const claims = (await api('claims?country=FRA&pagesize=1000')).claims.filter((x) =>
      ['departed', 'returned', 'detained'].includes(x.category) && x.subgroup === 'all' && x.unit === 'persons' &&
      x.as_of && x.review === 'accepted' && x.scope === 'FRA');
    assert.ok(claims.length >= 3, `only ${claims.length} FRA claims`);
    await page.goto(server.base + '/#/country/FRA');
    await ready();
    const tl = page.locator('[data-testid=timeline] svg');
    assert.equal(await tl.locator('.tl-mark').count(), claims.length);
    const arrowsUp = claims.filter((x) => x.qualifier === 'more_than' || x.qualifier === 'at_least').length;
    assert.equal(await tl.locator('.mark.arrow.up').count(), arrowsUp);
    const bars = claims.filter((x) => !['more_than', 'at_least', 'fewer_than', 'at_most'].includes(x.qualifier) &&
      x.low !== null && x.high !== null && x.low !== x.high).length;
    assert.equal(await tl.locator('.mark.bar').count(), bars);
    assert.ok(await tl.locator('.panel[data-category="departed"] .band').count() >= 1, 'no estimate band for departed');
    // Hover text: the figure, its source and its sentence or page.
    const first = claims.find((x) => x.category === 'departed');
    const titles = await tl.locator(`.panel[data-category="departed"] .tl-mark[data-source="${first.source}"] title`).allTextContents();
    assert.ok(titles.some((t) => t.includes(first.source) && t.includes(first.as_of)), titles.join(' | '));
    await page.screenshot({ path: join(SHOTS, 'ftfwatch-timeline.png'), fullPage: true });
  });

  await test('no console errors and no requests off the server', async () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors.filter((e) => !/status of 501/.test(e)), []);
  });
} catch (e) {
  results.push({ name: 'setup', ok: false });
  console.log(`FAIL setup: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  if (server) server.child.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
