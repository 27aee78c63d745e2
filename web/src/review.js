// The review page (#/review?source=…&document=…): one pending claim at a time — its figure,
// source and the sentence with the cue highlighted — with accept / reject / next on the
// keyboard (a, r, n; j/k move) and a correction form. Decisions go to POST /api/review with
// the bearer token typed once per browser session (kept in sessionStorage, never in the URL).
import { clearCache, get, post } from './api.js';
import { CATEGORY_LABEL, esc, fmt } from './format.js';
import { highlightCue, statedFigure } from './evidence.js';

const TOKEN_KEY = 'ftfwatch-token';
const FIELDS = ['scope', 'category', 'subgroup', 'qualifier', 'low', 'best', 'high', 'attributed_to'];

// Removes a previous page's key handler when the page is rendered again or left.
let detach = null;

function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

async function decide(body) {
  const res = await fetch('api/review', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token()}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const j = text ? JSON.parse(text) : {};
  if (!res.ok) throw new Error((j.error && j.error.message) || `HTTP ${res.status}`);
  clearCache();  // the ledger, map and claims change with every decision
  return j;
}

export async function renderReview(root, params) {
  if (detach) detach();
  const filter = { source: params.get('source') || '', document: params.get('document') || '', rule: params.get('rule') || '' };
  clearCache();
  const { pending } = await get('review', filter);
  let i = 0;
  root.innerHTML = `
    <h1>Review</h1>
    <p class="muted">Extracted figures wait here until a person accepts them; only accepted figures reach the ledger.
      Keys: <kbd>a</kbd> accept · <kbd>r</kbd> reject (type a reason, Enter) · <kbd>n</kbd> or <kbd>j</kbd> next · <kbd>k</kbd> previous · <kbd>c</kbd> correct.</p>
    <div class="controls"><label>Token <input type="password" id="token" autocomplete="off" size="28" value="${esc(token())}"></label>
      <span class="muted" data-testid="review-count"></span></div>
    <div id="card" data-testid="review-card"></div>
    <div class="controls">
      <button id="accept" data-testid="accept">Accept (a)</button>
      <input id="reason" data-testid="reason" placeholder="reason to reject" size="40">
      <button id="reject" data-testid="reject">Reject (r)</button>
      <button id="next">Next (n)</button>
    </div>
    <details id="correct"><summary>Correct this claim (c)</summary>
      <form id="fix" class="controls">${FIELDS.map((f) => `<label>${f} <input name="${f}" size="10"></label>`).join('')}
        <label>reason <input name="reason" size="30"></label><button type="submit">Save correction</button></form></details>
    <p id="status" data-testid="review-status" class="muted" role="status"></p>`;
  const $ = (s) => root.querySelector(s);
  $('#token').addEventListener('change', (e) => sessionStorage.setItem(TOKEN_KEY, e.target.value.trim()));

  const show = () => {
    $('#card').dataset.claim = '';
    $('[data-testid=review-count]').textContent = `${pending.length} pending`;
    if (!pending.length || i >= pending.length) {
      $('#card').innerHTML = '<p class="muted" data-testid="review-empty">Nothing left to review here.</p>';
      return;
    }
    const c = pending[i];
    $('#card').dataset.claim = String(c.id);
    $('#card').innerHTML = `
      <div class="card review-card"><span>#${c.id} · ${i + 1} of ${pending.length}</span>
        <h3><a href="#/country/${esc(c.scope)}">${esc(c.scope)}</a> ${esc(CATEGORY_LABEL[c.category] || c.category)}${c.subgroup !== 'all' ? ` (${esc(c.subgroup)})` : ''}:
          <b data-testid="review-figure">${esc(statedFigure(c, fmt))}</b> <span class="muted">${esc(c.qualifier)}, as of ${esc(c.as_of || '?')}</span></h3>
        <p><q class="evidence" data-testid="review-sentence">${highlightCue(c.sentence, c.cue)}</q></p>
        <p class="muted">source ${esc(c.source || '?')}${c.attributed_to ? ` · credits ${esc(c.attributed_to)}` : ''} · document ${esc((c.document || '').slice(0, 12))}${c.rule ? ` · rule ${esc(c.rule)}` : ''}</p></div>`;
    const form = $('#fix');
    for (const f of FIELDS) form.elements[f].value = c[f] === null || c[f] === undefined ? '' : String(c[f]);
  };
  const done = (what) => {
    const c = pending[i];
    pending.splice(i, 1);
    $('#status').textContent = `${what} #${c.id}`;
    show();
  };
  const fail = (e) => { $('#status').textContent = `Not saved: ${e.message}`; };
  const accept = () => {
    if (i >= pending.length) return;
    decide({ action: 'accept', ids: [pending[i].id] }).then(() => done('accepted'), fail);
  };
  const reject = () => {
    if (i >= pending.length) return;
    const reason = $('#reason').value.trim();
    if (!reason) { $('#reason').focus(); $('#status').textContent = 'Type a reason, then Enter.'; return; }
    decide({ action: 'reject', ids: [pending[i].id], reason }).then(() => { $('#reason').value = ''; $('#reason').blur(); done('rejected'); }, fail);
  };
  const move = (d) => { i = Math.max(0, Math.min(pending.length - 1, i + d)); show(); };
  $('#accept').addEventListener('click', accept);
  $('#reject').addEventListener('click', reject);
  $('#next').addEventListener('click', () => move(1));
  $('#reason').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); reject(); } });
  $('#fix').addEventListener('submit', (e) => {
    e.preventDefault();
    const c = pending[i];
    if (!c) return;
    const form = e.target;
    const set = {};
    for (const f of FIELDS) {
      const v = form.elements[f].value.trim();
      const old = c[f] === null || c[f] === undefined ? '' : String(c[f]);
      if (v !== old) set[f] = v === '' ? null : v;
    }
    decide({ action: 'correct', ids: [c.id], set, reason: form.elements.reason.value.trim() })
      .then(() => { $('#correct').open = false; done('corrected'); }, fail);
  });
  const onKey = (e) => {
    if (!document.body.contains(root)) { detach(); return; }
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'a') accept();
    else if (k === 'r') reject();
    else if (k === 'n' || k === 'j') move(1);
    else if (k === 'k') move(-1);
    else if (k === 'c') { $('#correct').open = true; $('#fix').elements.scope.focus(); }
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  detach = () => { document.removeEventListener('keydown', onKey); detach = null; };
  show();
}
